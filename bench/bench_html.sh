#!/usr/bin/env bash
# HTML reader benchmark: galley HTML -> Markdown against Mozilla Readability (node,
# jsdom) and pandoc on the same pages, in one run.
# Usage: bench/bench_html.sh [CORPUS_DIR] [MAX_PAGES]   (default: ../shared/corpus/html/dev, all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/html/dev}
max=${2:-1000}
source "$root/scripts/deps.sh"
galley_install_packages pandoc time
command -v npm >/dev/null || galley_install_packages nodejs npm
[ -d "$root/bench/node_modules/@mozilla/readability" ] ||
  (cd "$root/bench" && npm install --no-audit --no-fund --silent)

pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
for case_dir in $(ls -d "$corpus"/*/ | head -n "$max"); do
  name=$(basename "$case_dir")
  if [ -f "$case_dir/source.html.gz" ]; then gzip -dc "$case_dir/source.html.gz"; else cat "$case_dir"/source.html; fi \
    >"$pages/$name.html"
done
python3 "$root/bench/bench.py" --title "HTML -> Markdown" --repeat "${REPEAT:-1}" \
  --tool galley "$root/build/bin/galley convert {in} -q -o {out}.md" \
  --tool readability "node $root/bench/readability.js {in}" \
  --tool pandoc "pandoc -f html -t commonmark {in} -o {out}.md" \
  "$pages"/*.html
