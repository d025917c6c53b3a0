#!/usr/bin/env bash
# bench.sh — installs what is missing, builds Mizan and prints its benchmark figures
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ensure_packages "${BUILD_PACKAGES[@]}"
setup_build build
ninja -C build tests/bench/bench-core
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" ./build/tests/bench/bench-core
ensure_packages "${BENCH_PACKAGES[@]}" && ninja -C build app/server/mizan-server && MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" python3 tests/bench/bench-server.py build/app/server/mizan-server
