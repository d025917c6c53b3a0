#!/usr/bin/env python3
"""test-sync.py — mizan-cli sync / benchmark / countries against the real mizan-server on 127.0.0.1.

Send, replace, withdraw, refusals (403, 401), the queue across a stopped server
and CLI restarts, k-anonymity as the client shows it, TLS with a pinned CA, and
the payload holding exactly DESIGN.md's fields.
Usage: test-sync.py PATH-TO-mizan-server"""
import importlib.util
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from clitest import Home, assessment_doc, builtin_model, practices, run_tests, write_json  # noqa: E402

# The server harness of test-server.py: one real process per test.
_spec = importlib.util.spec_from_file_location(
    'server_harness', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-server.py'))
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)
Server, percentile, numbers_in = harness.Server, harness.percentile, harness.numbers_in

FW = builtin_model()
EPS = 1e-9

# DESIGN.md, "Anonymized submission (mizan-submission/1)": these keys and no others.
PAYLOAD_KEYS = {'schema', 'submission_id', 'framework', 'country', 'sector', 'size', 'period',
                'domains', 'capabilities'}
FRAMEWORK_KEYS = {'id', 'version'}
DOMAIN_KEYS = {'id', 'level', 'index', 'score'}
CAPABILITY_KEYS = {'id', 'level', 'score'}


class Client(Home):
    """A user's machine: its own database, config directory (the token file) and assessments."""

    def __init__(self):
        super().__init__()
        self.env['XDG_CONFIG_HOME'] = self.path('config')
        # No desktop settings here: the server comes from --server.
        self.env['GSETTINGS_BACKEND'] = 'memory'

    def add(self, country='PAK', sector='government', size='large', seed=None, org_name='Ministry of Test'):
        rng = random.Random(seed)
        # Complete: only a complete assessment is shared (DESIGN.md "Provisional results").
        answers = {p['id']: rng.choice(['fully', 'largely', 'partially', 'not', 'na'])
                   for _, _, p in practices(FW)}
        notes = {pid: 'secret note ' + pid for pid in list(answers)[:5]}
        doc = assessment_doc(FW, answers, notes=notes, org={
            'name': org_name, 'country': country, 'sector': sector, 'size': size})
        path = write_json(self.path(f'{doc["assessment"]["id"]}.mizan'), doc)
        return self.run('import', path, check=0).stdout.strip()

    def sync(self, server, *args, token=None, check=None):
        extra = ['--server', server.url] if server is not None else []
        if token is not None:
            extra += ['--token', token]
        return self.run('sync', *args, *extra, check=check)

    def queue(self):
        con = sqlite3.connect(self.db)
        try:
            return con.execute('SELECT assessment_id, action, submission_id, attempts, next_attempt, last_error'
                               ' FROM sync_queue ORDER BY assessment_id').fetchall()
        finally:
            con.close()

    def submission_id(self, aid):
        con = sqlite3.connect(self.db)
        try:
            row = con.execute('SELECT submission_id FROM submissions WHERE assessment_id = ?', (aid,)).fetchone()
            return row and row[0]
        finally:
            con.close()

    def payload(self, aid):
        return json.loads(self.run('submission', aid, check=0).stdout)


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def with_client_and_server(func):
    def run():
        c, s = Client(), Server()
        try:
            s.start()
            func(c, s)
        finally:
            try:
                s.close()
            finally:
                c.close()
    run.__name__ = func.__name__
    return run


