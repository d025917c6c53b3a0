#!/usr/bin/env bash
# bench.sh — installs what is missing, builds Mizan and prints every benchmark figure as one table
# Usage: build-aux/bench.sh [--write]   (--write: also puts the table in docs/performance.md)
#
# A benchmark is any of these in tests/bench/; each prints table rows on stdout,
#   | figure | value | aim | met |
# (other lines are notes and go to stderr). Adding one is adding its file:
#   bench-NAME.c   an executable built by tests/bench/meson.build (run from build/tests/bench/)
#   bench-NAME.sh  a script, run as: bash bench-NAME.sh BUILDDIR (e.g. a server vs nginx run)
#   bench-NAME.py  a script, run as: python3 bench-NAME.py BUILDDIR
# A benchmark that fails gets a row saying so; the others still run.
set -euo pipefail
cd "$(dirname "$0")/.."
. build-aux/deps.sh

write=false
case "${1:-}" in
  '') ;;
  --write) write=true ;;
  *) echo "usage: $0 [--write]" >&2; exit 2 ;;
esac

ensure_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
setup_build build
ninja -C build >&2

export MIZAN_FRAMEWORKS_DIR="$PWD/data/frameworks"
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT

run_bench () {
  local name=$1; shift
  local out status=0
  echo "running $name…" >&2
  out=$("$@" 2> >(sed "s/^/$name: /" >&2)) || status=$?
  grep '^|' <<<"$out" >>"$rows" || true
  grep -v '^|' <<<"$out" | sed "/^$/d; s/^/$name: /" >&2 || true
  [ $status -eq 0 ] || echo "| $name | failed (exit $status) | | **no** |" >>"$rows"
}

for src in tests/bench/bench-*; do
  name=$(basename "$src")
  case $src in
    *.c)
      exe=build/tests/bench/${name%.c}
      if [ -x "$exe" ]; then run_bench "${name%.c}" "$exe"
      else echo "| ${name%.c} | not built | | **no** |" >>"$rows"; fi ;;
    *.sh) run_bench "${name%.sh}" bash "$src" "$PWD/build" ;;
    *.py) run_bench "${name%.py}" python3 "$src" "$PWD/build" ;;
  esac
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
disk=$(df -T "${TMPDIR:-/tmp}" | awk 'NR == 2 { print $2 }')
machine="$(nproc) cores of $cpu, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r), temporary files on $disk; $(date -u +%Y-%m-%d)"
table=$(printf '| figure | value | aim | met |\n|---|---|---|---|\n'; cat "$rows")

printf '%s\n\nmachine: %s\n' "$table" "$machine"

if $write; then
  python3 - "$table" "$machine" <<'PY'
import re, sys
table, machine = sys.argv[1], sys.argv[2]
path = 'docs/performance.md'
text = open(path, encoding='utf-8').read()
block = '<!-- bench:begin -->\n%s\n\nMachine: %s.\n<!-- bench:end -->' % (table, machine)
text = re.sub(r'<!-- bench:begin -->.*?<!-- bench:end -->', lambda m: block, text, flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
PY
  echo "docs/performance.md updated" >&2
fi
