#!/usr/bin/env bash
# PDF reader benchmark: galley PDF -> Markdown against pdftotext (the same Poppler,
# text only, so near the floor) on the same files, in one run. The target is galley
# within 1.5x of pdftotext's CPU time per page; the pdftotext row's "cpu ratio" is
# its CPU time / galley's, so 1.5x means a ratio of 0.67.
# Usage: bench/bench_pdf.sh [CORPUS_DIR] [MAX_FILES]   (default: ../shared/corpus/pdf/dev, all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/pdf/dev}
max=${2:-1000}
source "$root/scripts/deps.sh"
galley_install_packages poppler-utils time

files=$(mktemp -d)
trap 'rm -rf "$files"' EXIT
pages=0
for case_dir in $(ls -d "$corpus"/*/ | head -n "$max"); do
  cp "$case_dir"/*.pdf "$files/$(basename "$case_dir").pdf"
  pages=$((pages + $(pdfinfo "$files/$(basename "$case_dir").pdf" | awk '/^Pages:/ {print $2}')))
done
count=$(ls "$files" | wc -l)
echo "$count files, $pages pages (ms cpu/page = ms cpu/file x $count / $pages)"
python3 "$root/bench/bench.py" --title "PDF -> Markdown" --repeat "${REPEAT:-3}" \
  --tool galley "$root/build/bin/galley convert {in} -q -o {out}.md" \
  --tool pdftotext "pdftotext {in} {out}.txt" \
  "$files"/*.pdf
