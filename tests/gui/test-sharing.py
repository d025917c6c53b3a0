#!/usr/bin/env python3
# test-sharing.py — sharing from the app, driven through the accessibility tree, with the real mizan-server on 127.0.0.1
# An incomplete assessment is refused, saying how many practices are left → completed →
# Not enough peers → Share shows the exact payload → shared → server stopped: queued → app restarted with the
# server back: delivered → peers shown → Withdraw → gone; Member states needs an analyst token; every control named.

import importlib.util
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mizanatspi as m  # noqa: E402

spec = importlib.util.spec_from_file_location('server_harness', os.path.join(HERE, '..', 'server', 'test-server.py'))
harness = importlib.util.module_from_spec(spec)
spec.loader.exec_module(harness)
harness.SERVER = os.environ['MIZAN_SERVER']
CLI = os.environ['MIZAN_CLI']
TITLE = 'Sharing test'


class Context:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix='mizan-sharing-')
        self.env = dict(os.environ)
        self.env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'data')
        self.env['XDG_CONFIG_HOME'] = os.path.join(self.tmp, 'config')
        self.env['GSETTINGS_BACKEND'] = 'keyfile'
        self.db = os.path.join(self.env['XDG_DATA_HOME'], 'mizan', 'mizan.db')
        with socket.socket() as sock:
            sock.bind(('127.0.0.1', 0))
            port = sock.getsockname()[1]
        self.server = harness.Server(home=os.path.join(self.tmp, 'server'))
        os.makedirs(self.server.home)
        self.server.args[self.server.args.index('127.0.0.1:0')] = f'127.0.0.1:{port}'
        self.app = None
        self.assessment = None

    def start_app(self):
        self.app = m.App(os.environ['MIZAN'], self.env).start()
        row = self.app.find(TITLE, role='list item')
        self.app.do_action(row, 'row.open')
        self.app.click('Benchmark', role='page tab')

    def quit_app(self):
        self.app.close_window()
        self.app.wait_exit()
        self.app = None

    def shows(self, text):
        """Whether a label starting with @text is on screen (the sharing row's state line, say)."""
        return self.app.exists(text, prefix=True)

    def import_doc(self, doc, *options):
        path = os.path.join(self.tmp, 'a.mizan')
        with open(path, 'w') as f:
            json.dump(doc, f)
        p = subprocess.run([CLI, '--db', self.db, 'import', path, *options], env=self.env,
                           capture_output=True, text=True, check=True)
        self.assessment = p.stdout.strip()

    def queue(self):
        con = sqlite3.connect(self.db)
        try:
            return con.execute('SELECT action, attempts FROM sync_queue').fetchall()
        finally:
            con.close()

    def close(self):
        if self.app is not None:
            self.app.kill()
        try:
            self.server.close()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)


