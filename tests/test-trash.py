#!/usr/bin/env python3
"""test-trash.py — nothing lost by a slip: the Trash and the snapshots, through mizan-cli.

`delete` moves an assessment to the Trash, `untrash` brings it back whole,
what has been there 30 days goes when the database is next opened (the
clock is moved by setting the deletion time back), and a snapshot precedes
every step that removes or overwrites something. kill -9 during a delete, an
untrash or a restore never loses an assessment."""
import glob
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import time

from clitest import CLI, FRAMEWORKS, Home, assessment_doc, builtin_model, practices, run_tests, write_json

DAY = 24 * 60 * 60


def imported(h, n=1, fw=None, env=None):
    fw = fw or builtin_model()
    ids = []
    for i in range(n):
        answers = {p['id']: ('fully', 'largely', 'partially', 'not', 'na')[(j + i) % 5]
                   for j, (_, _, p) in enumerate(practices(fw))}
        doc = assessment_doc(fw, answers, notes={p['id']: 'note %d' % i for _, _, p in practices(fw)})
        path = write_json(h.path('a%d.mizan' % i), doc)
        ids.append(h.run('import', path, env=env, check=0).stdout.strip())
    return ids


def listed(h):
    return [line.split()[0] for line in h.run('list', check=0).stdout.splitlines()[1:] if line.strip()]


def trashed(h):
    lines = h.run('trash', check=0).stdout.splitlines()
    return [line.split()[0] for line in lines[1:-1]] if len(lines) > 1 else []


def exported(h, aid):
    out = h.path('export-%s.json' % aid[:8])
    h.run('export', aid, '--format', 'json', '-o', out, check=0)
    with open(out, encoding='utf-8') as f:
        return json.load(f)


def snapshots(h, operation):
    return sorted(glob.glob(os.path.join(h.dir, 'backups', 'mizan-snapshot-*-%s.db' % operation)))


def ids_in(path, where='1'):
    con = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
    try:
        return {row[0] for row in con.execute('SELECT id FROM assessments WHERE ' + where)}
    finally:
        con.close()


def set_deleted(h, aid, when):
    con = sqlite3.connect(h.db)
    con.execute('UPDATE assessments SET deleted = ? WHERE id = ?', (int(when), aid))
    con.commit()
    con.close()


def test_delete_moves_to_trash_and_untrash_restores_whole():
    h = Home()
    try:
        first, second = imported(h, 2)
        before = exported(h, first)
        out = h.run('delete', first[:8], check=0).stdout
        assert 'Trash' in out and 'untrash' in out, out
        assert listed(h) == [second], listed(h)
        assert trashed(h) == [first], h.run('trash').stdout
        assert '30 days' in h.run('trash', check=0).stdout
        # The snapshot holds the database as it was before the delete.
        snap, = snapshots(h, 'trash')
        assert first in ids_in(snap, 'deleted IS NULL')
        assert 'moved to the Trash' in h.run('restore', check=0).stdout

        # A trashed id is still taken: import refuses it without --replace.
        assert h.run('import', h.path('a0.mizan')).returncode == 1
        assert h.run('delete', first).returncode == 1, 'deleted twice'

        out = h.run('untrash', first[:8], check=0).stdout
        assert first in out, out
        assert sorted(listed(h)) == sorted([first, second])
        assert trashed(h) == []
        assert exported(h, first) == before, 'the assessment came back changed'

        assert h.run('untrash', first).returncode == 1, 'restored what is not in the Trash'
        assert h.run('untrash').returncode == 2
        assert h.run('delete').returncode == 2
        assert h.run('trash', 'extra').returncode == 2
        for command in ('delete', 'trash', 'untrash'):
            assert h.run(command, '--help', check=0).stdout.startswith('Usage: mizan-cli')
    finally:
        h.close()


