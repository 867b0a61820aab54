#!/usr/bin/env bash
# Converts every article of the dev corpora to EPUB and JATS with galley and runs the
# validators on the results (epubcheck; xmllint against the JATS 1.3 DTD copied in
# tests/data/jats), printing each article with problems and the totals. Not part of CI:
# the corpora are third-party and stay outside the repository.
# Usage: bench/validate_corpus.sh [CORPUS_DIR...]
#   default: ../shared/corpus/html/dev (when galley reads HTML) and ../shared/corpus/pdf/dev
#   (when it reads PDF). JOBS=n sets the parallelism (default: nproc).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
galley="$root/build/bin/galley"
jar=${GALLEY_EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
[ -x "$galley" ] || { echo "build galley first (build/bin/galley)" >&2; exit 2; }
[ -f "$jar" ] || { echo "epubcheck missing: apt-get install -y epubcheck" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install -y libxml2-utils" >&2; exit 2; }

readers=$("$galley" formats | sed -n '/^Input/,/^Output/p')
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  grep -q '^  html ' <<<"$readers" && corpora+=("$root/../shared/corpus/html/dev")
  grep -q '^  pdf ' <<<"$readers" && corpora+=("$root/../shared/corpus/pdf/dev")
  [ ${#corpora[@]} -gt 0 ] || { echo "galley reads neither HTML nor PDF yet" >&2; exit 2; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One article: prints "name convert epub_errors epub_warnings jats_errors", where
# convert is ok or failed and the counts come from the validators' own summaries.
validate_one() {
  local case_dir=$1 work=$2 galley=$3 jar=$4 catalog=$5
  local name input dir
  name=$(basename "$(dirname "$case_dir")")-$(basename "$case_dir")
  dir="$work/$name"
  mkdir -p "$dir"
  if [ -f "$case_dir/source.html.gz" ]; then
    input="$dir/input.html"
    gzip -dc "$case_dir/source.html.gz" >"$input"
  else
    input=$(ls "$case_dir"/source.* 2>/dev/null | head -n 1)
  fi
  if ! "$galley" convert "$input" -q -o "$dir/a.epub" 2>"$dir/convert.log" ||
     ! "$galley" convert "$input" -q -o "$dir/a.jats" 2>>"$dir/convert.log"; then
    echo "$name failed 0 0 0"
    return
  fi
  local check errors warnings jats
  check=$(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" "$dir/a.epub" 2>&1 || true)
  errors=$(grep -c '^\(ERROR\|FATAL\)' <<<"$check" || true)
  warnings=$(grep -c '^WARNING' <<<"$check" || true)
  jats=$(XML_CATALOG_FILES="$catalog" xmllint --noout --nonet --valid "$dir/a.jats" 2>&1 |
         grep -c 'error' || true)
  [ "$errors$warnings" = "00" ] || grep '^\(ERROR\|FATAL\|WARNING\)' <<<"$check" | sed "s|^|  $name: |" >&2
  echo "$name ok $errors $warnings $jats"
}
export -f validate_one

for corpus in "${corpora[@]}"; do ls -d "$corpus"/*/; done |
  xargs -P "${JOBS:-$(nproc)}" -I{} bash -c 'validate_one "$@"' _ {} "$work" "$galley" "$jar" \
    "$root/tests/data/jats/catalog.xml" >"$work/results.txt"

sort "$work/results.txt" | awk '
  { articles++ }
  $2 == "failed" { failed++; print "  " $1 ": galley could not convert it"; next }
  { ee += $3; ew += $4; je += $5
    if ($3 + $4 > 0) epub_bad++
    if ($5 > 0) { jats_bad++; print "  " $1 ": JATS not valid (" $5 " errors)" } }
  END {
    printf "articles: %d, not converted: %d\n", articles, failed
    printf "EPUB (epubcheck): %d errors, %d warnings, %d articles with any\n", ee, ew, epub_bad
    printf "JATS (xmllint --valid, DTD 1.3): %d errors, %d articles not valid\n", je, jats_bad
  }'
