"""clitest.py — shared helpers of the tests that drive the real mizan-cli.

A tiny TAP producer (meson reads TAP), a temporary home for each test, and a
writer of .mizan exchange files."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import uuid

CLI = os.environ.get('MIZAN_CLI', 'mizan-cli')
DATA = os.environ.get('MIZAN_TEST_DATA', os.path.join(os.path.dirname(__file__), 'data'))
FRAMEWORKS = os.environ.get('MIZAN_FRAMEWORKS_DIR',
                            os.path.join(os.path.dirname(__file__), '..', 'data', 'frameworks'))


class Home:
    """A fresh XDG data directory and database path for one test."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='mizan-cli-test-')
        self.db = os.path.join(self.dir, 'mizan.db')
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.dir, 'data'))

    def run(self, *args, db=True, env=None, check=None):
        cmd = [CLI] + (['--db', self.db] if db else []) + [str(a) for a in args]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env or self.env, timeout=60)
        if check is not None and proc.returncode != check:
            raise AssertionError(f'{cmd} exited {proc.returncode}, expected {check}\n'
                                 f'stdout: {proc.stdout}\nstderr: {proc.stderr}')
        return proc

    def path(self, name):
        return os.path.join(self.dir, name)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def load_framework(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def builtin_model():
    return load_framework(os.path.join(FRAMEWORKS, 'oic-ccmm.json'))


def practices(fw):
    for d in fw['domains']:
        for c in d['capabilities']:
            for p in c['practices']:
                yield d, c, p


def assessment_doc(fw, answers, targets=None, org=None, assessment_id=None, notes=None):
    """A .mizan document; answers maps practice id to a status (None: unanswered)."""
    org = org or {'name': 'Ministry of Test', 'country': 'PAK', 'sector': 'government', 'size': 'large'}
    doc = {
        'format': 'mizan-assessment', 'format_version': 1,
        'framework': {'id': fw['id'], 'version': fw['version']},
        'organization': org,
        'assessment': {'id': assessment_id or str(uuid.uuid4()), 'title': 'Annual review',
                       'assessor': 'A. Assessor', 'created': '2026-10-01T08:00:00Z',
                       'updated': '2026-11-02T09:30:00Z'},
        'targets': dict(targets or {}),
        'answers': {},
    }
    for pid, status in answers.items():
        entry = {'status': status}
        if notes and pid in notes:
            entry['note'] = notes[pid]
        doc['answers'][pid] = entry
    return doc


def write_json(path, doc):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
    return path


def run_tests(tests):
    """Runs (name, function) pairs and reports them as TAP; exits 1 on any failure."""
    print(f'1..{len(tests)}', flush=True)
    failed = 0
    for n, (name, func) in enumerate(tests, 1):
        try:
            func()
        except Exception:
            failed += 1
            print(f'not ok {n} - {name}')
            for line in traceback.format_exc().splitlines():
                print(f'# {line}')
        else:
            print(f'ok {n} - {name}')
        sys.stdout.flush()
    sys.exit(1 if failed else 0)