def test_trash_removed_after_30_days():
    h = Home()
    try:
        old, recent, kept = imported(h, 3)
        h.run('delete', old, check=0)
        h.run('delete', recent, check=0)
        now = time.time()
        # The clock, injected: deleted 30 days and a minute ago, and 29 days ago.
        set_deleted(h, old, now - 30 * DAY - 60)
        set_deleted(h, recent, now - 29 * DAY)
        # Opening the database removes what is due, after a snapshot.
        assert listed(h) == [kept]
        assert trashed(h) == [recent]
        assert re.search(r'\b1 day\b', h.run('trash', check=0).stdout), h.run('trash').stdout
        assert old not in ids_in(h.db)
        snap, = snapshots(h, 'purge')
        assert old in ids_in(snap)
        # Nothing due: no more purge snapshots.
        h.run('list', check=0)
        assert len(snapshots(h, 'purge')) == 1

        # Restoring the snapshot brings the purged assessment back to the
        # Trash, with 30 days again, not to be purged at the next open.
        h.run('restore', os.path.basename(snap), check=0)
        assert sorted(trashed(h)) == sorted([old, recent])
        assert '30 days' in h.run('trash', check=0).stdout
        h.run('untrash', old, check=0)
        assert exported(h, old)['answers'], 'the purged assessment came back empty'
    finally:
        h.close()


def test_empty_trash_and_delete_for_good_take_snapshots():
    h = Home()
    try:
        a, b, c = imported(h, 3)
        h.run('delete', a, check=0)
        h.run('delete', b, check=0)
        out = h.run('trash', '--empty', check=0).stdout
        assert 'Removed 2 assessments' in out, out
        assert trashed(h) == [] and listed(h) == [c]
        snap, = snapshots(h, 'empty-trash')
        assert {a, b} <= ids_in(snap, 'deleted IS NOT NULL')
        assert 'Removed 0 assessments' in h.run('trash', '--empty', check=0).stdout
        assert len(snapshots(h, 'empty-trash')) == 1, 'a snapshot of nothing to remove'

        h.run('delete', c, '--for-good', check=0)
        assert listed(h) == [] and trashed(h) == []
        snap, = snapshots(h, 'delete')
        assert c in ids_in(snap)
    finally:
        h.close()


def test_replace_and_migrate_take_snapshots():
    h = Home()
    try:
        aid, = imported(h, 1)
        h.run('import', h.path('a0.mizan'), '--replace', check=0)
        snap, = snapshots(h, 'replace')
        assert aid in ids_in(snap)
        # A replace of an assessment in the Trash brings it back.
        h.run('delete', aid, check=0)
        h.run('import', h.path('a0.mizan'), '--replace', check=0)
        assert listed(h) == [aid] and trashed(h) == []

        assert not snapshots(h, 'migrate')
        h.run('migrate', aid, '--to', '2.0.0', '--dry-run', check=0)
        assert not snapshots(h, 'migrate'), 'a dry run took a snapshot'
        h.run('migrate', aid, '--to', '2.0.0', check=0)
        snap, = snapshots(h, 'migrate')
        assert ids_in(snap) == {aid}
        listing = h.run('restore', check=0).stdout
        for words in ('replaced an assessment', 'newer framework version', 'daily'):
            assert words in listing, listing
    finally:
        h.close()


def test_snapshots_pruned():
    h = Home()
    try:
        aid, = imported(h, 1)
        backups = os.path.join(h.dir, 'backups')
        daily = glob.glob(os.path.join(backups, 'mizan-????-??-??.db'))[0]
        data = open(daily, 'rb').read()
        # 12 old ones (a year ago) and 45 recent ones (an hour ago).
        for i in range(12):
            name = time.strftime('mizan-snapshot-%Y%m%dT%H%M%S', time.localtime(time.time() - 365 * DAY + i))
            open(os.path.join(backups, '%s.000-trash.db' % name), 'wb').write(data)
        for i in range(45):
            name = time.strftime('mizan-snapshot-%Y%m%dT%H%M%S', time.localtime(time.time() - 3600 + i))
            open(os.path.join(backups, '%s.000-delete.db' % name), 'wb').write(data)
        h.run('delete', aid, check=0)
        left = sorted(os.path.basename(p) for p in glob.glob(os.path.join(backups, 'mizan-snapshot-*.db')))
        # The newest 50, all within 30 days: the year-old ones went.
        assert len(left) == 46, left
        assert not [n for n in left if n.endswith('-trash.db') and n not in [os.path.basename(p) for p in snapshots(h, 'trash')[-1:]]], left
        assert os.path.exists(daily), 'a daily backup was pruned with the snapshots'
    finally:
        h.close()


