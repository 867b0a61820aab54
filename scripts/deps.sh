# Sourced by the other scripts: installs the Debian packages galley needs when missing.
# One list, so the README, CI and developers agree on it.
GALLEY_BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libxml2-dev libzip-dev libpoppler-cpp-dev libicu-dev libcli11-dev nlohmann-json3-dev libcmark-dev libcld2-dev libyaml-dev
)
# Validators and tools the test suite runs against galley's output.
GALLEY_TEST_PACKAGES=(
  libgtest-dev libgmock-dev zlib1g-dev cmark libxml2-utils epubcheck hugo ruby-kramdown pandoc
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
