#!/usr/bin/env python3
# test-keys.py — the keyboard shortcuts a GNOME user expects, pressed on the real mizan
# Keys go through the X server (xdotool) to the focused window, as a person's would.

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

e2e = import_module('test-e2e')

SAMPLE = '''{ "format": "mizan-assessment", "format_version": 1,
  "framework": {"id": "oic-ccmm", "version": "1.0.0"},
  "organization": {"name": "Ministry of Keys", "country": "OMN", "sector": "government", "size": "medium"},
  "assessment": {"id": "5b0f3a8e-0c51-4d1e-8a2f-6c7d9e0f1a2b", "title": "Keyboard test", "assessor": "K",
                 "created": "2026-01-01T00:00:00Z", "updated": "2026-01-02T00:00:00Z"},
  "targets": {}, "answers": {"GOV.1.1": {"status": "fully"}} }'''


def focus():
    """Gives mizan's main window the keyboard focus, as a window manager would
    (under Xvfb there is none, and a closed dialog leaves the focus nowhere)."""
    windows = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', 'Mizan'],
                             capture_output=True, text=True).stdout.split()
    e2e.expect(windows, 'no mizan window is visible')
    subprocess.run(['xdotool', 'mousemove', '--window', windows[0], '400', '300'], check=True)
    subprocess.run(['xdotool', 'windowfocus', '--sync', windows[0]], check=True)


def press(keys):
    """Presses @keys (xdotool syntax, e.g. ctrl+f) in mizan's main window."""
    focus()
    subprocess.run(['xdotool', 'key', '--clearmodifiers', keys], check=True)
    time.sleep(0.5)


def step_open(c):
    sample = os.path.join(c.tmp, 'sample.mizan')
    with open(sample, 'w', encoding='utf-8') as f:
        f.write(SAMPLE)
    c.cli_run('import', sample)
    app = c.start()
    app.do_action(app.find('Keyboard test', role='list item'), 'row.open')
    app.find('GOV.1.1: Fully implemented', role='radio button')


def step_next_previous(c):
    press('alt+Next')
    c.app.find('GOV.2.1: Fully implemented', role='radio button', timeout=5)
    press('alt+Prior')
    c.app.find('GOV.1.1: Fully implemented', role='radio button', timeout=5)


def step_search(c):
    press('ctrl+f')
    c.app.find('Search practices', role='entry', timeout=5)
    press('Escape')


def step_pages(c):
    press('alt+2')
    c.app.find('Maturity index:', role='label', prefix=True, timeout=5)
    press('alt+3')
    c.app.find('Next', role='label', timeout=10)
    press('alt+1')
    c.app.find('GOV.1.1: Fully implemented', role='radio button', timeout=5)


def step_back_and_new(c):
    press('alt+Home')
    c.app.find('Keyboard test', role='list item', timeout=5)
    press('ctrl+n')
    dialog = c.app.find('New Assessment', role='frame', timeout=5)
    c.app.do_action(dialog, 'window.close')


def step_about(c):
    press('F1')
    about = c.app.find('About', role='frame', timeout=5)
    c.app.find('Mizan', role='label', root=about)
    c.app.do_action(about, 'window.close')


def step_quit(c):
    press('ctrl+q')
    e2e.expect(c.app.wait_exit() == 0, 'Ctrl+Q did not end mizan cleanly')
    c.app = None


STEPS = [
    ('an assessment opens from the start page', step_open),
    ('Alt+Page Down and Alt+Page Up move between capabilities', step_next_previous),
    ('Ctrl+F opens the practice search', step_search),
    ('Alt+1, Alt+2, Alt+3 switch between questionnaire, results and roadmap', step_pages),
    ('F1 shows the About window', step_about),
    ('Alt+Home goes back to the list and Ctrl+N starts a new assessment', step_back_and_new),
    ('Ctrl+Q quits', step_quit),
]


def main():
    if shutil.which('xdotool') is None:
        print('1..0 # SKIP xdotool is not installed')
        return 0
    return e2e.run(STEPS)


if __name__ == '__main__':
    sys.exit(main())