@with_client_and_server
def test_send_replace_withdraw(c, s):
    pak = s.token('submitter', 'PAK')
    aid = c.add(seed=1)
    p = c.sync(s, aid, token=pak, check=0)
    assert 'new submission' in p.stdout, p.stdout
    sid = c.submission_id(aid)
    assert sid and sid != aid and re.fullmatch(r'[0-9a-f-]{36}', sid)
    assert s.stored_ids() == {sid}

    # The same assessment again replaces, under the same random id.
    p = c.sync(s, aid, token=pak, check=0)
    assert 'replaced' in p.stdout, p.stdout
    assert c.submission_id(aid) == sid and s.stored_ids() == {sid}
    assert c.queue() == []

    # Another assessment is another submission.
    other = c.add(seed=2)
    c.sync(s, other, token=pak, check=0)
    assert len(s.stored_ids()) == 2

    # Withdraw: gone on the server and here; sharing again is a new submission.
    p = c.sync(s, aid, '--withdraw', token=pak, check=0)
    assert 'Withdrawn' in p.stdout, p.stdout
    assert s.stored_ids() == {c.submission_id(other)}
    assert c.submission_id(aid) is None
    p = c.sync(s, aid, '--withdraw', token=pak, check=0)
    assert 'Nothing to withdraw' in p.stdout
    c.sync(s, aid, token=pak, check=0)
    assert c.submission_id(aid) not in (None, sid)
    assert len(s.stored_ids()) == 2


@with_client_and_server
def test_country_mismatch_and_revoked_token(c, s):
    pak = s.token('submitter', 'PAK')
    sau_assessment = c.add(country='SAU', seed=3)
    p = c.sync(s, sau_assessment, token=pak, check=1)
    line = p.stderr.strip()
    assert '\n' not in line, line
    assert '403' in line and 'forbidden' in line and '“country”' in line, line
    # A refusal is not retried: it would be refused again.
    assert c.queue() == [] and s.stored_ids() == set()

    aid = c.add(seed=4)
    c.sync(s, aid, token=pak, check=0)
    token_id = next(l.split()[0] for l in s.cli('token', 'list', check=0).stdout.splitlines() if ' PAK ' in l)
    s.cli('token', 'revoke', token_id, check=0)
    p = c.sync(s, aid, token=pak, check=1)
    assert '401' in p.stderr and 'revoked' in p.stderr, p.stderr
    assert c.queue() == []
    p = c.run('benchmark', aid, '--server', s.url, '--token', pak, check=1)
    assert '401' in p.stderr, p.stderr
    # The withdrawal fails the same way, and the local id is kept for a retry.
    sid = c.submission_id(aid)
    c.sync(s, aid, '--withdraw', token=pak, check=1)
    assert c.submission_id(aid) == sid


def test_queue_survives_a_stopped_server_and_cli_restarts():
    c = Client()
    port = free_port()
    s = Server()
    s.args[s.args.index('127.0.0.1:0')] = f'127.0.0.1:{port}'
    try:
        pak = s.token('submitter', 'PAK')
        os.makedirs(c.path('config/mizan'))
        with open(c.path('config/mizan/token'), 'w') as f:
            f.write(pak + '\n')
        os.chmod(c.path('config/mizan/token'), 0o600)
        url = f'http://127.0.0.1:{port}'

        # The server is down: the send is queued, with the reason and a backoff.
        aid = c.add(seed=5)
        p = c.run('sync', aid, '--server', url, check=1)
        assert 'Queued' in p.stderr and 'Cannot reach' in p.stderr, p.stderr
        [(qa, action, sid, attempts, next1, last_error)] = c.queue()
        assert (qa, action, attempts) == (aid, 'send', 1) and sid == c.submission_id(aid)
        assert 'Cannot reach' in last_error
        # A withdrawal that cannot reach the server is queued too.
        gone = c.add(seed=6)
        c.run('sync', gone, '--server', url, check=1)
        c.run('sync', gone, '--withdraw', '--server', url, check=1)
        assert {(row[0], row[1]) for row in c.queue()} == {(aid, 'send'), (gone, 'withdraw')}
        assert c.submission_id(gone) is None

        # Still down at the next try (a new CLI process): attempts and backoff grow.
        p = c.run('sync', '--server', url, check=1)
        assert 'still queued 2' in p.stdout, p.stdout
        rows = {r[0]: r for r in c.queue()}
        assert rows[aid][3] == 2 and rows[aid][4] > next1

        # The server returns: everything queued is delivered, the queue is empty.
        s.start()
        p = c.run('sync', '--server', url, check=0)
        assert 'Delivered 2, still queued 0' in p.stdout, p.stdout
        assert c.queue() == []
        assert s.stored_ids() == {c.submission_id(aid)}
        # What arrived is the payload the user saw.
        con = sqlite3.connect(s.db)
        assert con.execute('SELECT country, sector, size FROM submissions').fetchall() == [('PAK', 'government', 'large')]
        con.close()
        assert 'replaced' in c.run('sync', aid, '--server', url, check=0).stdout
    finally:
        try:
            s.close()
        finally:
            c.close()


