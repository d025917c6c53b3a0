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
    # …and deleted once the toast is dismissed. (Escape dismisses it; left
    # alone it times out, but toasts wait while their window is not active,
    # and under Xvfb no window manager ever makes it so.)
    c.app.click('Actions for “Keyboard test”', role='push button')
    c.app.click('Delete')
    c.app.find('_Undo', role='push button', prefix=True, timeout=5)
    keys.press('Escape')
    c.app.wait(lambda: not c.app.exists('_Undo', role='push button', prefix=True), 10, 'the toast to go')
    c.app.wait(lambda: 'Ministry of Keys' not in c.cli_run('list'), 20, 'the toast to go and the deletion')
    c.app.find('No Assessments Yet', role='label')
    c.app.close_window()
    e2e.expect(c.app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


STEPS = [
    ('a broken .mizan on the command line is refused, saying where', step_bad_file),
    ('a second `mizan FILE` hands the file to the running one, which opens it', step_second_instance),
    ('Delete offers Undo, and deletes only once the toast is dismissed', step_delete_with_undo),
]


def main():
    context = e2e.Context()
    try:
        return e2e.Tap(STEPS).run(context)
    finally:
        context.cleanup()


if __name__ == '__main__':
    sys.exit(main())
