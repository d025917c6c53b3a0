#!/usr/bin/env python3
"""test-scoring-oracle.py — mizan-cli's scores against an independent computation.

DESIGN.md's scoring rules (and its "Provisional results" marks and priority
order) are written again here in Python, from the text and not from the C code; random and hand-built answer sets are imported through
the real CLI and every number of `score --json` is compared with this oracle."""
import json
import math
import os
import random
import shutil

from clitest import DATA, FRAMEWORKS, Home, assessment_doc, builtin_model, load_framework, run_tests, write_json

CREDIT = {'fully': 1.0, 'largely': 2.0 / 3.0, 'partially': 1.0 / 3.0, 'not': 0.0, None: 0.0}
STATUSES = ['fully', 'largely', 'partially', 'not', 'na', None]


def wavg(pairs):
    total = sum(w for w, _ in pairs)
    return sum(w * v for w, v in pairs) / total


def oracle(fw, answers, targets):
    n_levels = len(fw['levels'])
    out_domains = []
    all_caps = []
    answered_all = total_all = 0
    for d in fw['domains']:
        dw = d.get('weight', 1.0)
        caps = []
        for c in d['capabilities']:
            cw = c.get('weight', 1.0)
            ps = c['practices']
            status = {p['id']: answers.get(p['id']) for p in ps}
            answered = sum(1 for p in ps if status[p['id']] is not None)
            answered_all += answered
            total_all += len(ps)
            target = targets.get(c['id'], fw['default_target'])
            applicable = [p for p in ps if status[p['id']] != 'na']
            cap = {'id': c['id'], 'completion': answered / len(ps), 'target': target, '_w': cw, '_dw': dw}
            if not applicable:
                cap.update(level=None, score=None, gap=None, provisional=None, not_assessed=None)
            else:
                level = 0
                for lv in range(1, n_levels + 1):
                    if all(status[p['id']] in ('fully', 'largely') for p in applicable if p['level'] == lv):
                        level = lv
                    else:
                        break
                score = wavg([(p.get('weight', 1.0), CREDIT[status[p['id']]]) for p in applicable])
                # provisional while any applicable practice at a level ≤ its target is unanswered
                waiting = [p for p in applicable if p['level'] <= target and status[p['id']] is None]
                cap.update(level=level, score=score, gap=max(0, target - level),
                           provisional=bool(waiting), not_assessed=len(waiting))
            caps.append(cap)
            all_caps.append(cap)
        app = [c for c in caps if c['level'] is not None]
        dom = {'id': d['id'], '_w': dw, 'capabilities': caps}
        if app:
            dom.update(level=min(c['level'] for c in app),
                       index=wavg([(c['_w'], c['level']) for c in app]),
                       score=wavg([(c['_w'], c['score']) for c in app]),
                       target=wavg([(c['_w'], c['target']) for c in app]),
                       gap=wavg([(c['_w'], c['gap']) for c in app]),
                       provisional=any(c['provisional'] for c in app))
        else:
            dom.update(level=None, index=None, score=None, target=None, gap=None, provisional=None)
        out_domains.append(dom)
    app_d = [d for d in out_domains if d['index'] is not None]
    overall = {'index': wavg([(d['_w'], d['index']) for d in app_d]) if app_d else None,
               'score': wavg([(d['_w'], d['score']) for d in app_d]) if app_d else None,
               'completion': answered_all / total_all,
               'provisional': any(d['provisional'] for d in app_d) if app_d else None}
    prio = [(c['gap'] * c['_w'] * c['_dw'], i, c) for i, c in enumerate(all_caps)
            if c['gap'] is not None and c['gap'] > 0]
    # assessed capabilities first, by priority then file order; the provisional apart after them
    prio.sort(key=lambda t: (t[2]['provisional'], -t[0], t[1]))
    priorities = [{'capability': c['id'], 'gap': c['gap'], 'priority': p, 'provisional': c['provisional']}
                  for p, _, c in prio]
    return {'overall': overall, 'domains': out_domains, 'priorities': priorities}


def same(a, b, where):
    if a is None or b is None:
        assert a is None and b is None, f'{where}: expected {a!r}, mizan-cli says {b!r}'
    else:
        assert isinstance(b, (int, float)) and not isinstance(b, bool), f'{where}: {b!r} is not a number'
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12), f'{where}: expected {a!r}, mizan-cli says {b!r}'


def mark(a, b, where):
    assert b is None or isinstance(b, bool), f'{where}: {b!r} is neither true, false nor null'
    assert a is b, f'{where}: expected {a!r}, mizan-cli says {b!r}'


