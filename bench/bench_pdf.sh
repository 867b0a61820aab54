#!/usr/bin/env bash
# PDF reader benchmark: galley PDF -> JSON against pdftotext (the same Poppler text
# device, text only, so near the floor) on the same files, interleaved file by file
# over REPEAT passes (bench.py). The target is galley within 1.2x of pdftotext's CPU
# per file; the pdftotext row's ratios are its CPU time / galley's, so 1.2x means a
# ratio of 0.83. Then a 152-page document (the project's 38-page fixture four times),
# process start-up (bench_startup.sh), and peak memory by page count: galley holds a window of
# pages and the model, not the whole document, so its peak may grow with the text it
# writes but not with the pages it reads.
# Usage: bench/bench_pdf.sh [CORPUS_DIR] [MAX_FILES]   (default: ../shared/corpus/pdf/dev, all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/pdf/dev}
max=${2:-1000}
source "$root/scripts/deps.sh"
galley_install_packages poppler-utils time qpdf libxml2-utils

files=$(mktemp -d)
trap 'rm -rf "$files"' EXIT
pages=0
for case_dir in $(ls -d "$corpus"/*/ | head -n "$max"); do
  cp "$case_dir"/*.pdf "$files/$(basename "$case_dir").pdf"
  pages=$((pages + $(pdfinfo "$files/$(basename "$case_dir").pdf" | awk '/^Pages:/ {print $2}')))
done
count=$(ls "$files" | wc -l)
echo "$count files, $pages pages (ms cpu/page = ms cpu/file x $count / $pages)"
galley_vs_pdftotext() {
  python3 "$root/bench/bench.py" --title "$1" --repeat "$2" \
    --tool galley "$root/build/bin/galley convert {in} -q -t json -o {out}.json" \
    --tool pdftotext "pdftotext {in} {out}.txt" \
    "${@:3}"
}
galley_vs_pdftotext "PDF -> JSON" "${REPEAT:-5}" "$files"/*.pdf

long=$root/fixtures/pdf/long_document/input.pdf
echo
qpdf --empty --pages "$long" "$long" "$long" "$long" -- "$files/long152.pdf"
galley_vs_pdftotext "PDF -> JSON, one 152-page document" "${REPEAT:-5}" "$files/long152.pdf"

# Start-up: galley --version and tiny conversions against pdftotext -v, xmllint --version
# and /bin/true.
echo
REPEAT=30 bash "$root/bench/bench_startup.sh"

# Peak resident memory against page count, on the project's own 38-page fixture cut to
# 2 pages or repeated (qpdf), galley -> Markdown and pdftotext side by side.
peak_mib() { /usr/bin/time -f %M -o "$files/rss" "$@" >/dev/null 2>&1; awk '{printf "%.1f", $1 / 1024}' "$files/rss"; }
echo
echo "peak memory by page count (MiB)"
printf '  %6s %10s %10s %12s\n' pages galley pdftotext "galley out"
for copies in 0 1 5 20; do
  doc=$files/long$copies.pdf
  if [ "$copies" = 0 ]; then
    qpdf "$long" --pages "$long" 1-2 -- "$doc"
  else
    qpdf --empty --pages $(for _ in $(seq "$copies"); do echo "$long"; done) -- "$doc"
  fi
  n=$(pdfinfo "$doc" | awk '/^Pages:/ {print $2}')
  g=$(peak_mib "$root/build/bin/galley" convert "$doc" -q -o "$files/long.md")
  p=$(peak_mib pdftotext "$doc" "$files/long.txt")
  printf '  %6s %10s %10s %9s KiB\n' "$n" "$g" "$p" "$(($(wc -c <"$files/long.md") / 1024))"
done
