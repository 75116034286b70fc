#!/usr/bin/env bash
# Kairan's search vs Pagefind 1.5.2 (extended, Japanese segmentation) on the shared 5,000-article
# corpus, side by side in one run, everything on tmpfs:
#   - build time: Kairan's whole build with its index, Hugo, Hugo + Pagefind (hyperfine medians)
#   - indexing time: Kairan's "index for search" step (median of the runs; it also checks the
#     pages' #anchors and writes the index's page store) vs `pagefind` over
#     Kairan's own HTML output
#   - total index bytes, and in Chromium (Debian's, through Playwright, cold cache per query) the
#     bytes a first query downloads (gzip sizes), the query time once loaded, and the hits of a set
#     of Japanese queries against the truth (pages whose normalised text holds the query)
# usage: Benchmarks/search.sh [articles=5000] [runs=5]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KAIRAN_SHARED:-$root/../shared}
articles=${1:-5000}
runs=${2:-5}
work=/dev/shm/kairan-search-bench
kairan=$root/.build/release/kairan
command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine; }
python3 -c "import pagefind" 2>/dev/null || python3 -m pip install --quiet "pagefind[extended]==1.5.2"
[ -x "$kairan" ] || (cd "$root" && swift build -c release --static-swift-stdlib)

rm -rf "$work" && mkdir -p "$work"
python3 "$shared/bench/gen_corpus.py" "$work/site" "$articles"
sh "$shared/bench/hugo_build.sh" "$work/site" "$work/hugo"
pagefind="python3 -m pagefind --quiet"
kairan_cmd="$kairan build --site $work/site --output $work/kairan-out --date 2026-11-25 --quiet"
hugo_cmd="hugo --quiet --source $work/hugo --destination $work/hugo-out"
hugo_pf_cmd="sh -c 'hugo --quiet --source $work/hugo --destination $work/hugo-out && $pagefind --site $work/hugo-out'"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/builds.json" \
  -n kairan "$kairan_cmd" -n hugo "$hugo_cmd" -n hugo+pagefind "$hugo_pf_cmd"

# Indexing alone: Kairan's step, and Pagefind over the same HTML (Kairan's public tree, main only).
for _ in $(seq "$runs"); do
  "$kairan" build --site "$work/site" --output "$work/kairan-out" --date 2026-11-25 --verbose | sed -nE 's/^ *index for search[^:]*: ([0-9]+) ms.*/\1/p'
done | sort -n | awk '{a[NR]=$1} END {print "kairan index step median: " a[int((NR+1)/2)] " ms"}'
public=$(cd "$work/kairan-out/public" && pwd -P)
hyperfine --warmup 1 --runs "$runs" --export-json "$work/pagefind.json" \
  -n pagefind "rm -rf $public/pagefind && $pagefind --site $public --root-selector main"
python3 - "$work/builds.json" "$work/pagefind.json" <<'PY'
import json, sys
b = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
p = json.load(open(sys.argv[2]))["results"][0]["median"]
print(f"median wall: kairan (with search) {b['kairan']*1000:.0f} ms, hugo {b['hugo']*1000:.0f} ms, hugo+pagefind {b['hugo+pagefind']*1000:.0f} ms")
print(f"  kairan is {b['hugo']/b['kairan']:.1f}x faster than hugo, {b['hugo+pagefind']/b['kairan']:.1f}x faster than hugo+pagefind")
print(f"pagefind indexing kairan's html: {p*1000:.0f} ms median")
PY
du -sb "$public/search" "$public/pagefind" | awk '{printf "index bytes: %s %.1f MB\n", $2, $1/1e6}'
python3 "$root/Benchmarks/search_compare.py" "$public"
