#!/usr/bin/env python3
"""test-cli.py — mizan-cli as a user drives it: every command, exit codes, bad input.

Each test runs the real binary on its own temporary database."""
import csv
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import uuid

from clitest import (DATA, FRAMEWORKS, Home, assessment_doc, builtin_model,
                     load_framework, practices, run_tests, write_json)


def db_snapshot(path):
    """Every row of every table, to prove a failed command changed nothing."""
    if not os.path.exists(path):
        return None
    con = sqlite3.connect(path)
    try:
        return '\n'.join(con.iterdump())
    finally:
        con.close()


def some_answers(fw, statuses=('fully', 'largely', 'partially', 'not', 'na', None)):
    return {p['id']: statuses[i % len(statuses)] for i, (_, _, p) in enumerate(practices(fw))}


def test_usage_errors():
    h = Home()
    try:
        assert h.run(db=False).returncode == 2
        assert h.run('no-such-command').returncode == 2
        assert h.run('score').returncode == 2
        assert h.run('--bogus', 'list', db=False).returncode == 2
        assert h.run('export', 'x', '--format', 'doc', '-o', h.path('x')).returncode == 2
        p = h.run('--help', db=False, check=0)
        for command in ('frameworks', 'validate', 'import', 'export', 'list', 'score', 'submission', 'migrate'):
            assert command in p.stdout, command
        # Every command answers --help with its usage and exit 0, touching nothing.
        commands = [line.split()[0] for line in p.stdout.split('Commands:')[1].split('Exit status')[0].splitlines()
                    if line.strip()]
        assert len(commands) >= 12, commands
        for command in commands:
            r = h.run(command, '--help', check=0)
            assert r.stdout.startswith(f'Usage: mizan-cli [--db PATH] {command}'), (command, r.stdout)
        assert not os.path.exists(h.db), '--help opened the database'
    finally:
        h.close()


def test_frameworks_lists_builtin():
    h = Home()
    try:
        p = h.run('frameworks', check=0)
        line = next(l for l in p.stdout.splitlines() if l.startswith('oic-ccmm'))
        fields = line.split()
        assert fields[1] == '1.0.0'
        assert int(fields[2]) >= 10 and int(fields[3]) >= 30 and int(fields[4]) >= 200, line
    finally:
        h.close()


def counts(fw):
    caps = [c for d in fw['domains'] for c in d['capabilities']]
    return [len(fw['domains']), len(caps), sum(len(c['practices']) for c in caps)]


def test_frameworks_lists_every_version():
    """A second version of one id, installed by the user, is listed beside the first with its own counts."""
    h = Home()
    try:
        fw = builtin_model()
        newer = json.loads(json.dumps(fw))
        newer['version'] = '9.9.9'
        dropped = newer['domains'].pop()
        newer['profile'] = [{'id': 'runs_cert', 'text': 'Does the body run a CERT?'}]
        newer['domains'][0]['capabilities'][0]['applies_if'] = 'runs_cert'
        newer['supersedes'] = {'version': fw['version'],
                               'map': {p['id']: ([] if d['id'] == dropped['id'] else [p['id']]) for d, _, p in practices(fw)}}
        user_dir = os.path.join(h.dir, 'data', 'mizan', 'frameworks')
        os.makedirs(user_dir)
        write_json(os.path.join(user_dir, 'oic-ccmm-9.json'), newer)

        expected = {'9.9.9': counts(newer)}
        for name in os.listdir(FRAMEWORKS):
            doc = load_framework(os.path.join(FRAMEWORKS, name))
            if doc['id'] == fw['id']:
                expected[doc['version']] = counts(doc)

        p = h.run('frameworks', check=0)
        assert 'warning' not in p.stderr, p.stderr
        rows = [l.split() for l in p.stdout.splitlines() if l.startswith('oic-ccmm ')]
        # One row per version, oldest first, each with its own counts.
        assert [r[1] for r in rows] == sorted(expected, key=lambda v: [int(x) for x in v.split('.')]), p.stdout
        assert {r[1]: [int(x) for x in r[2:5]] for r in rows} == expected, p.stdout
        assert counts(newer) != counts(fw)
    finally:
        h.close()


