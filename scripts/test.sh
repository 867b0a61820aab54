#!/usr/bin/env bash
# Builds galley with its tests and runs the whole suite.
#   GALLEY_BUILD_DIR   build folder (default: build)
#   GALLEY_CMAKE_ARGS  extra CMake options, e.g. "-DGALLEY_WERROR=ON -DGALLEY_SANITIZE=address,undefined"
#   GALLEY_CTEST_ARGS  extra ctest options, e.g. "-R ThreadSafety"
set -euo pipefail
GALLEY_ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$GALLEY_ROOT/scripts/deps.sh"
galley_install_packages "${GALLEY_BUILD_PACKAGES[@]}" "${GALLEY_TEST_PACKAGES[@]}"
galley_install_ace
build_dir=${GALLEY_BUILD_DIR:-$GALLEY_ROOT/build}
read -r -a cmake_args <<<"${GALLEY_CMAKE_ARGS:-}"
galley_build "$build_dir" -DGALLEY_BUILD_TESTS=ON -DGALLEY_BUILD_PYTHON=ON "${cmake_args[@]}"
read -r -a ctest_args <<<"${GALLEY_CTEST_ARGS:-}"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "${ctest_args[@]}"
