#!/usr/bin/env python3
"""test-safety.py — what mizan-cli does to a user's data when things go wrong.

Damaged and newer databases are left byte for byte; backups restore; a full
disk or a read-only folder is a clear error with the last good state kept;
`kill -9` during an import never leaves half an assessment; hostile text is
stored as text. Each test runs the real binary on its own temporary folder."""
import glob
import hashlib
import json
import os
import random
import re
import resource
import select
import signal
import sqlite3
import stat
import subprocess
import time
import uuid

from clitest import CLI, Home, assessment_doc, builtin_model, practices, run_tests, write_json

SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def digest(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def files_state(db):
    """The database and its companions, byte for byte."""
    return {suffix: digest(db + suffix) for suffix in ('', '-wal', '-shm', '-journal')
            if os.path.exists(db + suffix)}


def one_line_error(proc):
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert len(lines) == 1, proc.stderr
    return lines[0]


def imported(h, doc, name='a.mizan', *extra):
    path = write_json(h.path(name), doc)
    return h.run('import', path, *extra, check=0).stdout.strip()


def sample(h, n=1):
    fw = builtin_model()
    ids = []
    for i in range(n):
        answers = {p['id']: ('fully', 'largely', 'partially', 'not', 'na')[j % 5]
                   for j, (_, _, p) in enumerate(practices(fw))}
        ids.append(imported(h, assessment_doc(fw, answers, notes={'GOV.1.1': 'note %d' % i}), 'a%d.mizan' % i))
    return ids


def exported(h, assessment_id):
    out = h.path('export-%s.json' % assessment_id[:8])
    h.run('export', assessment_id, '--format', 'json', '-o', out, check=0)
    with open(out, encoding='utf-8') as f:
        return json.load(f)


# Damaged and newer databases --------------------------------------------------

def assert_untouched(db, before):
    """The file byte for byte, and its -wal if it had one. SQLite may add an
    empty -wal and a -shm beside a WAL file it reads: they hold nothing."""
    after = files_state(db)
    assert after.get('') == before.get(''), 'the database file changed'
    if '-wal' in before:
        assert after.get('-wal') == before['-wal'], 'the -wal changed'
    else:
        assert not os.path.exists(db + '-wal') or os.path.getsize(db + '-wal') == 0, 'a -wal was written'


def refused_untouched(h, expect):
    before = files_state(h.db)
    for command in (['list'], ['score', 'anything'], ['import', h.path('a0.mizan')]):
        message = one_line_error(h.run(*command))
        assert h.db in message, message
        assert re.search(expect, message), message
        assert_untouched(h.db, before)
    return message


def test_newer_schema_left_untouched():
    h = Home()
    try:
        sample(h)
        con = sqlite3.connect(h.db)
        con.execute('PRAGMA user_version = 99')
        con.commit()
        con.close()
        message = refused_untouched(h, r'newer version of Mizan')
        # A backup exists (made when the database was last opened): offered.
        assert 'mizan-cli restore' in message, message
    finally:
        h.close()


def test_truncated_database_left_untouched():
    h = Home()
    try:
        sample(h, 3)
        h.run('list', check=0)   # folds the -wal into the file
        size = os.path.getsize(h.db)
        with open(h.db, 'r+b') as f:
            f.truncate(size // 2 // 4096 * 4096)
        refused_untouched(h, r'damaged.*cut off')
    finally:
        h.close()


def test_garbage_and_zeroed_databases():
    h = Home()
    try:
        sample(h)
        h.run('list', check=0)
        data = bytearray(open(h.db, 'rb').read())
        # Zeroed header: not a database any more.
        with open(h.db, 'wb') as f:
            f.write(b'\0' * 100 + data[100:])
        refused_untouched(h, r'not a Mizan database or is damaged')
        # Random bytes over every page but the first: the open may pass, a
        # read must fail cleanly, and nothing writes to the file.
        rng = random.Random(5)
        for page in range(1, len(data) // 4096):
            for k in range(16):
                data[page * 4096 + rng.randrange(4096)] = rng.randrange(256)
        with open(h.db, 'wb') as f:
            f.write(data)
        before = files_state(h.db)
        for command in (['list'], ['score', 'x']):
            proc = h.run(*command)
            assert proc.returncode in (0, 1), proc
            assert 'Traceback' not in proc.stderr and 'CRITICAL' not in proc.stderr, proc.stderr
        assert_untouched(h.db, before)
    finally:
        h.close()


# Backups and restore ------------------------------------------------------------

def test_restore_command():
    h = Home()
    try:
        backups = os.path.join(h.dir, 'backups')
        listing = h.run('restore', check=0).stdout
        assert 'No backups yet' in listing, listing
        first, = sample(h)
        # The backup of the day was taken when import opened the database:
        # before the import. Take today's again, with the assessment in it.
        for old in glob.glob(os.path.join(backups, '*')):
            os.unlink(old)
        h.run('list', check=0)
        daily = glob.glob(os.path.join(backups, 'mizan-????-??-??.db'))
        assert len(daily) == 1, daily
        assert stat.S_IMODE(os.stat(daily[0]).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(backups).st_mode) == 0o700

        second, = sample(h)
        listing = h.run('restore', check=0).stdout
        assert os.path.basename(daily[0]) in listing and 'daily' in listing, listing

        out = h.run('restore', os.path.basename(daily[0]), check=0).stdout
        assert 'kept as' in out, out
        ids = h.run('list', check=0).stdout
        assert first[:8] in ids and second[:8] not in ids, ids

        # The database as it was, the second assessment in it, is one restore away.
        aside = re.search(r'mizan-before-restore-[0-9T]+\.db', out).group(0)
        h.run('restore', aside, check=0)
        ids = h.run('list', check=0).stdout
        assert first[:8] in ids and second[:8] in ids, ids

        assert 'no backup' in one_line_error(h.run('restore', 'mizan-1999-01-01.db')).lower()
        # A bare name never reaches outside the backup folder.
        assert one_line_error(h.run('restore', '../mizan.db'))
        assert h.run('restore', 'a', 'b').returncode == 2
    finally:
        h.close()


def test_daily_backups_pruned():
    h = Home()
    try:
        sample(h)
        backups = os.path.join(h.dir, 'backups')
        today = glob.glob(os.path.join(backups, 'mizan-*.db'))[0]
        for day in range(1, 10):
            with open(today, 'rb') as src, open(os.path.join(backups, 'mizan-2020-01-%02d.db' % day), 'wb') as dst:
                dst.write(src.read())
        env = dict(h.env, MIZAN_BACKUP_KEEP='4')
        h.run('list', env=env, check=0)
        left = sorted(os.path.basename(p) for p in glob.glob(os.path.join(backups, 'mizan-*.db')))
        assert left == ['mizan-2020-01-07.db', 'mizan-2020-01-08.db', 'mizan-2020-01-09.db',
                        os.path.basename(today)], left
    finally:
        h.close()


# Full disk and read-only folder ---------------------------------------------------

def big_doc(fw, notes_size):
    answers = {p['id']: 'partially' for _, _, p in practices(fw)}
    notes = {p['id']: ('ملاحظة طويلة ' * 1000)[:notes_size] for _, _, p in practices(fw)}
    return assessment_doc(fw, answers, notes=notes)


def limited(bytes_):
    def apply():
        # A file-size limit is a full disk that root cannot ignore.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (bytes_, bytes_))
    return apply


def test_disk_full_keeps_last_good_state():
    h = Home()
    try:
        first, = sample(h)
        h.run('list', check=0)
        good = exported(h, first)
        path = write_json(h.path('big.mizan'), big_doc(builtin_model(), 4000))
        limit = os.path.getsize(h.db) + 64 * 1024
        proc = subprocess.run([CLI, '--db', h.db, 'import', path], capture_output=True, text=True,
                              env=h.env, timeout=60, preexec_fn=limited(limit))
        message = one_line_error(proc)
        assert h.db in message and ('disk is full' in message or 'disk reported an error' in message), message
        # The last good state: the first assessment whole, nothing of the big one.
        ids = h.run('list', check=0).stdout
        assert first[:8] in ids and len(ids.strip().splitlines()) == 2, ids
        assert exported(h, first) == good
        assert sqlite3.connect(h.db).execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
    finally:
        h.close()


def without_privileges(cmd):
    """cmd such that file modes bind it. Root ignores them (its capabilities
    override them), so as root cmd runs still as root but with no capability
    at all: as the owner of the test's files it is bound by their modes like
    any user, and it can still reach a build under /root (mode 0700), which
    another user could not."""
    if os.getuid() != 0:
        return cmd
    return ['setpriv', '--bounding-set=-all', '--inh-caps=-all', '--'] + cmd


def test_read_only_folder_keeps_last_good_state():
    h = Home()
    try:
        first, = sample(h)
        h.run('list', check=0)
        good = exported(h, first)
        before = files_state(h.db)
        path = write_json(h.path('second.mizan'), assessment_doc(builtin_model(), {'GOV.1.1': 'fully'}))
        os.chmod(h.path('second.mizan'), 0o644)
        for p in glob.glob(h.db + '*'):
            os.chmod(p, 0o444)
        os.chmod(h.dir, 0o555)
        try:
            env = dict(h.env, HOME=h.dir)
            proc = subprocess.run(without_privileges([CLI, '--db', h.db, 'import', path]),
                                  capture_output=True, text=True, env=env, timeout=60)
            message = one_line_error(proc)
            assert h.db in message, message
            assert re.search(r'allowed to write|read-only|readonly', message, re.I), message
        finally:
            os.chmod(h.dir, 0o700)
            for p in glob.glob(h.db + '*'):
                os.chmod(p, 0o600)
        assert_untouched(h.db, before)
        assert exported(h, first) == good
    finally:
        h.close()


# kill -9 during an import ---------------------------------------------------------

def generated_framework(n_practices):
    levels = 5
    per_capability = levels * 2
    n_capabilities = n_practices // per_capability
    domains = []
    for d in range(n_capabilities // 10):
        capabilities = []
        for c in range(10):
            cid = 'D%d.C%d' % (d, c)
            capabilities.append({'id': cid, 'title': 'Capability %s' % cid, 'practices': [
                {'id': '%s.P%d' % (cid, p), 'level': p % levels + 1, 'text': 'Practice %d' % p}
                for p in range(per_capability)]})
        domains.append({'id': 'D%d' % d, 'title': 'Domain %d' % d, 'capabilities': capabilities})
    return {'format': 'mizan-framework', 'format_version': 1, 'id': 'big', 'version': '1.0.0',
            'title': 'Generated', 'levels': [{'level': i + 1, 'name': 'L%d' % (i + 1)} for i in range(levels)],
            'default_target': 3, 'domains': domains}


def test_kill_during_import_never_half():
    h = Home()
    try:
        frameworks = h.path('frameworks')
        os.makedirs(frameworks)
        fw = generated_framework(10000)
        write_json(os.path.join(frameworks, 'big.json'), fw)
        env = dict(h.env, MIZAN_FRAMEWORKS_DIR=frameworks)
        n = sum(1 for _ in practices(fw))
        docs = []
        for i in range(2):
            doc = assessment_doc(fw, {p['id']: 'largely' for _, _, p in practices(fw)},
                                 notes={p['id']: 'n%d' % i for _, _, p in practices(fw)},
                                 assessment_id=str(uuid.uuid4()))
            docs.append(write_json(h.path('big%d.mizan' % i), doc))
        # How long one import takes, to kill at random points inside it.
        t0 = time.monotonic()
        subprocess.run([CLI, '--db', h.db, 'import', docs[0]], env=env, check=True, capture_output=True)
        span = time.monotonic() - t0
        rng = random.Random(7)
        kills = 0
        for round_ in range(16):
            # The first file again with --replace (old whole or new whole),
            # or the second (absent or whole).
            args = ['import', docs[0], '--replace'] if round_ % 2 == 0 else ['import', docs[1]]
            proc = subprocess.Popen([CLI, '--db', h.db] + args, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, span * 1.1))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
            con = sqlite3.connect(h.db)
            try:
                assert con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
                counts = dict(con.execute('SELECT assessment_id, count(*) FROM answers GROUP BY assessment_id'))
                stored = {row[0] for row in con.execute('SELECT id FROM assessments')}
            finally:
                con.close()
            for aid in stored:
                assert counts.get(aid) == n, 'assessment %s has %s of %d answers' % (aid, counts.get(aid), n)
            assert set(counts) <= stored, 'answers without their assessment'
            if round_ % 2 == 1 and len(stored) == 2:
                # Imported whole: the next try would be refused; start over.
                h.run('list', check=0)
                with open(docs[1], encoding='utf-8') as f:
                    second_id = json.load(f)['assessment']['id']
                con = sqlite3.connect(h.db)
                con.execute('PRAGMA foreign_keys = ON')
                con.execute('DELETE FROM assessments WHERE id = ?', (second_id,))
                con.commit()
                con.close()
        assert kills >= 4, 'only %d imports were killed mid-way (span %.3f s)' % (kills, span)
    finally:
        h.close()


def test_kill_while_answering_keeps_every_saved_edit():
    h = Home()
    try:
        aid, = sample(h)
        fw = builtin_model()
        pids = [p['id'] for _, _, p in practices(fw)][:12]
        rng = random.Random(11)
        saved_total = 0
        for round_ in range(12):
            proc = subprocess.Popen([os.environ['MIZAN_KILL_ANSWERER'], h.db, aid] + pids,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=h.env)
            # Once it is answering (a slow machine, a sanitizer build take
            # a while to start), at a random point.
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            first = proc.stdout.readline() if ready else ''
            time.sleep(rng.uniform(0.0, 0.3))
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate()
            out = first + out
            assert proc.returncode == -signal.SIGKILL, (proc.returncode, err)
            # What it said was saved, by practice: the last edit number shown.
            shown = {}
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 2:   # a line cut by the kill is not "shown"
                    shown[parts[1]] = int(parts[0])
            assert shown, 'no edit was saved before the kill: %s' % err
            saved_total += len(out.splitlines())
            con = sqlite3.connect(h.db)
            try:
                assert con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
                notes = dict(con.execute('SELECT practice_id, note FROM answers WHERE assessment_id = ?', (aid,)))
            finally:
                con.close()
            last = max(shown.values())
            for pid, n in shown.items():
                stored = int(notes[pid].split()[1])
                # The shown edit, or the one that was committing when the kill came.
                assert stored == n or (stored > last and stored == last + 1), (pid, n, stored, last)
        assert saved_total >= 12, saved_total
    finally:
        h.close()


# Hostile text ---------------------------------------------------------------------

HOSTILE = [
    "Robert'); DROP TABLE assessments;--",
    '"; DELETE FROM answers WHERE "1"="1',
    "' OR '1'='1",
    '%s%n%x %d \\0 \\x00',
    '<b>bold</b> &amp; <span foreground="red">red</span>',
    'وزارة الاتصالات — Ministère « test » 测试 🛡️',
    '\u202eevil right-to-left override\u202c',
]


def test_hostile_text_stored_as_text():
    h = Home()
    try:
        fw = builtin_model()
        pids = [p['id'] for _, _, p in practices(fw)][:len(HOSTILE) + 1]
        long_note = ('x\'"; DROP TABLE answers; -- ' * 20000)[:500000]
        notes = {pid: text for pid, text in zip(pids, HOSTILE + [long_note])}
        doc = assessment_doc(fw, {pid: 'largely' for pid in pids}, notes=notes,
                             org={'name': HOSTILE[0] + ' ' + HOSTILE[5], 'country': 'EGY',
                                  'sector': 'finance', 'size': 'small'})
        doc['assessment']['title'] = HOSTILE[1] + ' ' + HOSTILE[4]
        doc['assessment']['assessor'] = HOSTILE[2]
        for pid, text in zip(pids, HOSTILE):
            doc['answers'][pid]['evidence'] = '../../../../tmp/mizan-pwned-' + str(abs(hash(text)) % 1000)
        aid = imported(h, doc)
        back = exported(h, aid)
        assert back['organization']['name'] == doc['organization']['name']
        assert back['assessment']['title'] == doc['assessment']['title']
        assert back['assessment']['assessor'] == doc['assessment']['assessor']
        for pid in pids:
            assert back['answers'][pid].get('note') == notes[pid], pid
            assert back['answers'][pid].get('evidence') == doc['answers'][pid].get('evidence'), pid
        # Ids from the command line are looked up, never run.
        for text in HOSTILE[:3]:
            assert h.run('score', text).returncode == 1
        con = sqlite3.connect(h.db)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
        con.close()
        assert {'assessments', 'answers', 'organizations', 'targets'} <= tables, tables
        assert aid[:8] in h.run('list', check=0).stdout
        # Evidence is text: no path in it was read or written.
        assert not glob.glob('/tmp/mizan-pwned-*')
    finally:
        h.close()


def test_sql_is_never_built_from_text():
    """Every SQL statement in the C sources is a literal: values go through
    sqlite3_bind_*, never through printf into the statement."""
    offenders = []
    printf = re.compile(r'(g_strdup_printf|sqlite3_mprintf|g_string_append_printf|g_string_printf|snprintf)'
                        r'\s*\(\s*(?:[^,]*,\s*)?"([^"]*)"')
    sql = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH)\b', re.I)
    for path in glob.glob(os.path.join(SOURCE, 'app', '**', '*.c'), recursive=True):
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for match in printf.finditer(text):
            if sql.match(match.group(2)):
                line = text.count('\n', 0, match.start()) + 1
                offenders.append('%s:%d: %s' % (os.path.relpath(path, SOURCE), line, match.group(2)))
    # The one allowed: the schema version, a number of ours (PRAGMA takes no parameters).
    offenders = [o for o in offenders if 'PRAGMA user_version = %d' not in o]
    assert not offenders, '\n'.join(offenders)


run_tests([(name, func) for name, func in globals().items() if name.startswith('test_')])
