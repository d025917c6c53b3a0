#!/usr/bin/env python3
# test-open.py — .mizan files given on the command line, and the single instance
# A bad file is refused with a dialog saying where; a good one, passed to a second
# `mizan`, opens in the window already running.

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402
from importlib import import_module  # noqa: E402

e2e = import_module('test-e2e')
keys = import_module('test-keys')


def write(c, name, text):
    path = os.path.join(c.tmp, name)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return path


def step_bad_file(c):
    bad = write(c, 'broken.mizan', keys.SAMPLE.replace('"fully"', '"mostly"'))
    c.app = m.App(c.program, c.env, [bad]).start()
    heading = c.app.find('Cannot Import “broken.mizan”', role='label', timeout=10)
    dialog = c.app.window_of(heading)
    texts = [label.name for label in c.app.find_all(role='label', timeout=0, root=dialog)]
    e2e.expect(any('GOV.1.1' in text for text in texts), 'the error does not say where: %r' % texts)
    e2e.expect('Keyboard test' not in c.cli_run('list'), 'part of the bad file was stored')
    # libadwaita 1.2 names a response button after its raw label too: "_Close Close".
    close = [b for b in c.app.find_all(role='push button', root=dialog, timeout=0) if b.name.endswith('Close')]
    e2e.expect(close, 'the dialog has no Close button')
    c.app.do_action(close[0], 'click')
    c.app.find('No Assessments Yet', role='label')


def step_second_instance(c):
    good = write(c, 'good.mizan', keys.SAMPLE)
    second = subprocess.Popen([c.program, good], env=c.env)
    # It hands the file to the first, which imports and opens it.
    c.app.find('GOV.1.1: Fully implemented', role='radio button', timeout=20)
    code = second.wait(20)
    e2e.expect(code == 0, 'the second mizan exited with %d' % code)
    e2e.expect('Ministry of Keys' in c.cli_run('list'), 'the file was not stored')
    frames = c.app.find_all(role='frame', timeout=0)
    e2e.expect(len(frames) == 1, 'a second window appeared: %r' % [f.name for f in frames])


def step_delete_with_undo(c):
    c.app.click('Back to all assessments', role='push button')
    c.app.click('Actions for “Keyboard test”', role='push button')
    c.app.click('Delete')
    c.app.wait(lambda: not c.app.exists('Keyboard test', role='list item'), 5, 'the row to go')
    # Still stored while the Undo toast is offered…
    e2e.expect('Ministry of Keys' in c.cli_run('list'), 'deleted before the Undo toast went')
    # libadwaita 1.2 names the toast's button "_Undo Undo" (raw label, then label).
    undo = c.app.find('_Undo', role='push button', prefix=True, timeout=5)
    c.app.do_action(undo, 'click')
    c.app.find('Keyboard test', role='list item', timeout=5)
    # …and moved to the Trash once the toast is dismissed. (Escape dismisses
    # it; left alone it times out, but toasts wait while their window is not
    # active, and under Xvfb no window manager ever makes it so.)
    delete_and_dismiss(c)


def delete_and_dismiss(c):
    c.app.click('Actions for “Keyboard test”', role='push button')
    c.app.click('Delete')
    c.app.find('_Undo', role='push button', prefix=True, timeout=5)
    keys.press('Escape')
    c.app.wait(lambda: not c.app.exists('_Undo', role='push button', prefix=True), 10, 'the toast to go')
    c.app.wait(lambda: 'Ministry of Keys' not in c.cli_run('list'), 20, 'the toast to go and the deletion')
    e2e.expect('Ministry of Keys' in c.cli_run('trash'), 'the deleted assessment is not in the Trash')
    c.app.find('No Assessments Yet', role='label')


def open_trash(c):
    c.app.click('Trash', role='push button')
    return c.app.window_of(c.app.find('Deleted Assessments', role='label', timeout=10))


def step_trash_restore_and_delete_for_good(c):
    dialog = open_trash(c)
    restore = c.app.find('Restore “Keyboard test”', role='push button', root=dialog)
    texts = [label.name for label in c.app.find_all(role='label', timeout=0, root=dialog)]
    e2e.expect(any('in 30 days' in text for text in texts), 'the days left are not shown: %r' % texts)
    e2e.expect_named(c, 'the Trash')
    c.app.do_action(restore, 'click')
    c.app.find('Trash Is Empty', role='label', root=dialog, timeout=10)
    e2e.expect('Ministry of Keys' in c.cli_run('list'), 'Restore did not bring the assessment back')
    keys.press('Escape')
    c.app.find('Keyboard test', role='list item', timeout=10)

    # Delete for Good asks first, takes a snapshot, then nothing is left.
    delete_and_dismiss(c)
    dialog = open_trash(c)
    c.app.click('Delete “Keyboard test” for Good', role='push button', root=dialog)
    confirm = c.app.window_of(c.app.find('Delete “Keyboard test” for Good?', role='label', timeout=10))
    buttons = [b for b in c.app.find_all(role='push button', root=confirm, timeout=0) if b.name.endswith('Delete for Good')]
    e2e.expect(buttons, 'the confirmation has no Delete for Good button')
    c.app.do_action(buttons[0], 'click')
    c.app.find('Trash Is Empty', role='label', root=dialog, timeout=10)
    e2e.expect('Ministry of Keys' not in c.cli_run('trash'), 'still in the Trash after Delete for Good')
    snapshots = os.listdir(os.path.join(os.path.dirname(c.db), 'backups'))
    e2e.expect(any(n.endswith('-delete.db') for n in snapshots), 'no snapshot before the delete: %r' % snapshots)
    keys.press('Escape')
    c.app.close_window()
    e2e.expect(c.app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


STEPS = [
    ('a broken .mizan on the command line is refused, saying where', step_bad_file),
    ('a second `mizan FILE` hands the file to the running one, which opens it', step_second_instance),
    ('Delete offers Undo, and moves to the Trash only once the toast is dismissed', step_delete_with_undo),
    ('the Trash shows the days left, restores, and deletes for good after asking', step_trash_restore_and_delete_for_good),
]


if __name__ == '__main__':
    sys.exit(e2e.run(STEPS))