def test_validate_user_framework_new_rules():
    """validate names, by path, an identifier the cited standard lacks and a question the profile lacks."""
    h = Home()
    try:
        fw = builtin_model()
        practice = fw['domains'][2]['capabilities'][0]['practices'][3]
        practice['references'] = {'nist-csf-2.0': ['GV.OC-01', 'GV.XX-99'], 'cis-v8': ['1.1']}
        fw['domains'][1]['capabilities'][0]['applies_if'] = 'runs_soc'
        path = write_json(h.path('mine.json'), fw)
        p = h.run('validate', path, check=1)
        assert p.stdout.splitlines() == [
            f'{path}: domains[1].capabilities[0].applies_if: "runs_soc" names no question: '
            'this framework has no "profile"',
            f'{path}: domains[2].capabilities[0].practices[3].references["nist-csf-2.0"][1]: '
            'NIST CSF 2.0 has no identifier "GV.XX-99"',
        ], p.stdout
        assert '2 problems' in p.stderr, p.stderr
    finally:
        h.close()


def test_validate_builtin_model():
    h = Home()
    try:
        path = os.path.join(FRAMEWORKS, 'oic-ccmm.json')
        p = h.run('validate', path, check=0)
        m = re.search(r'(\d+) levels, (\d+) domains, (\d+) capabilities, (\d+) practices; '
                      r'text complete in (.*)$', p.stdout.strip())
        assert m, p.stdout
        assert int(m.group(1)) == 5
        assert int(m.group(2)) >= 10 and int(m.group(3)) >= 30 and int(m.group(4)) >= 200
        assert m.group(5).split(', ') == ['ar', 'en', 'fr'], m.group(5)
    finally:
        h.close()


def test_validate_five_faults():
    h = Home()
    try:
        path = os.path.join(DATA, 'frameworks', 'five-faults.json')
        p = h.run('validate', path, check=1)
        lines = p.stdout.splitlines()
        assert len(lines) == 5, lines
        paths = set()
        for line in lines:
            assert line.startswith(path + ': '), line
            place = line[len(path) + 2:].split(': ', 1)[0]
            assert place, line
            paths.add(place)
        assert len(paths) == 5, paths
        assert len(p.stderr.strip().splitlines()) == 1 and '5 problems' in p.stderr, p.stderr
    finally:
        h.close()


def test_validate_syntax_error():
    h = Home()
    try:
        path = write_json(h.path('broken.json'), {})
        with open(path, 'w') as f:
            f.write('{\n  "format": "mizan-framework",\n  "id": oops\n}\n')
        p = h.run('validate', path, check=1)
        assert p.stdout.startswith(f'{path}:3:'), p.stdout
    finally:
        h.close()


def test_validate_missing_file():
    h = Home()
    try:
        p = h.run('validate', h.path('nope.json'), check=1)
        assert 'nope.json' in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr
    finally:
        h.close()


def test_import_list_score():
    h = Home()
    try:
        fw = builtin_model()
        doc = assessment_doc(fw, some_answers(fw))
        path = write_json(h.path('a.mizan'), doc)
        p = h.run('import', path, check=0)
        assert p.stdout.strip() == doc['assessment']['id']
        assert os.stat(h.db).st_mode & 0o777 == 0o600
        listing = h.run('list', check=0).stdout
        assert doc['assessment']['id'] in listing and 'Ministry of Test' in listing
        answered = sum(1 for s in doc['answers'].values() if s['status'] is not None)
        total = sum(1 for _ in practices(fw))
        assert f'{100 * answered / total:.0f}%' in listing, listing
        result = json.loads(h.run('score', doc['assessment']['id'], '--json', check=0).stdout)
        assert result['assessment'] == doc['assessment']['id']
        assert len(result['domains']) == len(fw['domains'])
        # a unique prefix is enough
        short = h.run('score', doc['assessment']['id'][:8], check=0).stdout
        assert 'Maturity index' in short
    finally:
        h.close()


