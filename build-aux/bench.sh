#!/usr/bin/env bash
# bench.sh — installs what is missing, builds Mizan and prints its benchmark figures
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
setup_build build
ninja -C build tests/bench/bench-core tests/bench/bench-report tests/bench/bench-first-frame tests/bench/bench-switch app/gui/mizan
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" ./build/tests/bench/bench-core
echo
echo "== the desktop app (under a virtual display)"
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- env GSETTINGS_SCHEMA_DIR="$PWD/build/data" \
  MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" GTK_A11Y=none ./build/tests/bench/bench-switch 2>/dev/null
xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- bash tests/bench/bench-app.sh build 2>/dev/null
ninja -C build tests/bench/bench-report >/dev/null && MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" ./build/tests/bench/bench-report
