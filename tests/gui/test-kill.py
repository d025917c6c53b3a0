#!/usr/bin/env python3
# test-kill.py — an answer the app shows as saved survives kill -9
# Answer (a status, then a typed note), wait for "Saved", kill -9, then read the database and restart.

import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402
from importlib import import_module  # noqa: E402

e2e = import_module('test-e2e')

NOTE = 'Approved by the board on 3 May'


def stored_answers(c):
    exported = os.path.join(c.tmp, 'export.json')
    listing = c.cli_run('list').splitlines()
    c.id = listing[1].split()[0]
    c.cli_run('export', c.id, '--format', 'json', '-o', exported)
    with open(exported, encoding='utf-8') as f:
        return json.load(f)['answers']


def step_answer_and_kill(c):
    app = c.start()
    m.create_assessment(app, 'Ministry of Energy', 'Morocco', title='Kill test')
    m.answer(app, 'GOV.1.1', 'Largely implemented')
    app.find('Saved', role='label', timeout=5)
    app.kill(signal.SIGKILL)
    c.app = None
    answers = stored_answers(c)
    e2e.expect(answers.get('GOV.1.1', {}).get('status') == 'largely',
               'after kill -9 GOV.1.1 is stored as %r' % answers.get('GOV.1.1'))


def step_note_and_kill(c):
    app = c.start()
    app.do_action(app.find('Kill test', role='list item'), 'row.open')
    note = app.find('GOV.1.2: Note', role='text')
    app.set_text(note, NOTE)
    # Typing shows "Saving…" until the pause; only "Saved" promises the note is kept.
    app.find('Saved', role='label', timeout=10)
    e2e.expect(not app.exists('Saving…', role='label'), 'still saving')
    app.kill(signal.SIGKILL)
    c.app = None
    answers = stored_answers(c)
    e2e.expect(answers.get('GOV.1.2', {}).get('note') == NOTE,
               'after kill -9 the note of GOV.1.2 is stored as %r' % answers.get('GOV.1.2'))
    e2e.expect(answers.get('GOV.1.1', {}).get('status') == 'largely', 'GOV.1.1 was lost')


def step_restart(c):
    app = c.start()
    app.do_action(app.find('Kill test', role='list item'), 'row.open')
    button = app.find('GOV.1.1: Largely implemented', role='radio button')
    e2e.expect(app.is_pressed(button), 'GOV.1.1 does not show Largely after the restart')
    note = app.find('GOV.1.2: Note', role='text')
    e2e.expect(app.text(note) == NOTE, 'the note reads %r after the restart' % app.text(note))
    app.close_window()
    e2e.expect(app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


STEPS = [
    ('a status shown as saved survives kill -9', step_answer_and_kill),
    ('a typed note shown as saved survives kill -9', step_note_and_kill),
    ('the app shows both after a restart', step_restart),
]


if __name__ == '__main__':
    sys.exit(e2e.run(STEPS))
