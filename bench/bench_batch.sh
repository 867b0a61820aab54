#!/usr/bin/env bash
# Batch benchmark: docs/second at --jobs 1 and 2 and peak memory, on (1) the HTML dev
# corpus and (2) a generated zip archive of 10,000 small HTML articles.
# Usage: bench/bench_batch.sh [CORPUS_DIR]   (default: ../shared/corpus/html/dev)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/html/dev}
source "$root/scripts/deps.sh"
galley_install_packages time zip bc
galley="$root/build/bin/galley"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/pages"
for case_dir in "$corpus"/*/; do
  gzip -dc "$case_dir/source.html.gz" >"$work/pages/$(basename "$case_dir").html"
done

mkdir -p "$work/small"
for i in $(seq 0 9999); do
  printf '<!doctype html><html lang="en"><head><title>Story %d</title></head><body><article><h1>Story %d</h1><p class="byline">By Jane Doe</p><p>Paragraph one of story %d, long enough to be read as the body of an article, with a few clauses, commas and a full stop.</p><p>Paragraph two carries on with more words about the same subject, so the reader finds it.</p></article><footer>Contact us</footer></body></html>\n' "$i" "$i" "$i" >"$work/small/story$i.html"
done
(cd "$work/small" && zip -q -r "$work/small.zip" .)

run() {  # label, jobs, input
  local label=$1 jobs=$2 input=$3
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$galley" batch "$input" -o "$work/out" -t md -j "$jobs" -q || true
  read -r wall peak <"$work/time"
  local docs
  docs=$(find "$work/out" -type f | wc -l)
  printf '  %-26s jobs=%s  %6d docs  %7.2f s  %8.1f docs/s  peak %6.1f MiB\n' \
    "$label" "$jobs" "$docs" "$wall" "$(echo "$docs / $wall" | bc -l)" "$(echo "$peak / 1024" | bc -l)"
  echo "$wall"
}

echo "galley batch, $(nproc) cores"
for input in pages small.zip; do
  t1=$(run "$input" 1 "$work/$input" | tee /dev/stderr | tail -1)
  t2=$(run "$input" 2 "$work/$input" | tee /dev/stderr | tail -1)
  printf '  %-26s speed-up with 2 jobs: %.2fx\n' "$input" "$(echo "$t1 / $t2" | bc -l)"
done 2>&1 | grep -v '^[0-9.]*$'
