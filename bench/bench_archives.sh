#!/usr/bin/env bash
# Archive throughput: documents/second and peak memory of `galley batch` on generated
# zip archives of 1,000, 10,000 and 100,000 entries (small HTML articles that all show
# one image from the archive, so every document reads an entry besides its own), with
# -t json (which embeds the image) and -t md (which does not read it). Throughput
# should not fall as the archive grows, nor memory grow with it; each size's rate is
# compared with the size ten times smaller.
# Usage: bench/bench_archives.sh [JOBS]   (default: the number of cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/deps.sh"
galley_install_packages time bc python3
galley="$root/build/bin/galley"
jobs=${1:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_archive() {  # entries, path
  python3 - "$1" "$2" <<'PY'
import base64, sys, zipfile
entries, path = int(sys.argv[1]), sys.argv[2]
png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
page = ('<!doctype html><html lang="en"><head><title>Story {0}</title></head><body><article>'
        '<h1>Story {0}</h1><p class="byline">By Jane Doe</p><p><img src="images/logo.png" alt="logo"> '
        'Paragraph one of story {0}, long enough to be read as the body of an article, with a few '
        'clauses, commas and a full stop.</p><p>Paragraph two carries on with more words about the '
        'same subject, so the reader finds it.</p></article><footer>Contact us</footer></body></html>\n')
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("images/logo.png", png)
    for i in range(entries - 1):
        z.writestr(f"{i % 100:02d}/story{i}.html", page.format(i))
PY
}

echo "galley batch on zip archives, -j $jobs, $(nproc) cores"
for format in json md; do
  declare -A rates=()
  for entries in 1000 10000 100000; do
    archive="$work/a$entries.zip"
    [ -f "$archive" ] || make_archive "$entries" "$archive"
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M" -o "$work/time" "$galley" batch "$archive" -o "$work/out" -t "$format" \
      -j "$jobs" -q
    read -r wall peak <"$work/time"
    docs=$(find "$work/out" -type f | wc -l)
    rates[$entries]=$(echo "$docs / $wall" | bc -l)
    # Each size's rate against the size ten times smaller.
    ratio=""
    smaller=$((entries / 10))
    [ -z "${rates[$smaller]:-}" ] ||
      ratio=$(printf '  rate vs %d: %.2f' "$smaller" "$(echo "${rates[$entries]} / ${rates[$smaller]}" | bc -l)")
    printf '  -t %-4s %6d entries  %6d docs  %7.2f s  %8.1f docs/s  peak %6.1f MiB%s\n' \
      "$format" "$entries" "$docs" "$wall" "${rates[$entries]}" "$(echo "$peak / 1024" | bc -l)" \
      "$ratio"
  done
done
