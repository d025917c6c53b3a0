#!/usr/bin/env python3
"""test-summary.py — counts test cases in meson's testlog.json and prints "N passed, N failed".

Each TAP "ok"/"not ok" line is one case; a test program that failed without
reporting a failing case (a crash, a time-out) counts as one more failure."""
import json
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b(.*)$')

passed = failed = skipped = 0
with open(sys.argv[1], encoding='utf-8') as log:
    for line in log:
        test = json.loads(line)
        ok = not_ok = skip = 0
        for out in (test.get('stdout') or '').splitlines():
            m = TAP.match(out.strip())
            if not m:
                continue
            if '# SKIP' in m.group(2).upper():
                skip += 1
            elif m.group(1) == 'ok':
                ok += 1
            else:
                not_ok += 1
        result = test['result']
        if result in ('FAIL', 'ERROR', 'TIMEOUT', 'UNEXPECTEDPASS') and not_ok == 0:
            not_ok = 1
        elif result in ('OK', 'EXPECTEDFAIL') and ok + not_ok + skip == 0:
            ok = 1            # a program without TAP cases: one case
        elif result == 'SKIP' and ok + not_ok + skip == 0:
            skip = 1
        passed += ok
        failed += not_ok
        skipped += skip

print(f'{passed} passed, {failed} failed' + (f', {skipped} skipped' if skipped else ''))
sys.exit(1 if failed else 0)
