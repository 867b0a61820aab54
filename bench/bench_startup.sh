#!/usr/bin/env bash
# Start-up: what a process costs around a conversion too small to matter, galley side by
# side with the tools of the same weight, CPU per process over REPEAT interleaved runs
# (bench.py). xmllint --version is the cost of loading libxml2 (with ICU) itself,
# pdftotext -v of loading Poppler, /bin/true of a process. A document that says its
# language converts without loading CLD2; one that does not loads it (and the shared
# C++ runtime) from the command's language-detector module, so both are timed.
# Usage: bench/bench_startup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/deps.sh"
galley_install_packages poppler-utils libxml2-utils time

files=$(mktemp -d)
trap 'rm -rf "$files"' EXIT
paragraph="The council approved the new budget on Tuesday after a long debate."
printf '<!DOCTYPE html><html lang="en"><title>Budget</title><p>%s</p></html>\n' "$paragraph" \
  >"$files/lang.html"
printf '<!DOCTYPE html><html><title>Budget</title><p>%s</p></html>\n' "$paragraph" >"$files/nolang.html"
printf -- '---\ntitle: Budget\nlang: en\n---\n\n%s\n' "$paragraph" >"$files/lang.md"
printf '%s\n' "$paragraph" >"$files/nolang.txt"
pdf=$root/fixtures/pdf/hyphenated_break/input.pdf  # one page
galley=$root/build/bin/galley
python3 "$root/bench/bench.py" --title "start-up (ms cpu/file is CPU per process)" \
  --repeat "${REPEAT:-30}" \
  --tool "galley --version" "$galley --version" \
  --tool "galley html, lang given" "$galley convert $files/lang.html -q -t json -o {out}.json" \
  --tool "galley html, lang detected" "$galley convert $files/nolang.html -q -t json -o {out}.json" \
  --tool "galley text, lang given" "$galley convert $files/lang.md -q -t json -o {out}.json" \
  --tool "galley text, lang detected" "$galley convert $files/nolang.txt -q -t json -o {out}.json" \
  --tool "galley 1-page pdf" "$galley convert $pdf -q -t json -o {out}.json" \
  --tool "xmllint --version" "xmllint --version" \
  --tool "pdftotext -v" "pdftotext -v" \
  --tool "pdftotext 1-page pdf" "pdftotext $pdf {out}.txt" \
  --tool "/bin/true" "/bin/true" \
  "$pdf"
