#!/usr/bin/env bash
# HTML reader benchmark: galley HTML -> Markdown against Mozilla Readability (node,
# jsdom) and pandoc on the same pages, in one run, a process per page each. Then whole
# jobs over all the pages: galley started once per page (a shell loop, a make rule),
# galley batch in one process, and Readability in one node process for all pages, as a
# service built on it would run, so node's start-up is paid once.
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

echo
out=$(mktemp -d)
trap 'rm -rf "$pages" "$out"' EXIT
python3 "$root/bench/bench_totals.py" --title "HTML -> JSON, all pages" --repeat "${REPEAT:-3}" \
  --tool "galley, a process per page" \
  "for f in '$pages'/*.html; do '$root/build/bin/galley' convert \"\$f\" -q -t json -o /dev/null; done" \
  --tool "galley batch, one process" "'$root/build/bin/galley' batch '$pages' -o '$out/batch' -t json -q -j 1" \
  --tool "readability, one node process" "node '$root/bench/readability.js' '$pages'/*.html"
