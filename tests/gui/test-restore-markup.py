#!/usr/bin/env python3
# test-restore-markup.py — hostile text from a file is shown as typed; a damaged database is left as it is and restored
# Markup in imported names never formats the UI; "Restore from Backup…" brings back the day's copy, keeping the damaged file.

import glob
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402
from importlib import import_module  # noqa: E402

e2e = import_module('test-e2e')
keys = import_module('test-keys')

TITLE = '<b>R&D</b> <i>plan'
ORG = '<span foreground="red">Ministry</span> & Co'


def step_markup_shown_as_text(c):
    path = os.path.join(c.tmp, 'hostile.mizan')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(keys.SAMPLE.replace('"Keyboard test"', '"%s"' % TITLE.replace('"', '\\"'))
                .replace('"Ministry of Keys"', '"%s"' % ORG.replace('"', '\\"')))
    c.app = m.App(c.program, c.env, [path]).start()
    c.app.find('GOV.1.1: Fully implemented', role='radio button', timeout=20)
    c.app.click('Back to all assessments', role='push button')
    # The row and a toast read exactly what the file says, tags and all.
    c.app.find(TITLE, role='list item')
    c.app.click('Actions for “%s”' % TITLE, role='push button')
    c.app.click('Duplicate')
    c.app.find('Created “%s (copy)”' % TITLE, role='label', timeout=5)
    c.app.find(TITLE + ' (copy)', role='list item')
    e2e.expect(ORG in c.cli_run('list'), 'the organization was not stored as written')
    c.app.close_window()
    e2e.expect(c.app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


def step_damaged_database(c):
    # Today's backup, taken now that the assessment is stored.
    shutil.rmtree(os.path.join(os.path.dirname(c.db), 'backups'), ignore_errors=True)
    c.cli_run('list')
    for suffix in ('-wal', '-shm'):
        if os.path.exists(c.db + suffix):
            os.unlink(c.db + suffix)
    damaged = b'These are my meeting notes & <b>not</b> a database.\n' * 300
    with open(c.db, 'wb') as f:
        f.write(damaged)

    c.app = c.start()
    c.app.find('Cannot Open the Database', role='label', timeout=20)
    texts = [label.name for label in c.app.find_all(role='label', timeout=0)]
    e2e.expect(any('is not a Mizan database or is damaged' in t and c.db in t for t in texts),
               'no clear message naming the file: %r' % texts)
    with open(c.db, 'rb') as f:
        e2e.expect(f.read() == damaged, 'the damaged database was changed')

    c.app.click('Restore from Backup…', role='push button')
    heading = c.app.find('Restore from Backup', role='frame', timeout=10)
    # libadwaita 1.2 names a button after its raw label too: "_Restore Restore".
    c.app.do_action(c.app.find('_Restore', role='push button', prefix=True, root=heading), 'click')
    c.app.find(TITLE, role='list item', timeout=20)

    kept = glob.glob(os.path.join(os.path.dirname(c.db), 'backups', 'mizan-before-restore-*.db'))
    e2e.expect(len(kept) == 1, 'the damaged file was not kept aside: %r' % kept)
    with open(kept[0], 'rb') as f:
        e2e.expect(f.read() == damaged, 'the file kept aside is not the damaged one, byte for byte')
    c.app.close_window()
    e2e.expect(c.app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None
    e2e.expect(ORG in c.cli_run('list'), 'the restored database lacks the assessment')


STEPS = [
    ('markup in imported names is shown as text, never applied', step_markup_shown_as_text),
    ('a damaged database is left untouched, and Restore from Backup brings the day back', step_damaged_database),
]


if __name__ == '__main__':
    sys.exit(e2e.run(STEPS))