# kill -9 ---------------------------------------------------------------------------

def generated_framework(n_capabilities):
    levels = 5
    domains = []
    for d in range(n_capabilities // 10):
        capabilities = [{'id': 'D%d.C%d' % (d, c), 'title': 'C', 'practices': [
            {'id': 'D%d.C%d.P%d' % (d, c, p), 'level': p % levels + 1, 'text': 'Practice %d' % p}
            for p in range(levels * 2)]} for c in range(10)]
        domains.append({'id': 'D%d' % d, 'title': 'Domain %d' % d, 'capabilities': capabilities})
    return {'format': 'mizan-framework', 'format_version': 1, 'id': 'big', 'version': '1.0.0',
            'title': 'Generated', 'levels': [{'level': i + 1, 'name': 'L%d' % (i + 1)} for i in range(levels)],
            'default_target': 3, 'domains': domains}


def state(db):
    """Every assessment with its answer count, in the list or in the Trash."""
    con = sqlite3.connect(db)
    try:
        assert con.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
        return dict(con.execute('SELECT a.id, (SELECT count(*) FROM answers WHERE assessment_id = a.id)'
                                ' FROM assessments AS a'))
    finally:
        con.close()


def killed(h, env, args, span, rng):
    proc = subprocess.Popen([CLI, '--db', h.db] + args, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.0, span * 1.1))
    hit = proc.poll() is None
    if hit:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    return hit


def test_kill_during_delete_and_restore_loses_nothing():
    h = Home()
    try:
        frameworks = h.path('frameworks')
        os.makedirs(frameworks)
        fw = generated_framework(600)
        write_json(os.path.join(frameworks, 'big.json'), fw)
        env = dict(h.env, MIZAN_FRAMEWORKS_DIR=frameworks)
        ids = imported(h, 3, fw, env)
        n = sum(1 for _ in practices(fw))
        whole = {aid: n for aid in ids}
        t0 = time.monotonic()
        h.run('delete', ids[0], env=env, check=0)
        h.run('untrash', ids[0], env=env, check=0)
        # The database with the three whole and none in the Trash.
        backup = snapshots(h, 'trash')[0]
        span = (time.monotonic() - t0) / 2
        rng = random.Random(3)
        kills = 0
        for round_ in range(24):
            aid = ids[round_ % 3]
            in_trash = aid in trashed(h)
            kills += killed(h, env, ['untrash' if in_trash else 'delete', aid], span, rng)
            # Every assessment whole, in the list or in the Trash.
            assert state(h.db) == whole, state(h.db)
            assert sorted(listed(h) + trashed(h)) == sorted(ids)
        assert kills >= 4, 'only %d deletes were killed mid-way (span %.3f s)' % (kills, span)

        # A restore: afterwards either the database as it was, or the backup
        # in its place with the database as it was kept aside. Never neither.
        con = sqlite3.connect(h.db)
        con.execute('DELETE FROM answers WHERE assessment_id = ?', (ids[2],))
        con.commit()
        con.close()
        current = state(h.db)
        t0 = time.monotonic()
        h.run('restore', backup, env=env, check=0)
        span = time.monotonic() - t0
        h.run('restore', sorted(glob.glob(os.path.join(h.dir, 'backups', 'mizan-before-restore-*.db')))[-1],
              env=env, check=0)
        assert state(h.db) == current
        kills = 0
        for round_ in range(16):
            asides = set(glob.glob(os.path.join(h.dir, 'backups', 'mizan-before-restore-*.db')))
            kills += killed(h, env, ['restore', backup], span, rng)
            h.run('list', env=env, check=0)   # the open finishes a restore cut off
            got = state(h.db)
            assert got in (current, whole), got
            if got == whole:
                new, = set(glob.glob(os.path.join(h.dir, 'backups', 'mizan-before-restore-*.db'))) - asides
                assert state(new) == current, 'the database as it was is lost'
                h.run('restore', new, env=env, check=0)
                assert state(h.db) == current
            assert not os.path.exists(h.db + '.restoring-aside')
        assert kills >= 4, 'only %d restores were killed mid-way (span %.3f s)' % (kills, span)
    finally:
        h.close()


run_tests([(name, func) for name, func in globals().items() if name.startswith('test_')])