def compare(expected, got):
    """Every number and provisional mark of the results JSON, by name; returns how many were compared."""
    n = 0
    for key in ('index', 'score', 'completion'):
        same(expected['overall'][key], got['overall'][key], f'overall.{key}')
        n += 1
    mark(expected['overall']['provisional'], got['overall']['provisional'], 'overall.provisional')
    assert [d['id'] for d in got['domains']] == [d['id'] for d in expected['domains']]
    for ed, gd in zip(expected['domains'], got['domains']):
        for key in ('level', 'index', 'score', 'target', 'gap'):
            same(ed[key], gd[key], f'{ed["id"]}.{key}')
            n += 1
        mark(ed['provisional'], gd['provisional'], f'{ed["id"]}.provisional')
        assert [c['id'] for c in gd['capabilities']] == [c['id'] for c in ed['capabilities']]
        for ec, gc in zip(ed['capabilities'], gd['capabilities']):
            for key in ('level', 'score', 'completion', 'target', 'gap', 'not_assessed'):
                same(ec[key], gc[key], f'{ec["id"]}.{key}')
                n += 1
            mark(ec['provisional'], gc['provisional'], f'{ec["id"]}.provisional')
    assert [p['capability'] for p in got['priorities']] == [p['capability'] for p in expected['priorities']], \
        (got['priorities'], expected['priorities'])
    for ep, gp in zip(expected['priorities'], got['priorities']):
        same(ep['gap'], gp['gap'], f'priority {ep["capability"]}.gap')
        same(ep['priority'], gp['priority'], f'priority {ep["capability"]}.priority')
        mark(ep['provisional'], gp['provisional'], f'priority {ep["capability"]}.provisional')
        n += 2
    return n


def check_sets(fw, sets, env_dir=None):
    h = Home()
    try:
        env = None
        if env_dir:
            env = dict(h.env, MIZAN_FRAMEWORKS_DIR=env_dir)
        compared = 0
        for answers, targets in sets:
            doc = assessment_doc(fw, answers, targets)
            aid = h.run('import', write_json(h.path('a.mizan'), doc), env=env, check=0).stdout.strip()
            got = json.loads(h.run('score', aid, '--json', env=env, check=0).stdout)
            compared += compare(oracle(fw, answers, targets), got)
        print(f'# {compared} numbers compared over {len(sets)} answer sets')
    finally:
        h.close()


def random_sets(fw, seed, count, weights=None):
    rng = random.Random(seed)
    ids = [p['id'] for d in fw['domains'] for c in d['capabilities'] for p in c['practices']]
    caps = [c['id'] for d in fw['domains'] for c in d['capabilities']]
    n_levels = len(fw['levels'])
    sets = []
    for _ in range(count):
        # skewed towards passing statuses so that higher levels are reached too
        w = weights or rng.choice([[1, 1, 1, 1, 1, 1], [6, 3, 1, 1, 1, 1], [10, 4, 1, 0, 1, 0]])
        answers = {pid: s for pid in ids if (s := rng.choices(STATUSES, weights=w)[0]) is not None}
        targets = {c: rng.randint(0, n_levels) for c in caps if rng.random() < 0.3}
        sets.append((answers, targets))
    return sets


def weighted_fixture():
    src = os.path.join(DATA, 'oracle', 'weighted.json')
    return src, load_framework(src)


def with_weighted(sets_fn):
    src, fw = weighted_fixture()
    h = Home()
    try:
        shutil.copy(src, h.dir)
        check_sets(fw, sets_fn(fw), env_dir=h.dir)
    finally:
        h.close()


def test_random_builtin_model():
    fw = builtin_model()
    check_sets(fw, random_sets(fw, 20261128, 12))


def test_random_weighted_framework():
    with_weighted(lambda fw: random_sets(fw, 7, 25))


def test_hand_built_edge_cases():
    def sets(fw):
        caps = [c for d in fw['domains'] for c in d['capabilities']]
        first, second = caps[0], caps[1]
        out = []
        # all na in one capability: not applicable, out of its domain's figures
        out.append(({p['id']: 'na' for p in first['practices']}
                    | {p['id']: 'fully' for p in second['practices']}, {}))
        # a level with no applicable practice passes
        out.append(({p['id']: ('na' if p['level'] == 1 else 'fully') for p in first['practices']}, {}))
        # largely passes the gate, partially blocks it
        out.append(({p['id']: 'largely' for p in first['practices']}, {}))
        out.append(({p['id']: ('partially' if p['level'] == 2 else 'fully') for p in first['practices']}, {}))
        # unanswered blocks the gate and lowers completion
        out.append(({p['id']: 'fully' for p in first['practices'] if p['level'] != 3}, {}))
        # targets overridden, including 0 and the maximum
        out.append(({}, {first['id']: 0, second['id']: len(fw['levels'])}))
        # a whole domain not applicable
        out.append(({p['id']: 'na' for d in fw['domains'][:1] for c in d['capabilities'] for p in c['practices']}, {}))
        # nothing applicable anywhere: overall null
        out.append(({p['id']: 'na' for d in fw['domains'] for c in d['capabilities'] for p in c['practices']}, {}))
        # under way: one capability assessed (and short of its target), one only
        # above its target, the rest untouched — assessed priorities lead, the
        # provisional follow apart even when their priority is higher
        out.append(({p['id']: ('partially' if p['level'] == 2 else 'fully') for p in first['practices']}
                    | {p['id']: 'fully' for p in second['practices'] if p['level'] <= 1},
                    {second['id']: 1}))
        # everything fully
        out.append(({p['id']: 'fully' for d in fw['domains'] for c in d['capabilities'] for p in c['practices']}, {}))
        return out
    with_weighted(sets)


run_tests([(name, func) for name, func in globals().items() if name.startswith('test_')])