def test_import_unknown_practice_changes_nothing():
    h = Home()
    try:
        fw = builtin_model()
        first = assessment_doc(fw, some_answers(fw))
        h.run('import', write_json(h.path('first.mizan'), first), check=0)
        before = db_snapshot(h.db)
        bad = assessment_doc(fw, some_answers(fw))
        bad['answers']['GOV.9.9'] = {'status': 'fully'}
        p = h.run('import', write_json(h.path('bad.mizan'), bad), check=1)
        assert 'GOV.9.9' in p.stdout + p.stderr, (p.stdout, p.stderr)
        assert db_snapshot(h.db) == before
        assert bad['assessment']['id'] not in h.run('list', check=0).stdout
    finally:
        h.close()


def test_import_bad_values_all_reported():
    h = Home()
    try:
        fw = builtin_model()
        doc = assessment_doc(fw, {'GOV.1.1': 'sometimes', 'GOV.1.2': 'fully'},
                             org={'name': 'X', 'country': 'ZZZ', 'sector': 'government', 'size': 'huge'})
        doc['targets'] = {'GOV.1': 9}
        path = write_json(h.path('bad.mizan'), doc)
        p = h.run('import', path, check=1)
        out = p.stdout
        for place in ('answers["GOV.1.1"].status', 'organization.country', 'organization.size',
                      'targets["GOV.1"]'):
            assert f'{path}: {place}: ' in out, (place, out)
        assert not os.path.exists(h.db) or 'X' not in h.run('list', check=0).stdout
    finally:
        h.close()


def test_import_existing_needs_replace_or_copy():
    h = Home()
    try:
        fw = builtin_model()
        doc = assessment_doc(fw, {'GOV.1.1': 'fully'})
        path = write_json(h.path('a.mizan'), doc)
        aid = h.run('import', path, check=0).stdout.strip()
        p = h.run('import', path, check=1)
        assert '--replace' in p.stderr and '--copy' in p.stderr
        doc['answers'] = {'GOV.1.2': {'status': 'not'}}
        write_json(path, doc)
        assert h.run('import', path, '--replace', check=0).stdout.strip() == aid
        exported = json.loads(h.run('export', aid, '--format', 'json', '-o', '-', check=0).stdout)
        assert set(exported['answers']) == {'GOV.1.2'}, exported['answers']
        copy_id = h.run('import', path, '--copy', check=0).stdout.strip()
        assert copy_id != aid and uuid.UUID(copy_id)
        assert h.run('import', path, '--copy', '--replace').returncode == 2
    finally:
        h.close()


def test_export_import_round_trip():
    h = Home()
    other = Home()
    try:
        fw = builtin_model()
        notes = {'GOV.1.1': 'Strategy approved by the minister, ref. 12/2026', 'PRO.1.2': 'قيد المراجعة'}
        doc = assessment_doc(fw, some_answers(fw), targets={'GOV.1': 4, 'PRO.2': 2}, notes=notes)
        aid = h.run('import', write_json(h.path('a.mizan'), doc), check=0).stdout.strip()
        out = h.path('out.mizan')
        h.run('export', aid, '--format', 'json', '-o', out, check=0)
        other.run('import', out, check=0)
        again = other.path('again.mizan')
        other.run('export', aid, '--format', 'json', '-o', again, check=0)
        a = json.load(open(out, encoding='utf-8'))
        b = json.load(open(again, encoding='utf-8'))
        assert a == b
        assert a['targets'] == {'GOV.1': 4, 'PRO.2': 2}
        assert a['answers']['PRO.1.2']['note'] == 'قيد المراجعة'
        # unanswered practices without a note are not stored, so not exported
        assert {k: v['status'] for k, v in a['answers'].items()} == \
            {k: v['status'] for k, v in doc['answers'].items() if v['status'] is not None or 'note' in v}
        score_a = h.run('score', aid, '--json', check=0).stdout
        score_b = other.run('score', aid, '--json', check=0).stdout
        assert score_a == score_b
    finally:
        h.close()
        other.close()