@with_client_and_server
def test_benchmark_k_minus_one_suppressed_k_shown(c, s):
    pak = s.token('submitter', 'PAK')
    ids = [c.add(seed=10 + i) for i in range(5)]
    for aid in ids[:4]:
        c.sync(s, aid, token=pak, check=0)

    p = c.run('benchmark', ids[0], '--server', s.url, '--token', pak, check=0)
    assert 'Not enough peers yet' in p.stdout, p.stdout
    answer = json.loads(c.run('benchmark', ids[0], '--server', s.url, '--token', pak, '--json', check=0).stdout)
    assert answer['suppressed'] is True and 'n' not in answer
    # Only the user's own figures: nothing of the peers.
    assert all(d['peers'] == {'suppressed': True} for d in answer['domains'])

    c.sync(s, ids[4], token=pak, check=0)
    answer = json.loads(c.run('benchmark', ids[0], '--server', s.url, '--token', pak, '--json',
                              '--sector', 'government', '--country', 'PAK', '--size', 'large', check=0).stdout)
    assert answer['n'] == 5 and answer['filter'] == {'country': 'PAK', 'sector': 'government', 'size': 'large'}
    payloads = [c.payload(aid) for aid in ids]
    own = {d['id']: d for d in payloads[0]['domains']}
    for d in answer['domains']:
        values = [x['index'] for doc in payloads for x in doc['domains'] if x['id'] == d['id']]
        if len(values) < 5:
            assert d['peers'] == {'suppressed': True}, d
            continue
        got = d['peers']['index']
        assert d['peers']['n'] == len(values)
        for key, q in (('p25', 0.25), ('median', 0.5), ('p75', 0.75)):
            assert abs(got[key] - percentile(values, q)) < EPS, (d['id'], key)
        assert abs(got['mean'] - sum(values) / len(values)) < EPS
        if d['own'] is not None:
            assert abs(d['own']['index'] - own[d['id']]['index']) < EPS

    p = c.run('benchmark', ids[0], '--server', s.url, '--token', pak, '--sector', 'finance', check=0)
    assert 'Not enough peers yet' in p.stdout
    p = c.run('benchmark', ids[0], '--server', s.url, '--token', pak, '--sector', 'retail', check=1)
    assert '400' in p.stderr and '“sector”' in p.stderr, p.stderr


@with_client_and_server
def test_countries_needs_an_analyst(c, s):
    pak = s.token('submitter', 'PAK')
    analyst = s.token('analyst')
    for i in range(5):
        c.sync(s, c.add(seed=20 + i), token=pak, check=0)
    p = c.run('countries', '--server', s.url, '--token', pak, check=1)
    assert '403' in p.stderr, p.stderr
    # These bodies answered 1.0.0; 2.0.0 (the server's newest) has no figures yet.
    p = c.run('countries', '--server', s.url, '--token', analyst, check=0)
    assert all(line.split()[1] == '<k' for line in p.stdout.splitlines()[1:]), p.stdout
    p = c.run('countries', '--version', '1.0.0', '--server', s.url, '--token', analyst, check=0)
    rows = {line.split()[0]: line.split()[1:] for line in p.stdout.splitlines()[1:]}
    assert len(rows) == 57 and rows['PAK'][0] == '5' and rows['SAU'] == ['<k'], p.stdout


