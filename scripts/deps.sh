# Sourced by the other scripts: installs the Debian packages galley needs when missing.
# One list, so the README, CI and developers agree on it.
# liblzma-dev and zlib1g-dev hold the archives of libxml2's own libraries, which the
# command links statically (cli/CMakeLists.txt).
GALLEY_BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libxml2-dev libzip-dev libminizip-dev libbz2-dev libpoppler-private-dev libicu-dev libcli11-dev nlohmann-json3-dev libcmark-dev libcld2-dev libyaml-dev
  liblzma-dev zlib1g-dev libdeflate-dev libbrotli-dev
)
# What the Python module needs to build (scripts/python-install.sh).
GALLEY_PYTHON_PACKAGES=(pybind11-dev python3-dev python3-venv)
# Validators and tools the test suite runs against galley's output; the Python module
# is built and tested too (pytest, and Dask for the cluster example).
GALLEY_TEST_PACKAGES=(
  libgtest-dev libgmock-dev zlib1g-dev cmark libxml2-utils epubcheck hugo ruby-kramdown pandoc
  chromium "${GALLEY_PYTHON_PACKAGES[@]}" python3-pytest python3-dask python3-distributed
)

galley_install_packages() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "galley: installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# galley_install_ace: DAISY Ace's npm packages (tests/validate/ace/package.json) for the
# accessibility test, installed beside it, again when package.json changes. Puppeteer's
# own browser is not downloaded: the test runs Debian's chromium. Without the npm registry
# the install fails and the test skips, saying so.
galley_install_ace() {
  local dir=$GALLEY_ROOT/tests/validate/ace
  [ "$dir/node_modules/.package-lock.json" -nt "$dir/package.json" ] && return 0
  command -v npm >/dev/null || galley_install_packages nodejs npm
  (cd "$dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent) ||
    echo "galley: DAISY Ace could not be installed from npm; its test will skip" >&2
}

# galley_configure DIR [cmake options...]: configures a build of galley in DIR.
galley_configure() {
  local dir=$1
  shift
  cmake -S "$GALLEY_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
}

# galley_build DIR [cmake options...]: configures and builds everything in DIR.
galley_build() {
  galley_configure "$@"
  cmake --build "$1" -j "$(nproc)"
}
