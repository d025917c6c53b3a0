#!/usr/bin/env bash
# fuzz.sh — builds the libFuzzer harnesses (clang, ASan + UBSan) and runs each for a set time
# Usage: build-aux/fuzz.sh [SECONDS] [NAME…]   (default 60 s each; NAME: framework exchange submission server-request)
# Prints one TAP line per harness. A crash leaves its input in build-fuzz/crashes/NAME/:
# fix the bug, then copy the input to tests/fuzz/regressions/NAME/ so the normal suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

seconds=${1:-60}
shift || true
case $seconds in ''|*[!0-9]*) echo "usage: $0 [SECONDS] [NAME…]" >&2; exit 2 ;; esac
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(framework exchange submission server-request)

ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
builddir=build-fuzz
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fno-sanitize-recover=all >/dev/null
fi
targets=()
for name in "${names[@]}"; do targets+=("tests/fuzz/fuzz-$name"); done
ninja -C "$builddir" "${targets[@]}" >/dev/null

seeds_for () {
  case $1 in
    framework) echo data/frameworks tests/data/frameworks ;;
    exchange) echo tests/data/exchange tests/fuzz/seeds/exchange ;;
    *) echo "tests/fuzz/seeds/$1" ;;
  esac
}

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:handle_sigtrap=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp
export MIZAN_FRAMEWORKS_DIR=$PWD/data/frameworks G_DEBUG=gc-friendly LC_ALL=C.UTF-8

echo "1..${#names[@]}"
n=0 failed=0
for name in "${names[@]}"; do
  n=$((n + 1))
  corpus=$builddir/corpus/$name crashes=$builddir/crashes/$name
  export MIZAN_FUZZ_TMPDIR=$PWD/$builddir/tmp-$name
  rm -rf "$MIZAN_FUZZ_TMPDIR"
  mkdir -p "$corpus" "$crashes" "$MIZAN_FUZZ_TMPDIR"
  log=$builddir/fuzz-$name.log
  # libsoup has no frame pointers: only the slow unwinder sees far enough
  # up a leak's stack for build-aux/lsan.supp to match libsoup's own leaks.
  unwind=
  [ "$name" != server-request ] || unwind=:fast_unwind_on_malloc=0
  # New inputs go to the first folder (kept between runs); the seeds and
  # the regressions are read only.
  # shellcheck disable=SC2046
  if ASAN_OPTIONS=$ASAN_OPTIONS$unwind "./$builddir/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
       "$corpus" $(seeds_for "$name") "tests/fuzz/regressions/$name" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "ok $n - fuzz-$name: ${runs:-?} inputs in ${seconds} s, no crash"
  else
    failed=$((failed + 1))
    echo "not ok $n - fuzz-$name: crashed; see $log and $crashes/"
    grep -m5 -E 'ERROR|SUMMARY|runtime error|ERROR:' "$log" | sed 's/^/# /' || true
  fi
  rm -rf "$MIZAN_FUZZ_TMPDIR"
done
exit $((failed > 0))
