#!/usr/bin/env bash
# Instructions executed per article by full extraction, counted by valgrind (cachegrind):
# unlike seconds, the count hardly moves with the load of a shared machine, so it shows a
# 5% change that wall-clock runs bury in noise. Needs valgrind (Debian: apt install valgrind).
#
#   benchmarks/instructions.sh [ARTICLES]     # default 100; about 2 minutes
#
# Runs the extractor on 0 and on ARTICLES SaudiNewsNet articles (resources warm in both)
# and prints the difference per article. Compare commits by running it in two worktrees.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100}"
py="${PYTHON:-python}"
code='
import sys
from benchmarks._work import DEFAULT_CORPUS, read_articles, run_articles
from marsad.resources import default_resources
default_resources().warm()
n = int(sys.argv[1])
articles = read_articles(DEFAULT_CORPUS, max(n, 1))
if n:
    run_articles(articles, "extract")
'
count() {
  PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$py" -c "$code" "$1" 2>&1 | awk '/I *refs/ {gsub(",", "", $NF); print $NF}'
}
"$py" -c "$code" 0  # fill the resource cache first, outside the count
base=$(count 0)
total=$(count "$n")
echo "$(( (total - base) / n / 1000 )) thousand instructions per article ($n articles, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
