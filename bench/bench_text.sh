#!/usr/bin/env bash
# Text reader and Markdown/JSON/text writer benchmark: galley against pandoc on the
# same text inputs (the text fixtures, each repeated into a long document too).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/deps.sh"
galley_install_packages pandoc time
inputs=$(mktemp -d)
trap 'rm -rf "$inputs"' EXIT
for f in "$root"/fixtures/text/*/input.txt; do
  name=$(basename "$(dirname "$f")")
  cp "$f" "$inputs/$name.txt"
  for _ in $(seq 50); do cat "$f"; echo; done >"$inputs/$name-x50.txt"
done
galley="$root/build/bin/galley"
for pair in "markdown commonmark md" "json json json" "txt plain txt"; do
  read -r ours theirs ext <<<"$pair"
  python3 "$root/bench/bench.py" --title "text -> $ours" --repeat "${REPEAT:-3}" \
    --tool galley "$galley convert {in} -f text -t $ours -q -o {out}.$ext" \
    --tool pandoc "pandoc -f markdown -t $theirs {in} -o {out}.$ext" \
    "$inputs"/*.txt
done