def test_export_csv():
    h = Home()
    try:
        fw = builtin_model()
        notes = {'GOV.1.1': '=HYPERLINK("http://x")', 'GOV.1.2': 'line one\nline "two", three'}
        doc = assessment_doc(fw, some_answers(fw), notes=notes)
        aid = h.run('import', write_json(h.path('a.mizan'), doc), check=0).stdout.strip()
        out = h.path('a.csv')
        h.run('export', aid, '--format', 'csv', '-o', out, check=0)
        rows = list(csv.DictReader(open(out, encoding='utf-8', newline='')))
        assert len(rows) == sum(1 for _ in practices(fw))
        by_id = {r['practice']: r for r in rows}
        assert by_id['GOV.1.1']['note'] == "'" + notes['GOV.1.1']
        assert by_id['GOV.1.2']['note'] == notes['GOV.1.2']
        score = json.loads(h.run('score', aid, '--json', check=0).stdout)
        cap = score['domains'][0]['capabilities'][0]
        row = next(r for r in rows if r['capability'] == cap['id'])
        if cap['score'] is not None:
            assert float(row['capability_score']) == cap['score']
    finally:
        h.close()



def test_export_unwritable_destination():
    h = Home()
    try:
        fw = builtin_model()
        aid = h.run('import', write_json(h.path('a.mizan'), assessment_doc(fw, {})), check=0).stdout.strip()
        dest = h.path('missing-dir/out.mizan')
        p = h.run('export', aid, '--format', 'json', '-o', dest, check=1)
        assert 'out.mizan' in p.stderr and len(p.stderr.strip().splitlines()) == 1
        assert not os.path.exists(os.path.dirname(dest))
    finally:
        h.close()


def caps_of(fw):
    return [c for d in fw['domains'] for c in d['capabilities']]


def test_score_provisional_marks_and_priority_order():
    """DESIGN.md "Provisional results": marks in score --json, assessed priorities first."""
    h = Home()
    try:
        fw = builtin_model()
        caps = caps_of(fw)
        target = fw['default_target']
        assessed, complete, partly = caps[0], caps[1], caps[2]
        answers = {}
        # assessed: every practice answered, level 2 not met → a priority whose level is final
        answers.update({p['id']: ('not' if p['level'] == 2 else 'fully') for p in assessed['practices']})
        # complete up to its target: no gap, final
        answers.update({p['id']: 'fully' for p in complete['practices'] if p['level'] <= target})
        # one practice at level 1 left: provisional with 1 not assessed
        left = [p for p in partly['practices'] if p['level'] == 1][0]
        answers.update({p['id']: 'fully' for p in partly['practices'] if p is not left})
        doc = assessment_doc(fw, answers)
        aid = h.run('import', write_json(h.path('a.mizan'), doc), check=0).stdout.strip()
        got = json.loads(h.run('score', aid, '--json', check=0).stdout)
        marks = {c['id']: c for d in got['domains'] for c in d['capabilities']}
        for c in marks.values():
            assert isinstance(c['provisional'], bool), c
        assert marks[assessed['id']]['provisional'] is False
        assert marks[complete['id']]['provisional'] is False
        assert marks[partly['id']]['provisional'] is True
        assert marks[partly['id']]['not_assessed'] == 1
        untouched = caps[3]
        assert marks[untouched['id']]['provisional'] is True
        assert marks[untouched['id']]['not_assessed'] == sum(1 for p in untouched['practices']
                                                             if p['level'] <= target)
        assert got['overall']['provisional'] is True
        assert got['domains'][0]['provisional'] is True
        # the one assessed capability with a gap leads; every other priority is provisional
        order = [(p['capability'], p['provisional']) for p in got['priorities']]
        assert order[0] == (assessed['id'], False), order[:3]
        assert all(flag for _, flag in order[1:]), order
        # the provisional keep the priority order among themselves
        rest = got['priorities'][1:]
        keys = [(-p['priority'], [c['id'] for c in caps].index(p['capability'])) for p in rest]
        assert keys == sorted(keys)
        # the figures themselves are the plain scoring rules: an unanswered practice holds level 1
        assert marks[partly['id']]['level'] == 0
        text = h.run('score', aid, check=0).stdout
        assert 'Provisional:' in text and '(provisional)' in text, text
        assert 'Not yet assessed (provisional):' in text, text
        assert re.search(re.escape(partly['id']) + r'\s+level 0 · provisional — 1 practice not assessed', text), text
        # answered to the end, nothing is provisional
        done = {p['id']: answers.get(p['id'], 'na') for _, _, p in practices(fw)}
        done_doc = assessment_doc(fw, done, assessment_id=doc['assessment']['id'])
        h.run('import', write_json(h.path('b.mizan'), done_doc), '--replace', check=0)
        got = json.loads(h.run('score', aid, '--json', check=0).stdout)
        assert got['overall']['provisional'] is False
        assert not any(p['provisional'] for p in got['priorities'])
        assert 'provisional' not in h.run('score', aid, check=0).stdout
    finally:
        h.close()


