#!/usr/bin/env bash
# bench-app.sh — the desktop app's start-to-first-frame and resident memory, beside gnome-text-editor
# Usage: tests/bench/bench-app.sh BUILDDIR [RUNS]   (under a display: bench.sh runs it in xvfb-run)
set -euo pipefail
builddir=$(realpath "$1")
runs=${2:-7}
src=$(cd "$(dirname "$0")/../.." && pwd)
probe=$builddir/tests/bench/bench-first-frame
mizan=$builddir/app/gui/mizan
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v gnome-text-editor >/dev/null; then
  echo "bench-app: gnome-text-editor is not installed (apt-get install gnome-text-editor)" >&2
  exit 1
fi

# The built-in model, every practice answered: what a user has open at the end of an assessment.
python3 - "$src/data/frameworks/oic-ccmm.json" "$tmp/model.mizan" <<'PY'
import json, sys
framework = json.load(open(sys.argv[1], encoding='utf-8'))
statuses = ['fully', 'largely', 'partially', 'not', 'na']
answers = {}
for d in framework['domains']:
    for c in d['capabilities']:
        for i, p in enumerate(c['practices']):
            answers[p['id']] = {'status': statuses[(i + p['level']) % 5], 'note': 'Reviewed with the IT unit'}
json.dump({'format': 'mizan-assessment', 'format_version': 1,
           'framework': {'id': framework['id'], 'version': framework['version']},
           'organization': {'name': 'Ministry of Communications', 'country': 'PAK', 'sector': 'government', 'size': 'large'},
           'assessment': {'id': '0b6f3c52-51b4-4d0e-9d7e-3b1f2f0a9c11', 'title': 'Benchmark', 'assessor': 'Bench',
                          'created': '2026-01-01T00:00:00Z', 'updated': '2026-01-01T00:00:00Z'},
           'targets': {}, 'answers': answers}, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY

# Each run starts like a first run: empty data and config folders of its own.
cat > "$tmp/fresh" <<'SH'
#!/bin/sh
run=$(mktemp -d)
export XDG_DATA_HOME=$run/data XDG_CONFIG_HOME=$run/config XDG_STATE_HOME=$run/state XDG_CACHE_HOME=$run/cache
exec "$@"
SH
chmod +x "$tmp/fresh"

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$builddir/data MIZAN_FRAMEWORKS_DIR=$src/data/frameworks
export GTK_A11Y=none ADW_DISABLE_PORTAL=1 NO_AT_BRIDGE=1

measure () {   # LABEL PROGRAM…  → "LABEL ms kib"
  local label=$1; shift
  local line
  line=$("$probe" --runs "$runs" --settle 2 -- "$tmp/fresh" "$@" 2>/dev/null | grep '^median:')
  local ms kib
  ms=$(sed -E 's/.*first-frame-ms=([0-9.]+).*/\1/' <<<"$line")
  kib=$(sed -E 's/.*rss-kib=([0-9.]+).*/\1/' <<<"$line")
  echo "$label $ms $kib"
}

row () {   # FIGURE MIZAN-LINE PEER-LINE
  read -r _ m_ms m_kib <<<"$2"
  read -r _ p_ms p_kib <<<"$3"
  printf '%-44s %10.0f ms %10.0f ms %6.2f\n' "$1: start to first frame" "$m_ms" "$p_ms" "$(echo "$m_ms / $p_ms" | bc -l)"
  printf '%-44s %9.1f MiB %9.1f MiB %6.2f\n' "$1: resident memory" "$(echo "$m_kib / 1024" | bc -l)" \
    "$(echo "$p_kib / 1024" | bc -l)" "$(echo "$m_kib / $p_kib" | bc -l)"
}

empty_m=$(measure mizan "$mizan")
empty_p=$(measure editor gnome-text-editor --standalone)
open_m=$(measure mizan "$mizan" "$tmp/model.mizan")
open_p=$(measure editor gnome-text-editor --standalone "$src/data/frameworks/oic-ccmm.json")

printf '%-44s %13s %13s %6s\n' "figure (median of $runs runs)" "mizan" "text editor" "ratio"
row "first run, nothing open" "$empty_m" "$empty_p"
row "built-in model open" "$open_m" "$open_p"
echo "(text editor: Debian 12's gnome-text-editor, the first case with no file, the second with the built-in model's JSON open;"
echo " first frame: the first damage the X server sees on the new window; memory: VmRSS 2 s after it)"
