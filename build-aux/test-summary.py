#!/usr/bin/env python3
"""test-summary.py — counts test cases and prints "N passed, N failed".

Arguments are meson testlog.json files and plain TAP files (*.tap, e.g. the
fuzz smoke run). Each TAP "ok"/"not ok" line is one case; a test program that
failed without reporting a failing case (a crash, a time-out) counts as one
more failure. A log that is missing (its stage did not get to run) counts as
one failure."""
import json
import os
import re
import sys

TAP = re.compile(r'^(not ok|ok)\b(.*)$')


def count_tap(text):
    ok = not_ok = skip = 0
    for out in (text or '').splitlines():
        m = TAP.match(out.strip())
        if not m:
            continue
        if '# SKIP' in m.group(2).upper():
            skip += 1
        elif m.group(1) == 'ok':
            ok += 1
        else:
            not_ok += 1
    return ok, not_ok, skip


passed = failed = skipped = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        print(f'# {path} is missing: that stage did not run', file=sys.stderr)
        failed += 1
        continue
    if not path.endswith('.json'):
        with open(path, encoding='utf-8') as f:
            ok, not_ok, skip = count_tap(f.read())
        passed, failed, skipped = passed + ok, failed + not_ok, skipped + skip
        continue
    with open(path, encoding='utf-8') as log:
        for line in log:
            test = json.loads(line)
            ok, not_ok, skip = count_tap(test.get('stdout'))
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
