#!/usr/bin/env bash
# Builds the fuzz targets with clang, AddressSanitizer and UndefinedBehaviorSanitizer,
# runs each over its seed corpus (made from fixtures/) and then fuzzes it for
# SECONDS (default 20). A crash leaves crash-* files in build-fuzz/artifacts/.
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/deps.sh"
GALLEY_ROOT=$root
galley_install_packages "${GALLEY_BUILD_PACKAGES[@]}" clang-14 libclang-rt-14-dev zip
seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html pdf json archive warc)
build=${GALLEY_FUZZ_BUILD_DIR:-$root/build-fuzz}
galley_build "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DGALLEY_BUILD_TESTS=OFF -DGALLEY_BUILD_FUZZERS=ON -DGALLEY_SANITIZE=address,undefined >/dev/null

seed_corpus() {  # target -> a folder of seed inputs made from the fixtures
  local target=$1 dir=$build/corpus/$1 f
  rm -rf "$dir"
  mkdir -p "$dir"
  case $target in
    text | html | pdf) for f in "$root/fixtures/$target"/*/input.*; do
      cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
    done ;;
    json) for f in "$root"/fixtures/writers/*/article.json "$root"/fixtures/errors/*/input.json; do
      cp "$f" "$dir/$(basename "$(dirname "$f")").json"
    done ;;
    archive) (cd "$root/fixtures" && zip -q -r "$dir/fixtures.zip" text html) ;;
    warc) for f in "$root"/fixtures/batch/*/input.warc.gz; do
      cp "$f" "$dir/$(basename "$(dirname "$f")").warc.gz"
      gzip -dc "$f" >"$dir/$(basename "$(dirname "$f")").warc"
    done ;;
  esac
  echo "$dir"
}

mkdir -p "$build/artifacts"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for target in "${targets[@]}"; do
  corpus=$(seed_corpus "$target")
  echo "== fuzz_$target: seed corpus $(ls "$corpus" | wc -l) files, ${seconds}s"
  # A fixed seed makes a CI run repeatable; FUZZ_SEED=0 lets libFuzzer pick one.
  if ! "$build/bin/fuzz_$target" "$corpus" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=2048 -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 \
      2>"$build/fuzz_$target.log"; then
    echo "fuzz_$target FAILED; see $build/fuzz_$target.log and $build/artifacts/"
    tail -40 "$build/fuzz_$target.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz_$target.log" | tr '\n' ' '
    echo
  fi
done
exit $status
