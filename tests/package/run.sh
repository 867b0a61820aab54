#!/usr/bin/env bash
# Installs galley from a build folder into a temporary prefix and builds and runs the
# examples against it twice: through find_package(galley) and through pkg-config; then
# the documentation's examples, under AddressSanitizer.
# Usage: tests/package/run.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
seed=$root/fixtures/text/seed/input.txt

cmake --install "$build" --prefix "$prefix" >/dev/null
static=$([ -f "$prefix/lib/libgalley.a" ] || ls "$prefix"/lib/*/libgalley.a >/dev/null 2>&1 && echo yes || echo no)
echo "== installed into $prefix (static: $static)"

check() {  # to_epub bylines
  "$1" "$seed" "$work/seed.epub"
  [ "$(head -c 2 "$work/seed.epub")" = "PK" ] || { echo "not a zip: $work/seed.epub"; exit 1; }
  unzip -p "$work/seed.epub" mimetype | grep -qx 'application/epub+zip'
  "$2" "$seed" | tee "$work/bylines.txt"
  grep -q $'Peter Symonds\t2022-01-30' "$work/bylines.txt"
}

echo "== find_package(galley)"
cmake -S "$root/examples" -B "$work/cmake" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/cmake" >/dev/null
check "$work/cmake/to_epub" "$work/cmake/bylines"

echo "== the installed command starts on its own"
"$prefix/bin/galley" --version
"$prefix/bin/galley" convert "$seed" -t json | grep '"galley-article/1"' >/dev/null
# A static build's command loads Poppler from lib/galley/ when it reads a PDF.
"$prefix/bin/galley" convert "$root/fixtures/pdf/two_column/input.pdf" -t txt |
  grep 'A River Set Free' >/dev/null

shared=$(find "$prefix" -name 'libgalley.so.*' -type f | head -1)
if [ -n "$shared" ]; then
  echo "== the shared library exports galley's public API and nothing else"
  others=$(nm -D --defined-only -C "$shared" | cut -d' ' -f3- |
    grep -Ev '^((typeinfo|typeinfo name|vtable) for |non-virtual thunk to )?galley::' || true)
  if [ -n "$others" ] || nm -D --defined-only -C "$shared" | grep -q 'galley::detail::'; then
    echo "exported beyond the public API:"
    echo "$others" | head -20
    exit 1
  fi
fi

echo "== no consumer-side dependency on header-only packages"
if grep -rl nlohmann "$prefix"/lib*/cmake "$prefix"/lib/*/cmake 2>/dev/null; then
  echo "the installed CMake package asks for nlohmann_json"
  exit 1
fi

echo "== pkg-config galley (plain --libs, as most build systems call it)"
libdir=$(dirname "$(find "$prefix" -name galley.pc | head -1)")
read -r -a flags <<<"$(PKG_CONFIG_PATH=$libdir pkg-config --cflags --libs galley)"
for example in to_epub bylines; do
  g++ -std=c++20 "$root/examples/$example.cpp" "${flags[@]}" -o "$work/$example-pc"
done
LD_LIBRARY_PATH=$prefix/lib:$(dirname "$libdir") check "$work/to_epub-pc" "$work/bylines-pc"

echo "== the documentation's examples run clean under AddressSanitizer"
cmake -DSOURCE_DIR="$root" -DOUTPUT="$work/doc_examples.cpp" -P "$root/tests/docs/extract_examples.cmake"
g++ -std=c++20 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
  -I"$root/tests/docs" "$work/doc_examples.cpp" "$root/tests/package/run_examples.cpp" "${flags[@]}" -o "$work/run_examples"
mkdir "$work/story"
cp "$root/fixtures/html/footer_split_off/input.html" "$work/story/story.html"
cp "$root/fixtures/pdf/two_column/input.pdf" "$work/story/story.pdf"
# The archive example reads news.zip!2026/story.html and writes story.md.
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").write(sys.argv[2], "2026/story.html")' \
  "$work/story/news.zip" "$work/story/story.html"
(cd "$work/story" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp" LD_LIBRARY_PATH=$prefix/lib:$(dirname "$libdir") \
  "$work/run_examples" >/dev/null)
echo "package test passed"
