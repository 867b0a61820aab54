#!/usr/bin/env bash
# Converts the bundled example (the seed article, a news story split by page breaks
# and ending with a site footer) into every output format and shows the Markdown.
set -euo pipefail
GALLEY_ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$GALLEY_ROOT/scripts/deps.sh"
galley_install_packages "${GALLEY_BUILD_PACKAGES[@]}"
# Only the command is built here; the options of an existing build/ are left as they are.
galley_configure "$GALLEY_ROOT/build"
cmake --build "$GALLEY_ROOT/build" -j "$(nproc)" --target galley_cli >/dev/null

galley="$GALLEY_ROOT/build/bin/galley"
input="$GALLEY_ROOT/fixtures/text/seed/input.txt"
out="$GALLEY_ROOT/build/example"
mkdir -p "$out"
# Every output format, chosen by the extension.
for name in seed.md seed.json seed.txt seed.epub seed.jats.xml; do
  "$galley" convert "$input" -o "$out/$name"
done
echo "== $input converted into $out:"
ls -l "$out" | tail -n +2
echo
echo "== $out/seed.md"
cat "$out/seed.md"
