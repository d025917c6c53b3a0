#!/usr/bin/env python3
"""test-migrate.py — carrying a 1.0.0 assessment to 2.0.0 with mizan-cli migrate.

A fully answered 1.0.0 assessment, with a note on every practice, is carried
through 2.0.0's supersedes map; every answer that has a successor must arrive,
the original must stay as it was, --dry-run must store nothing, and bad
requests must be refused with a clear message. The .mizan profile is checked
on import and export here too."""
import json
import os
import random

from clitest import FRAMEWORKS, Home, assessment_doc, builtin_model, load_framework, practices, run_tests, write_json

NEW = os.path.join(FRAMEWORKS, 'oic-ccmm-2.0.0.json')
STATUSES = ['fully', 'largely', 'partially', 'not', 'na']


def full_old_assessment(home, seed=7):
    old = builtin_model()
    rng = random.Random(seed)
    answers = {p['id']: rng.choice(STATUSES) for _, _, p in practices(old)}
    notes = {pid: f'note of {pid}' for pid in answers}
    doc = assessment_doc(old, answers, targets={'GOV.1': 4, 'PRO.2': 2}, notes=notes)
    aid = home.run('import', write_json(home.path('old.mizan'), doc), check=0).stdout.strip()
    return old, doc, aid


def export(home, aid):
    path = home.path(f'{aid}.json')
    home.run('export', aid, '--format', 'json', '-o', path, check=0)
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def list_ids(home):
    lines = home.run('list', check=0).stdout.splitlines()[1:]
    return sorted(line.split()[0] for line in lines if line.strip())


def new_id_of(output):
    lines = output.splitlines()
    assert len(lines) == 1, 'migrate printed more than the new id on standard output:\n' + output
    return lines[0]


def test_dry_run_stores_nothing():
    home = Home()
    try:
        _, _, aid = full_old_assessment(home)
        before = list_ids(home)
        out = home.run('migrate', aid, '--to', '2.0.0', '--dry-run', check=0).stdout
        assert 'Dry run: nothing was stored.' in out, out
        assert 'answered practices carried' in out, out
        assert list_ids(home) == before, 'a dry run stored an assessment'
    finally:
        home.close()


def test_migrate_carries_every_answer_with_a_successor():
    home = Home()
    try:
        old, doc, aid = full_old_assessment(home)
        new_fw = load_framework(NEW)
        mapping = new_fw['supersedes']['map']
        original = export(home, aid)
        run = home.run('migrate', aid, '--to', '2.0.0', check=0)
        new_id = new_id_of(run.stdout)
        out = run.stderr
        assert new_id != aid
        carried = export(home, new_id)
        assert carried['framework'] == {'id': 'oic-ccmm', 'version': '2.0.0'}, carried['framework']
        assert carried['organization'] == original['organization']
        # The original is untouched.
        assert export(home, aid) == original, 'migrate changed the original assessment'

        incoming = {}
        for old_id, successors in mapping.items():
            for new in successors:
                incoming.setdefault(new, []).append(old_id)
        lost = []
        for old_id, successors in mapping.items():
            for new in successors:
                if new not in carried['answers']:
                    lost.append(f'{old_id}->{new}')
        assert not lost, 'answers lost: ' + ', '.join(lost)
        for new, olds in incoming.items():
            answer = carried['answers'][new]
            statuses = {doc['answers'][o]['status'] for o in olds}
            split = any(len(mapping[o]) > 1 for o in olds)
            if len(olds) == 1:
                assert answer['status'] == doc['answers'][olds[0]]['status'], (new, answer, olds)
                assert answer.get('note') == f'note of {olds[0]}', (new, answer)
            else:
                for o in olds:
                    assert f'{o}: note of {o}' in answer.get('note', ''), (new, answer)
            expect_confirm = split or len(statuses) > 1
            assert bool(answer.get('to_confirm')) == expect_confirm, (new, answer, olds)
        unanswered_new = [p['id'] for _, _, p in practices(new_fw) if p['id'] not in incoming]
        for pid in unanswered_new:
            assert pid not in carried['answers'], f'{pid} has no predecessor but got an answer'
        # Targets go where the capability id still exists.
        assert carried['targets'].get('GOV.1') == 4, carried['targets']
        assert 'PRO.2' not in carried['targets'], carried['targets']
        # The summary's figures agree with what was stored.
        assert f'{len(carried["answers"])} practices of 2.0.0 answered' in out, out
    finally:
        home.close()


def test_migrate_refuses_bad_requests():
    home = Home()
    try:
        _, _, aid = full_old_assessment(home)
        r = home.run('migrate', aid, '--to', '9.9.9', check=1)
        assert 'version 9.9.9 is not installed' in r.stderr, r.stderr
        r = home.run('migrate', aid, '--to', '1.0.0', check=1)
        assert 'already on' in r.stderr, r.stderr
        r = home.run('migrate', aid, check=2)
        assert '--to' in r.stderr, r.stderr
        r = home.run('migrate', 'no-such-assessment', '--to', '2.0.0', check=1)
        assert 'no assessment' in r.stderr, r.stderr
    finally:
        home.close()


def test_profile_round_trip_and_validation():
    home = Home()
    try:
        new_fw = load_framework(NEW)
        doc = assessment_doc(new_fw, {})
        doc['profile'] = {'runs_cert': False, 'uses_cloud_services': True}
        aid = home.run('import', write_json(home.path('p.mizan'), doc), check=0).stdout.strip()
        assert export(home, aid)['profile'] == {'runs_cert': False, 'uses_cloud_services': True}

        doc['assessment']['id'] = 'b2c0e2f4-7a61-4c0e-9d55-0e3f4c2b9a11'
        doc['profile'] = {'runs_kitchen': True, 'runs_cert': 'yes'}
        r = home.run('import', write_json(home.path('bad.mizan'), doc), check=1)
        problems = r.stdout + r.stderr
        assert 'profile["runs_kitchen"]: unknown profile question' in problems, problems
        assert 'profile["runs_cert"]: expected true or false' in problems, problems
        assert len(list_ids(home)) == 1, 'a refused import stored something'
    finally:
        home.close()


run_tests([
    ('migrate --dry-run prints the summary and stores nothing', test_dry_run_stores_nothing),
    ('migrate carries every answer that has a successor; the original is unchanged', test_migrate_carries_every_answer_with_a_successor),
    ('migrate refuses an unknown version, the same version and a missing --to', test_migrate_refuses_bad_requests),
    ('the .mizan profile is exported, imported and validated with its path', test_profile_round_trip_and_validation),
])
