#!/usr/bin/env python3
# test-answer-keys.py — a capability answered with the keyboard alone, as an assessor works
# Open → the keyboard is on the first unanswered practice → digits answer, Down moves, Enter
# writes a note and Escape comes back, Alt+Down goes on to the next capability's first
# unanswered practice. Keys are X events (xdotool); the accessibility tree is only read.

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402
import pyatspi  # noqa: E402
from importlib import import_module  # noqa: E402

e2e = import_module('test-e2e')
expect = e2e.expect

TITLE = 'Keyboard answering'
ASSESSMENT_ID = '5d0c2b8e-9a7f-4e1b-b6c3-2f4a8e1d7c90'
# What is pressed for GOV.1's six practices, and what each key means.
DIGITS = ['1', '2', '3', '4', '5', '1']
STATUS_OF = {'1': 'fully', '2': 'largely', '3': 'partially', '4': 'not', '5': 'na'}
NOTE = 'IT Strategy 2023-27 has a security chapter'


class Keys:
    """xdotool key presses, counted."""

    def __init__(self):
        self.count = 0

    def press(self, *keys):
        for key in keys:
            subprocess.run(['xdotool', 'key', '--clearmodifiers', key], check=True)
            self.count += 1
            time.sleep(0.15)

    def type(self, text):
        subprocess.run(['xdotool', 'type', '--delay', '20', text], check=True)
        self.count += len(text)
        time.sleep(0.3)


def focused_name(app):
    found = []
    m._walk(app.app, lambda acc, role: acc.getState().contains(pyatspi.STATE_FOCUSED), found, False, 1)
    return found[0].name if found else None


def wait_focus(app, name, what):
    app.wait(lambda: focused_name(app) == name, 10, '%s: the focus on %r (it is on %r)' % (what, name, focused_name(app)))


def step_open_lands_on_first_unanswered(c):
    framework = os.path.join(os.environ['MIZAN_FRAMEWORKS_DIR'], 'oic-ccmm-2.0.0.json')
    with open(framework, encoding='utf-8') as f:
        model = json.load(f)
    doc = {
        'format': 'mizan-assessment', 'format_version': 1,
        'framework': {'id': model['id'], 'version': model['version']},
        'organization': {'name': 'Ministry of Keys', 'country': 'PAK', 'sector': 'government', 'size': 'large'},
        'assessment': {'id': ASSESSMENT_ID, 'title': TITLE, 'created': '2026-11-02T08:00:00Z',
                       'updated': '2026-11-02T08:00:00Z'},
        'targets': {}, 'answers': {},
    }
    path = os.path.join(c.tmp, 'keys.mizan')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(doc, f)
    os.makedirs(os.path.dirname(c.db), exist_ok=True)
    c.cli_run('import', path)
    app = c.start()
    app.do_action(app.find(TITLE, role='list item'), 'row.open')
    wait_focus(app, 'GOV.1.1: Fully implemented', 'after opening')
    # Keys go to the window under the pointer when there is no window manager.
    box = app.find_all(role='frame', timeout=5)[0].queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(['xdotool', 'mousemove', str(box.x + box.width // 2), str(box.y + 8)], check=True)


def step_digits_and_down(c):
    keys = c.keys = Keys()
    for i, digit in enumerate(DIGITS):
        practice = 'GOV.1.%d' % (i + 1)
        keys.press(digit)
        label = {v: k for k, v in e2e.STATUS_OF.items()}[STATUS_OF[digit]]
        c.app.wait(lambda: m.checked_statuses(c.app, practice) == [label], 10,
                   '%s to show %s after pressing %s' % (practice, label, digit))
        wait_focus(c.app, '%s: %s' % (practice, label), 'after answering %s' % practice)
        if i == 1:
            keys.press('Return')
            wait_focus(c.app, '%s: Note' % practice, 'Enter')
            keys.type(NOTE)
            keys.press('Escape')
            wait_focus(c.app, '%s: %s' % (practice, label), 'Escape from the note')
        if i + 1 < len(DIGITS):
            keys.press('Down')
            wait_focus(c.app, 'GOV.1.%d: Fully implemented' % (i + 2), 'Down from %s' % practice)
    m.log('%d key presses for %d answers, a note of %d characters included: %.2f per answer without the note'
          % (keys.count, len(DIGITS), len(NOTE), (keys.count - len(NOTE) - 2) / len(DIGITS)))
    expect((keys.count - len(NOTE) - 2) / len(DIGITS) <= 2, 'more than 2 key presses per answer')


def step_alt_down_to_next_capability(c):
    c.keys.press('alt+Down')
    wait_focus(c.app, 'GOV.2.1: Fully implemented', 'Alt+Down from the last practice of GOV.1')
    # Back: nothing before GOV.2.1 is unanswered any more, so the keyboard stays.
    c.keys.press('alt+Up')
    time.sleep(0.5)
    wait_focus(c.app, 'GOV.2.1: Fully implemented', 'Alt+Up with nothing unanswered before')


def step_answers_stored(c):
    path = os.path.join(c.tmp, 'out.json')
    c.cli_run('export', ASSESSMENT_ID, '--format', 'json', '-o', path)
    with open(path, encoding='utf-8') as f:
        answers = json.load(f)['answers']
    got = {pid: a['status'] for pid, a in answers.items()}
    want = {'GOV.1.%d' % (i + 1): STATUS_OF[d] for i, d in enumerate(DIGITS)}
    expect(got == want, 'stored %r, pressed %r' % (got, want))
    expect(answers['GOV.1.2'].get('note') == NOTE, 'the note is stored as %r' % answers['GOV.1.2'].get('note'))
    c.app.close_window()
    expect(c.app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


STEPS = [
    ('opening an assessment puts the keyboard on its first unanswered practice', step_open_lands_on_first_unanswered),
    ('digits answer and Down moves on; Enter writes a note and Escape comes back', step_digits_and_down),
    ('Alt+Down goes on to the next capability\'s first unanswered practice', step_alt_down_to_next_capability),
    ('the answers stored are exactly the keys pressed', step_answers_stored),
]


if __name__ == '__main__':
    sys.exit(e2e.run(STEPS))
