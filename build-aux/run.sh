#!/usr/bin/env bash
# run.sh — installs what is missing, builds Mizan and starts it from the build tree
# Usage: build-aux/run.sh [ARGS…]   (ARGS go to the program)
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

ensure_packages "${BUILD_PACKAGES[@]}"
setup_build build
ninja -C build
# The desktop app arrives with issue #3; until then this shows the built-in
# frameworks through the command-line tool.
if [ $# -eq 0 ]; then set -- frameworks; fi
exec meson devenv -C build ./app/cli/mizan-cli "$@"