def test_sync_incomplete_refused_submission_warns():
    h = Home()
    try:
        fw = builtin_model()
        ids = [p['id'] for _, _, p in practices(fw)]
        # three practices left unanswered; na counts as an answer
        answers = {pid: ('na' if i % 5 == 0 else 'fully') for i, pid in enumerate(ids[3:])}
        aid = h.run('import', write_json(h.path('a.mizan'), assessment_doc(fw, answers)), check=0).stdout.strip()
        before = db_snapshot(h.db)
        # a server that would never answer: the refusal comes before any network
        p = h.run('sync', aid, '--server', 'http://127.0.0.1:9', '--token', 'x' * 32, check=1)
        assert p.stdout == '', p.stdout
        assert '3 practices are not answered yet' in p.stderr, p.stderr
        assert len(p.stderr.strip().splitlines()) == 1, p.stderr
        assert db_snapshot(h.db) == before, 'a refused sync queued or stored something'
        # submission still shows the payload, and warns
        p = h.run('submission', aid, check=0)
        assert json.loads(p.stdout)['schema'].startswith('mizan-submission/')
        assert 'warning' in p.stderr and '3 practices are not answered yet' in p.stderr, p.stderr
        # complete: no warning
        answers.update({pid: 'not' for pid in ids[:3]})
        h.run('import', write_json(h.path('b.mizan'), assessment_doc(fw, answers, assessment_id=aid)),
              '--replace', check=0)
        p = h.run('submission', aid, check=0)
        assert p.stderr == '', p.stderr
    finally:
        h.close()


def test_sync_out_of_scope_counts_as_answered():
    """Practices out of scope by the organization's profile count as na for sharing."""
    h = Home()
    try:
        fw = load_framework(os.path.join(FRAMEWORKS, 'oic-ccmm-2.0.0.json'))
        scoped = [c for c in caps_of(fw) if c.get('applies_if')]
        out = {p['id'] for c in scoped for p in c['practices']}
        answers = {p['id']: 'fully' for _, _, p in practices(fw) if p['id'] not in out}
        doc = assessment_doc(fw, answers)
        doc['profile'] = {q['id']: True for q in fw['profile']}
        aid = h.run('import', write_json(h.path('a.mizan'), doc), check=0).stdout.strip()
        p = h.run('sync', aid, '--server', 'http://127.0.0.1:9', '--token', 'x' * 32, check=1)
        assert f'{len(out)} practices are not answered yet' in p.stderr, p.stderr
        # "no" to every question: those practices are out of scope, nothing is left
        doc['profile'] = {q['id']: False for q in fw['profile']}
        h.run('import', write_json(h.path('b.mizan'), doc), '--replace', check=0)
        p = h.run('submission', aid, check=0)
        assert 'not answered' not in p.stderr, p.stderr
        p = h.run('sync', aid, '--server', 'http://127.0.0.1:9', '--token', 'x' * 32)
        assert 'not answered' not in p.stderr, p.stderr
    finally:
        h.close()


