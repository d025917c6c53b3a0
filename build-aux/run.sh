#!/usr/bin/env bash
# run.sh — installs what is missing, builds Mizan and starts the desktop app from the build tree
# Usage: build-aux/run.sh [FILE.mizan…]   (files given are imported, as when opened from the file manager)
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ensure_packages "${BUILD_PACKAGES[@]}"
setup_build build
ninja -C build
# devenv finds the built-in framework and the settings schema in the build tree.
exec meson devenv -C build "$PWD/build/app/gui/mizan" "$@"