@with_client_and_server
def test_payload_holds_exactly_the_design_fields(c, s):
    pak = s.token('submitter', 'PAK')
    aid = c.add(seed=30, org_name='Ministry of Very Secret Affairs')
    doc = c.payload(aid)
    assert set(doc) == PAYLOAD_KEYS, set(doc) ^ PAYLOAD_KEYS
    assert set(doc['framework']) == FRAMEWORK_KEYS
    assert doc['domains'] and all(set(d) == DOMAIN_KEYS for d in doc['domains'])
    assert doc['capabilities'] and all(set(x) == CAPABILITY_KEYS for x in doc['capabilities'])
    assert re.fullmatch(r'\d{4}-Q[1-4]', doc['period'])
    text = json.dumps(doc)
    for secret in ('Ministry', 'secret note', 'Assessor', 'Annual review', aid, '2026-11-02'):
        assert secret not in text, secret
    # What sync sends is that same payload: the server keeps it as sent.
    c.sync(s, aid, token=pak, check=0)
    con = sqlite3.connect(s.db)
    (sid,) = con.execute('SELECT id FROM submissions').fetchone()
    con.close()
    assert sid == doc['submission_id']


def test_tls_needs_a_trusted_certificate():
    if shutil.which('openssl') is None:
        print('# openssl is missing: TLS not tested')
        return
    home = tempfile.mkdtemp(prefix='mizan-sync-tls-')
    c = Client()
    s = None
    try:
        cert, key = os.path.join(home, 'cert.pem'), os.path.join(home, 'key.pem')
        subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key,
                        '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1',
                        '-addext', 'subjectAltName=IP:127.0.0.1'],
                       check=True, capture_output=True, timeout=60)
        asan = os.environ.get('ASAN_OPTIONS', '')
        no_leaks = {'ASAN_OPTIONS': (asan + ':' if asan else '') + 'detect_leaks=0'}
        c.env.update(no_leaks)  # see test-server.py's test_tls: GnuTLS under LeakSanitizer
        s = Server(home=home, extra=['--tls-cert', cert, '--tls-key', key], env=no_leaks)
        s.start()
        pak = s.token('submitter', 'PAK')
        aid = c.add(seed=40)
        # A certificate nobody vouches for is refused, and nothing is sent.
        p = c.sync(s, aid, token=pak, check=1)
        assert 'secure connection' in p.stderr, p.stderr
        # Not queued either: trying again would meet the same certificate.
        assert s.stored_ids() == set() and c.queue() == []
        p = c.run('sync', aid, '--server', s.url, '--token', pak, '--ca-file', cert, check=0)
        assert 'new submission' in p.stdout, p.stdout
        assert s.stored_ids() == {c.submission_id(aid)}
        p = c.run('sync', aid, '--server', s.url, '--token', pak, '--ca-file', c.path('none.pem'), check=1)
        assert 'certificate authority file' in p.stderr, p.stderr
    finally:
        try:
            if s is not None:
                s.close()
        finally:
            c.close()
            shutil.rmtree(home, ignore_errors=True)


def test_configuration_errors():
    c = Client()
    try:
        aid = c.add(seed=50)
        p = c.run('sync', aid, check=1)
        assert 'No benchmark server' in p.stderr, p.stderr
        p = c.run('sync', aid, '--server', 'http://192.0.2.1:8080', '--token', 'x' * 43, check=1)
        assert 'https://' in p.stderr, p.stderr
        p = c.run('sync', aid, '--server', 'https://bench.example.org', check=1)
        assert 'No token' in p.stderr, p.stderr
        p = c.run('sync', aid, '--server', 'https://bench.example.org', '--token', 'a b\r\nX: y', check=1)
        assert 'token' in p.stderr, p.stderr
        assert c.run('sync', aid, '--server', check=2).returncode == 2
        assert c.run('sync', '--withdraw', check=2).returncode == 2
        assert c.run('benchmark', check=2).returncode == 2
        assert c.run('benchmark', aid, '--colour', 'red', check=2).returncode == 2
        assert c.queue() == []
    finally:
        c.close()


if __name__ == '__main__':
    run_tests([(name, func) for name, func in list(globals().items())
               if name.startswith('test_') and callable(func) and (len(sys.argv) < 3 or name in sys.argv[2:])])
