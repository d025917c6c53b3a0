#!/usr/bin/env python3
# test-profile.py — the organization's profile decides what applies, as a person sets it
# New assessment with "runs a CERT" switched off → the CSC capabilities are not applicable (greyed,
# the reason said, left out of the scores) → Organization Profile… switches it on → they count again.

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402
from importlib import import_module  # noqa: E402

e2e = import_module('test-e2e')
expect = e2e.expect

FRAMEWORKS = os.environ['MIZAN_FRAMEWORKS_DIR']
TITLE = 'Profile test'


def question(qid):
    with open(os.path.join(FRAMEWORKS, 'oic-ccmm-2.0.0.json'), encoding='utf-8') as f:
        model = json.load(f)
    return next(q['text']['en'] for q in model['profile'] if q['id'] == qid)


def csc_levels(c):
    ids = [line.split()[0] for line in c.cli_run('list').splitlines()[1:] if line.strip()]
    score = json.loads(c.cli_run('score', ids[0], '--json'))
    return {cap['id']: cap['level'] for d in score['domains'] for cap in d['capabilities'] if cap['id'].startswith('CSC')}


def switch_named(app, name, root=None):
    # GTK 4.8 gives a GtkSwitch the role of a check box over AT-SPI, and the
    # row's box that holds it reports no extent, so the walk looks past that.
    app.wait(lambda: app.find_all(name, role='check box', root=root, timeout=0, only_showing=False), 10,
             'a switch named %r' % name)
    return app.find_all(name, role='check box', root=root, timeout=0, only_showing=False)[0]


def step_create_without_cert(c):
    app = c.start()
    asked = []

    def answer_no(dialog):
        switch = switch_named(app, question('runs_cert'), root=dialog)
        expect(app.is_pressed(switch), 'the question starts answered no: nothing should be left out unasked')
        m.press_space_on(switch)
        app.wait(lambda: not app.is_pressed(switch), 5, 'the switch to turn off')
        expect(not app.unnamed_controls(root=dialog), 'unnamed: %r' % app.unnamed_controls(root=dialog))
        asked.append(True)

    m.create_assessment(app, 'Ministry of Profiles', 'Pakistan', TITLE, prepare=answer_no)
    expect(asked, 'the dialog did not ask')
    levels = csc_levels(c)
    expect(levels and all(level is None for level in levels.values()),
           'the CSC capabilities still count: %r' % levels)


def step_capability_says_why(c):
    app = c.app
    m.go_to_practice(app, 'CSC.1.1')
    app.find('Not applicable: the organization’s answer to “%s” is no' % question('runs_cert'),
             role='label', timeout=10)
    button = app.find('CSC.1.1: Fully implemented', role='radio button')
    expect(not app.is_sensitive(button), 'the practices of a capability out of scope can still be answered')


def step_profile_dialog_brings_it_back(c):
    app = c.app
    menus = [acc for acc in app.find_all('Main Menu', role='push button', timeout=5) if app.has_action(acc, 'click')]
    app.do_action(menus[-1], 'click')
    app.click('Organization Profile…')
    window = app.find('Organization Profile', role='frame', timeout=10)
    switch = switch_named(app, question('runs_cert'), root=window)
    expect(not app.is_pressed(switch), 'the profile dialog does not show the answer given')
    m.press_space_on(switch)
    app.wait(lambda: all(level is not None for level in csc_levels(c).values()), 10,
             'the CSC capabilities to count again')
    app.do_action(window, 'window.close')
    button = app.find('CSC.1.1: Fully implemented', role='radio button')
    app.wait(lambda: app.is_sensitive(button), 10, 'the practices to be answerable again')
    time.sleep(0.2)
    app.close_window()
    expect(app.wait_exit() == 0, 'mizan did not exit cleanly')
    c.app = None


STEPS = [
    ('the new-assessment dialog asks the profile; "runs a CERT" off leaves CSC out of the scores',
     step_create_without_cert),
    ('a capability out of scope says why and cannot be answered', step_capability_says_why),
    ('Organization Profile… turns it on again and the scores follow at once', step_profile_dialog_brings_it_back),
]


if __name__ == '__main__':
    sys.exit(e2e.run(STEPS))
