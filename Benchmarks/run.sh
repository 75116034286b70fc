#!/usr/bin/env bash
# Kairan vs Hugo on the shared 5,000-article corpus, side by side in one run, both writing to tmpfs.
#   wall time: hyperfine (warm-up + N runs, median reported)
#   peak memory: GNU time -v (maximum resident set size), several runs each
# usage: Benchmarks/run.sh [articles=5000] [runs=10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${KAIRAN_SHARED:-$root/../shared}
articles=${1:-5000}
runs=${2:-10}
work=/dev/shm/kairan-bench
kairan=$root/.build/release/kairan

command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
[ -x "$kairan" ] || (cd "$root" && swift build -c release --static-swift-stdlib)

rm -rf "$work" && mkdir -p "$work"
python3 "$shared/bench/gen_corpus.py" "$work/site" "$articles"
sh "$shared/bench/hugo_build.sh" "$work/site" "$work/hugo"
echo "corpus: $articles articles; $(nproc) cores; $(hugo version | cut -d' ' -f1-2); kairan $("$kairan" --version)"

kairan_cmd="$kairan build --site $work/site --output $work/kairan-out --date 2026-11-25 --quiet"
hugo_cmd="hugo --quiet --source $work/hugo --destination $work/hugo-out"
hyperfine --warmup 2 --runs "$runs" --export-json "$work/hyperfine.json" -n kairan "$kairan_cmd" -n hugo "$hugo_cmd"

peak() { # command... → median peak RSS in KiB over 5 runs
  for _ in 1 2 3 4 5; do /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; done | sort -n | sed -n 3p
}
kairan_rss=$(peak $kairan_cmd)
hugo_rss=$(peak $hugo_cmd)
python3 - "$work/hyperfine.json" "$kairan_rss" "$hugo_rss" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
k, h = results["kairan"]["median"], results["hugo"]["median"]
krss, hrss = int(sys.argv[2]), int(sys.argv[3])
print(f"median wall: kairan {k*1000:.0f} ms, hugo {h*1000:.0f} ms -> kairan is {h/k:.1f}x faster")
print(f"median peak RSS: kairan {krss/1024:.0f} MiB, hugo {hrss/1024:.0f} MiB -> kairan uses {krss/hrss:.2f} of hugo's memory")
PY