def step_setup(c):
    c.server.start()
    pak = c.server.token('submitter', 'PAK')
    settings = os.path.join(c.env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
    os.makedirs(settings)
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write(f"[org/comstech/Mizan]\nsharing-enabled=true\nserver-url='{c.server.url}'\n")
    os.makedirs(os.path.join(c.env['XDG_CONFIG_HOME'], 'mizan'))
    token_path = os.path.join(c.env['XDG_CONFIG_HOME'], 'mizan', 'token')
    with open(token_path, 'w') as f:
        f.write(pak + '\n')
    os.chmod(token_path, 0o600)

    fw = harness.FW
    answers = {p['id']: {'status': 'fully' if i % 3 else 'partially'}
               for i, (_, _, p) in enumerate(harness.practices(fw))}
    doc = harness.assessment_doc(fw, {})
    doc['assessment']['title'] = TITLE
    # Two practices left unanswered first; step_complete answers them.
    doc['answers'] = dict(list(answers.items())[:-2])
    c.import_doc(doc)
    doc['answers'] = answers
    c.complete_doc = doc


def step_incomplete_refused(c):
    c.start_app()
    c.app.wait(lambda: c.shows('Not shared · 2 practices left to answer before sharing'), timeout=20,
               what='the count left on the sharing row')
    c.app.click('Share…', role='push button')
    body = c.app.find('2 practices are not answered yet', prefix=True, timeout=10)
    assert not c.app.exists('The anonymized payload')
    c.app.click('Show Unanswered', role='push button', root=c.app.window_of(body))
    # The questionnaire opens on the first unanswered practice's capability.
    last = [p for _, _, p in harness.practices(harness.FW)][-2]
    c.app.wait(lambda: c.app.exists(last['id'], prefix=True), timeout=10, what='the unanswered practice')
    assert c.server.stored_ids() == set() and c.queue() == []
    c.quit_app()


def step_complete(c):
    c.import_doc(c.complete_doc, '--replace')


def step_not_enough_peers(c):
    c.start_app()
    c.app.find('Not Enough Peers Yet', timeout=20)
    assert c.shows('Not shared')


def step_every_control_named(c):
    missing = c.app.unnamed_controls()
    assert not missing, missing


def step_share_shows_the_exact_payload(c):
    c.app.click('Share…', role='push button')
    view = c.app.find('The anonymized payload', timeout=10)
    shown = json.loads(c.app.text(view))
    expected = json.loads(subprocess.run([CLI, '--db', c.db, 'submission', c.assessment], env=c.env,
                                         capture_output=True, text=True, check=True).stdout)
    assert shown == expected, (shown, expected)
    c.app.find('What will not be sent:', prefix=True, timeout=20)
    c.submission_id = shown['submission_id']
    c.app.click('Share', role='push button')
    c.app.wait(lambda: c.server.stored_ids() == {c.submission_id}, timeout=20, what='the submission on the server')
    c.app.wait(lambda: c.shows('Shared anonymously'), timeout=10, what='the shared state')


def step_server_down_queues(c):
    assert c.server.stop() == 0
    c.app.click('Send Again', role='push button')
    c.app.wait(lambda: c.queue() == [('send', 1)], timeout=20, what='the send on the queue')
    c.app.wait(lambda: c.shows('Queued'), timeout=10, what='the queued state')
    c.quit_app()


def step_restart_delivers(c):
    c.server.start()
    c.start_app()
    c.app.wait(lambda: c.queue() == [], timeout=30, what='the queue delivered after the restart')
    assert c.server.stored_ids() == {c.submission_id}
    c.app.click('Questionnaire', role='page tab')
    c.app.click('Benchmark', role='page tab')
    c.app.wait(lambda: c.shows('Shared anonymously'), timeout=10, what='the shared state')


def step_peers_shown(c):
    pak = c.server.token('submitter', 'PAK')
    for _ in range(5):
        assert c.server.submit(pak, harness.make_submission()).status == 201
    c.app.click('Questionnaire', role='page tab')
    c.app.click('Benchmark', role='page tab')
    chart = c.app.find('Your maturity index per domain beside your peers’', timeout=20)
    assert 'Governance and Strategy: yours' in chart.description, chart.description
    assert '6 peers' in chart.description, chart.description


def step_withdraw(c):
    c.app.click('Withdraw', role='push button')
    body = c.app.find('They are deleted from the benchmark server', prefix=True, timeout=10)
    c.app.click('Withdraw', role='push button', root=c.app.window_of(body))
    c.app.wait(lambda: c.submission_id not in c.server.stored_ids(), timeout=20, what='the withdrawal')
    c.app.wait(lambda: c.shows('Not shared'), timeout=10, what='the unshared state')


def step_member_states_needs_an_analyst(c):
    c.app.click('Member States', role='page tab')
    c.app.find('An Analyst Token Is Needed', timeout=20)
    missing = c.app.unnamed_controls()
    assert not missing, missing


def step_member_states_for_an_analyst(c):
    analyst = c.server.token('analyst')
    with open(os.path.join(c.env['XDG_CONFIG_HOME'], 'mizan', 'token'), 'w') as f:
        f.write(analyst + '\n')
    c.app.click('Benchmark', role='page tab')
    c.app.click('Member States', role='page tab')
    chart = c.app.find('Map of the member states', timeout=20)
    # Only Pakistan has k = 5 submissions (ours was withdrawn); every other state is hatched.
    c.app.find('1 of 57 member states have at least 5 submissions.', prefix=True, timeout=10)
    assert 'Map of the OIC member states coloured by Mean maturity index.' in chart.description, chart.description
    assert '1 member state has figures; 56 have fewer than k submissions.' in chart.description, chart.description
    missing = c.app.unnamed_controls()
    assert not missing, missing


def main():
    steps = [
        ('a server, a submitter token, sharing on, an assessment', step_setup),
        ('an incomplete assessment is not shared: the app says how many practices are left', step_incomplete_refused),
        ('the assessment answered to the end', step_complete),
        ('Benchmark says there are not enough peers', step_not_enough_peers),
        ('every control on the Benchmark page has a name', step_every_control_named),
        ('Share shows the exact payload, then sends it', step_share_shows_the_exact_payload),
        ('with the server stopped, a send is queued and shown so', step_server_down_queues),
        ('after a restart with the server back, the queue is delivered', step_restart_delivers),
        ('with enough peers the box plot is described', step_peers_shown),
        ('Withdraw deletes the submission on the server', step_withdraw),
        ('Member states needs an analyst token', step_member_states_needs_an_analyst),
        ('an analyst sees the map and the table, every control named', step_member_states_for_an_analyst),
    ]
    c = Context()
    failed = False
    print('1..%d' % len(steps), flush=True)
    try:
        for number, (description, step) in enumerate(steps, 1):
            if failed:
                print('not ok %d - %s # SKIP an earlier step failed' % (number, description), flush=True)
                continue
            try:
                step(c)
                print('ok %d - %s' % (number, description), flush=True)
            except Exception as error:  # noqa: BLE001 — every failure is reported as TAP
                failed = True
                print('not ok %d - %s' % (number, description), flush=True)
                for line in ('%s: %s' % (type(error).__name__, error)).splitlines():
                    print('# ' + line, flush=True)
    finally:
        c.close()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
