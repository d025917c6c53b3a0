#!/usr/bin/env python3
# test-e2e.py — a new user's first assessment, driven through the accessibility tree
# Empty data directory → create → answer in two domains → Results vs mizan-cli → quit → restart → answers kept.

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402

ANSWERS_GOV = [
    ('GOV.1.1', 'Fully implemented'),
    ('GOV.1.2', 'Largely implemented'),
    ('GOV.1.3', 'Fully implemented'),
    ('GOV.1.4', 'Partially implemented'),
]
ANSWERS_LEG = [
    ('LEG.1.1', 'Fully implemented'),
    ('LEG.1.2', 'Not applicable'),
    ('LEG.1.3', 'Not implemented'),
]
STATUS_OF = {
    'Fully implemented': 'fully',
    'Largely implemented': 'largely',
    'Partially implemented': 'partially',
    'Not implemented': 'not',
    'Not applicable': 'na',
}
NOTE = 'Strategy memo, March 2024'
TITLE = 'First assessment'


class Tap:
    def __init__(self, steps):
        self.steps = steps

    def run(self, context):
        print('1..%d' % len(self.steps), flush=True)
        failed = False
        for number, (description, step) in enumerate(self.steps, 1):
            if failed:
                print('not ok %d - %s # SKIP an earlier step failed' % (number, description), flush=True)
                continue
            try:
                step(context)
                print('ok %d - %s' % (number, description), flush=True)
            except Exception as error:  # noqa: BLE001 — every failure is reported as TAP
                failed = True
                print('not ok %d - %s' % (number, description), flush=True)
                for line in ('%s: %s' % (type(error).__name__, error)).splitlines():
                    print('# ' + line, flush=True)
        return 1 if failed else 0


