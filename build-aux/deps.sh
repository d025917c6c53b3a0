# deps.sh — the Debian 12 packages Mizan builds, runs and tests with
# Sourced by run.sh and test.sh; installs only what is missing, with apt-get.

BUILD_PACKAGES=(
  meson ninja-build gcc pkg-config gettext python3
  libglib2.0-dev libjson-glib-dev libsqlite3-dev
  libcairo2-dev libpango1.0-dev libsoup-3.0-dev glib-networking
  iso-codes fonts-cantarell fonts-noto-core
  librsvg2-dev
  libgtk-4-dev libadwaita-1-dev libepoxy-dev
  desktop-file-utils appstream shared-mime-info
  libxlsxwriter-dev
)
# The suite runs under a virtual display and a private D-Bus session, as
# the desktop app's widget and end-to-end tests need.
# The end-to-end tests read the app through the accessibility bus (pyatspi,
# at-spi2-core) and press keys through the X server (xdotool); the
# screenshot command uses imagemagick's import and convert.
# The package checks (suite 'package') validate the desktop entry
# (desktop-file-utils), the metainfo (appstream) and the MIME type
# (shared-mime-info, GIO's gio tool from libglib2.0-bin).
# screenshot command uses imagemagick's import and convert. The report test
# reads PDFs with poppler-utils and XLSX files with python3-openpyxl.
TEST_PACKAGES=(
  libglib2.0-bin
  locales-all xvfb xauth dbus dbus-x11 openssl
  python3-pyatspi at-spi2-core xdotool imagemagick
  poppler-utils python3-openpyxl
)
# build-aux/bench.sh measures the desktop app beside Debian's own
# gnome-text-editor, watching the X server's DAMAGE extension.
# bench.sh compares mizan-server with nginx serving the same answer, both
# measured with wrk.
BENCH_PACKAGES=(
  gnome-text-editor libxdamage-dev bc
  nginx wrk
)

# The fuzz harnesses (build-aux/fuzz.sh): clang with libFuzzer and the
# sanitizer runtimes, and llvm for llvm-symbolizer: without it clang's
# sanitizers print no function names, and build-aux/lsan.supp, which names
# libsoup's function, suppresses nothing.
FUZZ_PACKAGES=(clang libclang-rt-14-dev llvm)

ensure_packages () {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Configures BUILDDIR (again when it exists) with the remaining arguments as options.
setup_build () {
  local builddir=$1; shift
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" "$@" >/dev/null
  else
    meson setup "$builddir" "$@"
  fi
}
