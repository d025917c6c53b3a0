#!/usr/bin/env bash
# screenshots.sh — writes screenshots of the desktop app's pages to a folder, for people to look at
# Usage: build-aux/screenshots.sh OUTDIR   (light, dark, right-to-left Arabic and French; PNG files)
# MIZAN_SHOT_VARIANTS picks some of: light dark rtl fr.
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
# All of it: the app, the CLI, the catalogues (po/) and the compiled schema (data/).
ninja -C "$builddir"

for variant in ${MIZAN_SHOT_VARIANTS:-light dark rtl fr}; do
  echo "== $variant"
  xvfb-run -a -s "-screen 0 1200x1600x24" dbus-run-session -- \
    env MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks" LC_ALL=C.UTF-8 LANGUAGE= \
      MIZAN_LOCALEDIR="$PWD/$builddir/po" GSETTINGS_SCHEMA_DIR="$PWD/$builddir/data" \
    /usr/bin/python3 tests/gui/screenshots.py --variant "$variant" \
      --mizan "$PWD/$builddir/app/gui/mizan" --cli "$PWD/$builddir/app/cli/mizan-cli" \
      --server "$PWD/$builddir/app/server/mizan-server" "$outdir"
done
echo "Screenshots written to $outdir"
