#!/usr/bin/env bash
# test.sh — installs what is missing, builds Mizan and runs the whole test suite
# Usage: build-aux/test.sh [--sanitize]   (--sanitize: ASan + UBSan build in build-sanitize/)
# The last line printed is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

builddir=build
options=()
if [ "${1:-}" = "--sanitize" ]; then
  builddir=build-sanitize
  options=(-Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fno-sanitize-recover=all)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  # print_suppressions=0: a program whose stderr is checked says only its own words
  export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--sanitize]" >&2
  exit 2
fi

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
setup_build "$builddir" "${options[@]}"
ninja -C "$builddir"

status=0
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?
python3 build-aux/test-summary.py "$builddir/meson-logs/testlog.json" || status=$?
exit $status
