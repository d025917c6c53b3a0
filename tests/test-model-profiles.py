#!/usr/bin/env python3
"""test-model-profiles.py — oic-ccmm 2.0.0 measures what it claims to measure.

Three bodies are described as answer sets and scored by the real mizan-cli:
one with nothing in place, one with the basics in place across the body, and
a mature body that documents, measures and improves but may not share
anything outside itself. Their levels must come out about 0-1, 2 and >= 4 in
every capability that applies; the cooperation domain, whose topic is
sharing, is the one place the third body may stay lower. The profile
questions take the capabilities they name out of scope."""
import json
import os
import re

from clitest import FRAMEWORKS, Home, assessment_doc, load_framework, practices, run_tests, write_json

MODEL = os.path.join(FRAMEWORKS, 'oic-ccmm-2.0.0.json')

# What a body barred from sharing cannot do: the same wording the content
# check forbids outside the cooperation domain.
NEEDS_OUTSIDE = [
    r'\bpeers?\b', r'\bOIC\b', r'\binternational\b', r'\bother (government )?(bodies|organizations|agencies)\b',
    r'\bshar(e|es|ed|ing)\b[^.;]*\bwith\b[^.;]*\b(bodies|organizations|partners|community|communities|sector)\b',
]


def needs_outside(domain, practice):
    return domain['id'] == 'COP' or any(re.search(p, practice['text']['en']) for p in NEEDS_OUTSIDE)


def score(home, fw, answers, profile):
    doc = assessment_doc(fw, answers)
    doc['profile'] = profile
    path = write_json(home.path('a.mizan'), doc)
    aid = home.run('import', path, check=0).stdout.strip()
    return json.loads(home.run('score', aid, '--json', check=0).stdout)


def levels_of(result):
    return {c['id']: c['level'] for d in result['domains'] for c in d['capabilities']}


def all_profile(fw, value):
    return {q['id']: value for q in fw['profile']}


def check_profile(answer_of, profile_value, accept):
    fw = load_framework(MODEL)
    home = Home()
    try:
        answers = {p['id']: answer_of(d, p) for d, _, p in practices(fw)}
        levels = levels_of(score(home, fw, answers, all_profile(fw, profile_value)))
        wrong = []
        for d in fw['domains']:
            for c in d['capabilities']:
                level = levels[c['id']]
                if level is None:
                    continue
                if not accept(d, level):
                    wrong.append(f"{c['id']}={level}")
        applicable = [lv for lv in levels.values() if lv is not None]
        expected = sum(1 for d in fw['domains'] for c in d['capabilities']
                       if profile_value or 'applies_if' not in c)
        assert len(applicable) == expected, f'{len(applicable)} capabilities applied, not {expected}'
        assert not wrong, 'levels outside the expected range: ' + ', '.join(wrong)
    finally:
        home.close()


def test_nothing_in_place():
    # Nothing is done: every practice is "not". A positive level 1 keeps the
    # body at 0; none of the model's practices describes an absence to be
    # answered "fully".
    check_profile(lambda d, p: 'not', False, lambda d, level: level <= 1)


def test_basics_across_the_body():
    # Documented with owners, covering the body; started but not yet defined
    # and approved everywhere (level 3 partly), nothing measured or improved.
    def answer(d, p):
        return {1: 'fully', 2: 'fully', 3: 'partially'}.get(p['level'], 'not')
    check_profile(answer, False, lambda d, level: level == 2)


def test_mature_body_that_may_not_share():
    # Everything it can do alone, done; nothing that needs someone outside.
    def answer(d, p):
        return 'not' if needs_outside(d, p) else 'fully'
    check_profile(answer, True, lambda d, level: level >= 4 or d['id'] == 'COP')


def test_sharing_practices_only_in_cooperation():
    fw = load_framework(MODEL)
    outside = [p['id'] for d, _, p in practices(fw) if d['id'] != 'COP' and needs_outside(d, p)]
    assert not outside, 'practices outside COP that need someone outside the body: ' + ', '.join(outside)


def test_profile_takes_items_out_of_scope():
    fw = load_framework(MODEL)
    home = Home()
    try:
        answers = {p['id']: 'fully' for _, _, p in practices(fw)}
        gated = {c['id']: c['applies_if'] for d in fw['domains'] for c in d['capabilities'] if 'applies_if' in c}
        assert gated, 'no capability of 2.0.0 depends on a profile question'
        yes = levels_of(score(home, fw, answers, all_profile(fw, True)))
        no = levels_of(score(home, fw, answers, all_profile(fw, False)))
        for cid in gated:
            assert yes[cid] == 5, f'{cid} applies when the answer is yes, level {yes[cid]}'
            assert no[cid] is None, f'{cid} is still scored ({no[cid]}) when its question is answered no'
        others = [cid for cid in yes if cid not in gated]
        assert all(no[cid] == 5 for cid in others), 'a capability without applies_if changed with the profile'
    finally:
        home.close()


run_tests([
    ('a body with nothing in place is at level 0-1 everywhere', test_nothing_in_place),
    ('a body with the basics across it is at level 2 everywhere', test_basics_across_the_body),
    ('a mature body that may not share is at level 4 or more outside cooperation', test_mature_body_that_may_not_share),
    ('only the cooperation domain asks for sharing outside the body', test_sharing_practices_only_in_cooperation),
    ('a profile answer "no" takes the capabilities it names out of scope', test_profile_takes_items_out_of_scope),
])