class Context:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix='mizan-e2e-')
        self.env = dict(os.environ)
        self.env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'data')
        self.env['XDG_CONFIG_HOME'] = os.path.join(self.tmp, 'config')
        self.env['GTK_A11Y'] = 'atspi'
        self.env['GSETTINGS_BACKEND'] = 'memory'
        self.env.pop('NO_AT_BRIDGE', None)
        self.db = os.path.join(self.env['XDG_DATA_HOME'], 'mizan', 'mizan.db')
        self.program = os.environ['MIZAN']
        self.cli = os.environ['MIZAN_CLI']
        self.app = None
        self.index_shown = None
        self.id = None

    def start(self):
        self.app = m.App(self.program, self.env).start()
        return self.app

    def cli_run(self, *args):
        result = subprocess.run([self.cli, '--db', self.db] + list(args), env=self.env,
                                capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise AssertionError('mizan-cli %s failed: %s' % (' '.join(args), result.stderr.strip()))
        return result.stdout

    def cleanup(self):
        if self.app is not None:
            self.app.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def run(steps, context=None):
    """Runs @steps (description, function) as TAP over @context (a new
    Context by default), cleaning up after; the exit status."""
    context = context or Context()
    try:
        return Tap(steps).run(context)
    finally:
        context.cleanup()


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_named(c, where):
    missing = c.app.unnamed_controls()
    expect(not missing, 'controls without an accessible name on %s: %s' % (where, ', '.join(missing)))


def step_empty_state(c):
    app = c.start()
    app.find('No Assessments Yet', role='label')
    expect_named(c, 'the start page')
    expect(not os.path.exists(c.db) or c.cli_run('list').count('\n') <= 1, 'the database is not empty')


def step_dialog_named(c):
    c.app.click('New Assessment', role='push button')
    dialog = c.app.find('New Assessment', role='frame')
    c.app.click('Choose the country', role='push button')
    c.app.find('Search countries', role='entry')
    expect_named(c, 'the New Assessment dialog')
    c.app.do_action(dialog, 'window.close')


def step_create(c):
    m.create_assessment(c.app, 'Ministry of Digital Economy', 'Pakistan', title=TITLE)
    c.app.find('GOV.1.1: Fully implemented', role='radio button')


def expect_only_checked(app, practice, status):
    checked = m.checked_statuses(app, practice)
    expect(checked == [status], '%s: the status group reports %r checked, not exactly %r' % (practice, checked, status))


def step_answer_gov(c):
    for practice, status in ANSWERS_GOV:
        m.answer(c.app, practice, status)
        expect_only_checked(c.app, practice, status)
    # Changing an answer moves the check: one member of the group at a time.
    m.answer(c.app, 'GOV.1.2', 'Not implemented')
    expect_only_checked(c.app, 'GOV.1.2', 'Not implemented')
    m.answer(c.app, 'GOV.1.2', 'Largely implemented')
    expect_only_checked(c.app, 'GOV.1.2', 'Largely implemented')
    note = c.app.find('GOV.1.1: Note', role='text')
    c.app.set_text(note, NOTE)
    # A note is saved once typing pauses.
    c.app.wait(lambda: c.app.exists('Saved', role='label') and not c.app.exists('Saving…', role='label'),
               10, 'the note to be saved')
    row = c.app.find('GOV.1 ', role='list item', prefix=True)
    expect('4 of 6' in row.name, 'the sidebar shows %r, not 4 of 6 answered' % row.name)
    expect_named(c, 'the questionnaire')


def step_answer_leg(c):
    m.go_to_practice(c.app, 'LEG.1.1')
    for practice, status in ANSWERS_LEG:
        m.answer(c.app, practice, status)
    row = c.app.find('LEG.1 ', role='list item', prefix=True)
    expect('3 of 6' in row.name, 'the sidebar shows %r, not 3 of 6 answered' % row.name)


def step_results(c):
    c.app.click('Results', role='page tab')
    label = c.app.find('Maturity index:', role='label', prefix=True)
    c.app.wait(lambda: c.app.text(label) not in ('', '—'), 10, 'the maturity index')
    c.index_shown = c.app.text(label)
    m.log('the Results page shows a maturity index of %s' % c.index_shown)
    expect_named(c, 'the Results page')
    c.app.click('Roadmap', role='page tab')
    c.app.find('Next', role='label', timeout=15)
    expect_named(c, 'the Roadmap page')
    # The only assessment has nothing to be compared with yet, and says so.
    c.app.click('Compare', role='page tab')
    c.app.find('Nothing to Compare With Yet', role='label', timeout=15)
    expect_named(c, 'the Compare page')


def step_compare_cli(c):
    listing = c.cli_run('list').splitlines()
    rows = [line.split()[0] for line in listing[1:] if line.strip()]
    expect(len(rows) == 1, 'mizan-cli lists %d assessments, not 1' % len(rows))
    c.id = rows[0]
    score = json.loads(c.cli_run('score', c.id, '--json'))
    index = score['overall']['index']
    expect(abs(float(c.index_shown) - index) <= 0.005 and c.index_shown == '%.2f' % index,
           'the app shows %s, mizan-cli computes %r' % (c.index_shown, index))
    exported = os.path.join(c.tmp, 'export.json')
    c.cli_run('export', c.id, '--format', 'json', '-o', exported)
    with open(exported, encoding='utf-8') as f:
        answers = json.load(f)['answers']
    for practice, status in ANSWERS_GOV + ANSWERS_LEG:
        expect(answers.get(practice, {}).get('status') == STATUS_OF[status],
               '%s is stored as %r' % (practice, answers.get(practice)))
    expect(answers['GOV.1.1'].get('note') == NOTE, 'the note is stored as %r' % answers['GOV.1.1'].get('note'))


def step_quit(c):
    c.app.close_window()
    code = c.app.wait_exit()
    expect(code == 0, 'mizan exited with %d' % code)
    c.app = None


def step_restart(c):
    app = c.start()
    row = app.find(TITLE, role='list item')
    app.do_action(row, 'row.open')
    for practice, status in ANSWERS_GOV:
        expect_only_checked(app, practice, status)
    expect(m.checked_statuses(app, 'GOV.1.5') == [], 'the unanswered GOV.1.5 reports a status checked')
    note = app.find('GOV.1.1: Note', role='text')
    expect(app.text(note) == NOTE, 'the note reads %r' % app.text(note))
    m.go_to_practice(app, 'LEG.1.1')
    for practice, status in ANSWERS_LEG:
        expect_only_checked(app, practice, status)


def step_results_again(c):
    c.app.click('Results', role='page tab')
    label = c.app.find('Maturity index:', role='label', prefix=True)
    c.app.wait(lambda: c.app.text(label) == c.index_shown, 10,
               'the same maturity index %s (shows %s)' % (c.index_shown, c.app.text(label)))
    c.app.close_window()
    expect(c.app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


STEPS = [
    ('an empty data directory shows the empty state; every control is named', step_empty_state),
    ('every control of the New Assessment dialog is named', step_dialog_named),
    ('an assessment is created through the New Assessment dialog', step_create),
    ('practices of GOV are answered, with a note; exactly the chosen status is checked; the sidebar counts them', step_answer_gov),
    ('practices of LEG are answered after moving on with Next', step_answer_leg),
    ('the Results page shows a maturity index; Results, Roadmap and Compare controls are named', step_results),
    ('the index shown equals mizan-cli score, and the answers are stored', step_compare_cli),
    ('closing the window quits the app', step_quit),
    ('after a restart exactly the chosen statuses are checked and the note is still there', step_restart),
    ('after a restart the Results page shows the same index', step_results_again),
]


if __name__ == '__main__':
    sys.exit(run(STEPS))
