#!/usr/bin/env bash
# test.sh — installs what is missing, builds Mizan and runs the whole test suite
# Usage: build-aux/test.sh [--quick | --sanitize | --fuzz [SECONDS]]
#   (none)      the suite in build/, the package checks of the development profile in
#               build-dev/, the suite again under ASan + UBSan in build-sanitize/,
#               then each fuzz harness for a short while (CI runs this)
#   --quick     only the suite in build/ (while working)
#   --sanitize  only the ASan + UBSan suite
#   --fuzz      only the fuzz smoke run (SECONDS per harness, default 20)
# The last line printed is "N passed, N failed", summed over everything that ran.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

stages=(normal development sanitize fuzz)
fuzz_seconds=${MIZAN_FUZZ_SECONDS:-20}
case "${1:-}" in
  '') ;;
  --quick) stages=(normal) ;;
  --sanitize) stages=(sanitize) ;;
  --fuzz) stages=(fuzz); fuzz_seconds=${2:-$fuzz_seconds} ;;
  *) echo "usage: $0 [--quick | --sanitize | --fuzz [SECONDS]]" >&2; exit 2 ;;
esac

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
[[ " ${stages[*]} " != *" fuzz "* ]] || ensure_packages "${FUZZ_PACKAGES[@]}"

logs=()
status=0

# Builds BUILDDIR with the remaining options and runs meson test there, only
# the suites in suites[] when it is not empty.
suites=()
run_suite () {
  local builddir=$1; shift
  setup_build "$builddir" "$@"
  ninja -C "$builddir"
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \
    meson test -C "$builddir" --print-errorlogs --num-processes 2 ${suites[@]/#/--suite=} || status=1
  echo "# $builddir: $(python3 build-aux/test-summary.py "$builddir/meson-logs/testlog.json" || true)"
  logs+=("$builddir/meson-logs/testlog.json")
}

for stage in "${stages[@]}"; do
  start=$SECONDS
  case $stage in
    normal)
      run_suite build ;;
    development)
      # The .Devel app is a second set of file names (desktop file, icons,
      # MIME file, metainfo): the package checks see that they agree.
      suites=(package)
      run_suite build-dev -Dprofile=development
      suites=() ;;
    sanitize)
      (
        export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        # print_suppressions=0: a program whose stderr is checked says only its own words
        export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
        run_suite build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
          -Dc_args=-fno-sanitize-recover=all
        exit $status
      ) || status=1
      logs+=(build-sanitize/meson-logs/testlog.json) ;;
    fuzz)
      mkdir -p build-fuzz
      bash build-aux/fuzz.sh "$fuzz_seconds" | tee build-fuzz/smoke.tap || status=1
      logs+=(build-fuzz/smoke.tap) ;;
  esac
  echo "# stage $stage took $((SECONDS - start)) s"
done

python3 build-aux/test-summary.py "${logs[@]}" || status=1
exit $status
