#!/usr/bin/env bash
# Installs the galley Python module into a virtual environment (made with Debian's
# python3 when it does not exist yet), building it first:
#   scripts/python-install.sh [VENV]     (default: .venv in the checkout)
# then `VENV/bin/python -c 'import galley'`. The module is built for Debian's python3
# (the one its python3-* packages belong to) in build-python/.
set -euo pipefail
GALLEY_ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$GALLEY_ROOT/scripts/deps.sh"
galley_install_packages "${GALLEY_BUILD_PACKAGES[@]}" "${GALLEY_PYTHON_PACKAGES[@]}"
venv=${1:-$GALLEY_ROOT/.venv}
build_dir=${GALLEY_PYTHON_BUILD_DIR:-$GALLEY_ROOT/build-python}
galley_configure "$build_dir" -DGALLEY_BUILD_PYTHON=ON -DGALLEY_BUILD_TESTS=OFF
cmake --build "$build_dir" -j "$(nproc)" --target galley_python
[ -x "$venv/bin/python" ] || /usr/bin/python3 -m venv "$venv"
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')
rm -rf "$site/galley"
cp -r "$build_dir/python/galley" "$site/galley"
"$venv/bin/python" -c 'import galley; print("galley", galley.__version__, "in", galley.__file__)'
