#!/usr/bin/env python3
# check-mime.py — the .mizan MIME type as shared-mime-info and GIO see it once installed
# Usage: check-mime.py UPDATE-MIME-DATABASE MIME.xml SAMPLE.mizan

import os
import shutil
import subprocess
import sys
import tempfile

TYPE = 'application/x-mizan-assessment'


def main():
    update, xml, sample = sys.argv[1:4]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        packages = os.path.join(tmp, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(xml, packages)
        # -V: shared-mime-info reports what it does not understand.
        run = subprocess.run([update, '-V', os.path.join(tmp, 'mime')], capture_output=True, text=True)
        if run.returncode != 0 or 'warning' in run.stderr.lower() or 'error' in run.stderr.lower():
            failures.append('update-mime-database: %d\n%s' % (run.returncode, run.stderr))
        with open(os.path.join(tmp, 'mime', 'globs2'), encoding='utf-8') as f:
            if not any(line.strip().endswith(':%s:*.mizan' % TYPE) for line in f):
                failures.append('globs2 has no *.mizan → %s' % TYPE)

        env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, 'none'),
                   XDG_DATA_DIRS=tmp + ':/usr/share')
        # By name, and by content for a file whose name says nothing.
        unnamed = os.path.join(tmp, 'exported-assessment')
        shutil.copy(sample, unnamed)
        for path in (sample, unnamed):
            info = subprocess.run(['gio', 'info', '-a', 'standard::content-type', path],
                                  capture_output=True, text=True, env=env)
            if 'standard::content-type: %s' % TYPE not in info.stdout:
                failures.append('GIO sees %s as: %s%s' % (path, info.stdout.strip(), info.stderr.strip()))
    for failure in failures:
        print(failure)
    print('%d problems' % len(failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
