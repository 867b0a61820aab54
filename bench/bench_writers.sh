#!/usr/bin/env bash
# EPUB and JATS writer benchmark: galley against pandoc on the same articles, in one run,
# per article (bench_writers.py). Inputs: the HTML pages of CORPUS_DIR when galley has
# an HTML reader, else the text fixtures (pandoc reads them as Markdown).
# Usage: bench/bench_writers.sh [CORPUS_DIR] [MAX_PAGES]   (default: ../shared/corpus/html/dev, 40)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/html/dev}
max=${2:-40}
source "$root/scripts/deps.sh"
galley_install_packages pandoc
galley="$root/build/bin/galley"

inputs=$(mktemp -d)
trap 'rm -rf "$inputs"' EXIT
if "$galley" formats | sed '/^Output/q' | grep -q '^  html '; then
  from=html pandoc_from=html
  for case_dir in $(ls -d "$corpus"/*/ | head -n "$max"); do
    name=$(basename "$case_dir")
    if [ -f "$case_dir/source.html.gz" ]; then gzip -dc "$case_dir/source.html.gz"; else cat "$case_dir/source.html"; fi \
      >"$inputs/$name.html"
  done
else
  echo "galley has no HTML reader yet: timing the text fixtures instead" >&2
  from=text pandoc_from=markdown
  for f in "$root"/fixtures/text/*/input.txt; do cp "$f" "$inputs/$(basename "$(dirname "$f")").txt"; done
fi
python3 "$root/bench/bench_writers.py" --galley "$galley" --from "$from" --pandoc-from "$pandoc_from" \
  --repeat "${REPEAT:-3}" "$inputs"/*
