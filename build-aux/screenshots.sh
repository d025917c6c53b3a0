#!/usr/bin/env bash
# screenshots.sh — writes screenshots of the desktop app's pages to a folder, for people to look at
# Usage: build-aux/screenshots.sh OUTDIR   (light, dark and right-to-left Arabic; PNG files)
# MIZAN_BUILDDIR picks another build directory than build/.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
outdir=$(realpath -m "$1")

builddir=${MIZAN_BUILDDIR:-build}

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
setup_build "$builddir"
ninja -C "$builddir" app/gui/mizan app/cli/mizan-cli app/server/mizan-server

for variant in light dark rtl; do
  echo "== $variant"
  xvfb-run -a -s "-screen 0 1200x1600x24" dbus-run-session -- \
    env MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data" LC_ALL=C.UTF-8 LANGUAGE= \
    /usr/bin/python3 tests/gui/screenshots.py --variant "$variant" \
      --mizan "$PWD/$builddir/app/gui/mizan" --cli "$PWD/$builddir/app/cli/mizan-cli" \
      --server "$PWD/$builddir/app/server/mizan-server" "$outdir"
done
echo "Screenshots written to $outdir"