ALLOWED_TOP = {'schema', 'submission_id', 'framework', 'country', 'sector', 'size', 'period',
               'domains', 'capabilities'}


def test_submission_only_allowed_fields():
    h = Home()
    try:
        fw = builtin_model()
        notes = {'GOV.1.1': 'SECRET-NOTE-7731'}
        doc = assessment_doc(fw, some_answers(fw), notes=notes,
                             org={'name': 'Ministry UNIQUE-ORG-5521', 'country': 'PAK',
                                  'sector': 'finance', 'size': 'medium'})
        doc['assessment']['title'] = 'TITLE-8812'
        doc['assessment']['assessor'] = 'ASSESSOR-9934'
        aid = h.run('import', write_json(h.path('a.mizan'), doc), check=0).stdout.strip()
        text = h.run('submission', aid, check=0).stdout
        payload = json.loads(text)
        assert set(payload) == ALLOWED_TOP, set(payload) ^ ALLOWED_TOP
        assert set(payload['framework']) == {'id', 'version'}
        assert payload['schema'] == 'mizan-submission/1'
        assert (payload['country'], payload['sector'], payload['size'], payload['period']) == \
            ('PAK', 'finance', 'medium', '2026-Q4')
        for d in payload['domains']:
            assert set(d) == {'id', 'level', 'index', 'score'}, d
        for c in payload['capabilities']:
            assert set(c) == {'id', 'level', 'score'}, c
        for secret in ('SECRET-NOTE-7731', 'UNIQUE-ORG-5521', 'TITLE-8812', 'ASSESSOR-9934', aid,
                       '2026-11-02', '2026-10-01'):
            assert secret not in text, secret
        assert payload['submission_id'] != aid and uuid.UUID(payload['submission_id']).version == 4
        # the same id every time, so that re-sending replaces
        assert json.loads(h.run('submission', aid, check=0).stdout)['submission_id'] == payload['submission_id']
    finally:
        h.close()


def test_newer_database_refused_untouched():
    h = Home()
    try:
        con = sqlite3.connect(h.db)
        con.execute('PRAGMA user_version = 99')
        con.execute('CREATE TABLE future (x)')
        con.commit()
        con.close()
        digest = hashlib.sha256(open(h.db, 'rb').read()).hexdigest()
        p = h.run('list', check=1)
        assert 'newer' in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr
        assert hashlib.sha256(open(h.db, 'rb').read()).hexdigest() == digest
    finally:
        h.close()


def test_missing_framework_is_named():
    h = Home()
    try:
        fw = builtin_model()
        extra = os.path.join(h.dir, 'fw')
        os.makedirs(extra)
        # A version that ships nowhere (1.0.0 and 2.0.0 both do).
        fw2 = dict(fw, version='9.0.0')
        write_json(os.path.join(extra, 'oic-ccmm-9.json'), fw2)
        env = dict(h.env, MIZAN_FRAMEWORKS_DIR=extra)
        aid = h.run('import', write_json(h.path('a.mizan'), assessment_doc(fw2, {})), env=env, check=0).stdout.strip()
        p = h.run('score', aid, check=1)  # only the built-in versions are installed now
        assert 'oic-ccmm' in p.stderr and '9.0.0' in p.stderr and 'not installed' in p.stderr, p.stderr
    finally:
        h.close()


def test_unknown_assessment():
    h = Home()
    try:
        p = h.run('score', '00000000-0000-4000-8000-000000000000', check=1)
        assert 'no assessment' in p.stderr
    finally:
        h.close()


run_tests([(name, func) for name, func in globals().items() if name.startswith('test_')])
