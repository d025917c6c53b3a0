#!/usr/bin/env python3
# screenshots.py — writes screenshots of every page of the real mizan, for people to look at
# Run by build-aux/screenshots.sh under Xvfb, once per variant (light, dark, rtl, fr).

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import importlib.util

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mizanatspi as m  # noqa: E402

STATUSES = ['fully', 'fully', 'largely', 'partially', 'not', 'na']


def seed_file(path, framework_path, year=2026, profile=None):
    """A realistic assessment: most practices answered, the higher levels less often;
    the year before, fewer."""
    with open(framework_path, encoding='utf-8') as f:
        framework = json.load(f)
    rng = random.Random(year)
    reach = 0.95 - 0.15 * abs(2026 - year)
    answers = {}
    for domain in framework['domains']:
        for capability in domain['capabilities']:
            for practice in capability['practices']:
                if rng.random() < reach - 0.15 * practice['level']:
                    status = rng.choice(STATUSES[:5] if practice['level'] > 1 else STATUSES[:3])
                    answers[practice['id']] = {'status': status}
    answers['GOV.1.1']['note'] = 'IT plan 2024, section 3'
    answers['GOV.1.1']['evidence'] = 'IT-PLAN-2024.pdf'
    document = {
        'format': 'mizan-assessment', 'format_version': 1,
        'framework': {'id': framework['id'], 'version': framework['version']},
        'organization': {'name': 'Ministry of Communications', 'country': 'PAK',
                         'sector': 'government', 'size': 'large'},
        'assessment': {'id': '3f2a6c1e-8b1d-4c7e-9a55-0d2b7e4f%04d' % year,
                       'title': 'Annual self-assessment %d' % year,
                       'assessor': 'Office of the CISO',
                       'created': '%d-01-12T09:00:00Z' % year, 'updated': '%d-02-03T16:30:00Z' % year},
        'targets': {'GOV.1': 4, 'IRR.1': 4},
        'answers': answers,
    }
    if profile is not None:
        document['profile'] = profile
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(document, f, ensure_ascii=False, indent=1)


def start_benchmark_server(server, tmp, env):
    """A real mizan-server on 127.0.0.1 with peers' submissions, some member states below k."""
    spec = importlib.util.spec_from_file_location(
        'server_harness', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'server', 'test-server.py'))
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    harness.SERVER = server
    s = harness.Server(rate=1e6, burst=1e6, home=os.path.join(tmp, 'server'), env={})
    os.makedirs(s.home)
    s.start()
    rng = random.Random(2026)
    weights = {'PAK': 60, 'SAU': 40, 'TUR': 45, 'IDN': 50, 'EGY': 30, 'MYS': 25, 'NGA': 20, 'MAR': 18,
               'KAZ': 12, 'ARE': 15, 'QAT': 8, 'BHR': 6, 'JOR': 9, 'BGD': 14, 'SEN': 7, 'MDV': 5,
               'OMN': 3, 'TUN': 4, 'COM': 2}
    tokens = {c: s.token('submitter', c) for c in weights}
    conn = s.connection()
    for country, n in weights.items():
        for _ in range(n):
            doc = harness.make_submission(country, rng.choice(harness.SECTORS[:5]), rng.choice(harness.SIZES), rng)
            assert s.submit(tokens[country], doc, conn=conn).status == 201
    conn.close()
    analyst = s.token('analyst')
    # The app's preferences (GSettings key file) and its token file.
    settings = os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write(f"[org/comstech/Mizan]\nsharing-enabled=true\nserver-url='{s.url}'\n")
    os.makedirs(os.path.join(env['XDG_CONFIG_HOME'], 'mizan'), exist_ok=True)
    with open(os.path.join(env['XDG_CONFIG_HOME'], 'mizan', 'token'), 'w') as f:
        f.write(analyst + '\n')
    os.chmod(os.path.join(env['XDG_CONFIG_HOME'], 'mizan', 'token'), 0o600)
    env['GSETTINGS_BACKEND'] = 'keyfile'
    return s


def resize(width, height):
    """Taller than the default window, so that a screenshot shows more of a long page."""
    found = subprocess.run(['xdotool', 'search', '--name', 'Mizan'], capture_output=True, text=True)
    for window in found.stdout.split():
        subprocess.run(['xdotool', 'windowsize', window, str(width), str(height)], check=False)
    time.sleep(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--variant', choices=['light', 'dark', 'rtl', 'fr'], required=True)
    parser.add_argument('--mizan', required=True)
    parser.add_argument('--cli', required=True)
    parser.add_argument('--server', help='mizan-server, for the Benchmark and Member states pages')
    parser.add_argument('outdir')
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix='mizan-shots-')
    env = dict(os.environ)
    env['XDG_DATA_HOME'] = os.path.join(tmp, 'data')
    env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')
    env['GTK_A11Y'] = 'atspi'
    env['GSETTINGS_BACKEND'] = 'memory'
    env['ADW_DISABLE_PORTAL'] = '1'
    if args.variant == 'dark':
        env['ADW_DEBUG_COLOR_SCHEME'] = 'prefer-dark'
    if args.variant == 'rtl':
        env.pop('LC_ALL', None)
        env['LANG'] = 'ar_EG.UTF-8'
        env['LANGUAGE'] = 'ar'
    if args.variant == 'fr':
        env.pop('LC_ALL', None)
        env['LANG'] = 'fr_FR.UTF-8'
        env['LANGUAGE'] = 'fr'
    os.makedirs(args.outdir, exist_ok=True)

    def shot(name):
        m.screenshot(os.path.join(args.outdir, '%s-%s.png' % (name, args.variant)))

    # In Arabic every control is found by its Arabic name.
    m.use_language({'rtl': 'ar', 'fr': 'fr'}.get(args.variant))
    T = m.T
    app = None
    server = None
    try:
        app = m.App(args.mizan, env).start()
        app.find(role='push button', name=T('New Assessment'))
        time.sleep(0.5)
        shot('start-empty')
        app.close_window()
        app.wait_exit()

        db = os.path.join(env['XDG_DATA_HOME'], 'mizan', 'mizan.db')
        for year in (2025, 2026):
            seed = os.path.join(tmp, 'seed-%d.mizan' % year)
            seed_file(seed, os.path.join(env['MIZAN_FRAMEWORKS_DIR'], 'oic-ccmm.json'), year)
            subprocess.run([args.cli, '--db', db, 'import', seed], env=env, check=True, capture_output=True)
        # A body on 2.0.0 that runs no CERT: the CSC capabilities do not apply.
        seed = os.path.join(tmp, 'seed-2.mizan')
        seed_file(seed, os.path.join(env['MIZAN_FRAMEWORKS_DIR'], 'oic-ccmm-2.0.0.json'), 2027,
                  profile={'runs_cert': False})
        subprocess.run([args.cli, '--db', db, 'import', seed], env=env, check=True, capture_output=True)

        if args.server:
            server = start_benchmark_server(args.server, tmp, env)
        app = m.App(args.mizan, env).start()
        row = app.find('Annual self-assessment 2026', role='list item')
        time.sleep(0.5)
        shot('start')

        app.click(T('New Assessment'), role='push button')
        dialog = app.find(T('New Assessment'), role='frame')
        app.set_text(app.find(T('Name'), role='text', root=dialog),
                     'وزارة الطاقة' if args.variant == 'rtl' else 'Ministry of Energy')
        time.sleep(0.5)
        shot('new-assessment')
        app.click(T('Choose the country'), role='push button')
        app.set_text(app.find(T('Search countries'), role='entry'), 'pa')
        time.sleep(1)
        shot('new-assessment-country')
        app.do_action(app.find(T('Search countries'), role='entry'), 'activate')
        app.click(T('_Cancel').replace('_', ''), role='push button')

        app.do_action(row, 'row.open')
        app.find(T('%s: %s') % ('GOV.1.1', T('Fully implemented')), role='radio button')
        time.sleep(0.5)
        shot('questionnaire')

        # What the statuses mean, beside the status choice.
        app.click(T('%s: What the statuses mean') % 'GOV.1.1', role=None)
        time.sleep(1)
        shot('rubric')
        subprocess.run(['xdotool', 'key', 'Escape'], check=False)
        time.sleep(0.5)

        # The assessment is on 1.0.0: the banner offers 2.0.0, with a preview.
        app.click(T('_Carry to %s…').replace('_', '') % '2.0.0', role='push button')
        heading = app.find(T('Carry to Version %s?') % '2.0.0', role='label', timeout=10)
        app.do_action(app.find(T('Show the practices'), role='push button', root=app.window_of(heading)), 'activate')
        time.sleep(1)
        shot('carry-preview')
        subprocess.run(['xdotool', 'key', 'Escape'], check=False)
        time.sleep(0.5)

        expander = app.find(T('%s: Guidance') % 'GOV.1.1', role='push button')
        app.do_action(expander, 'activate')
        app.click(T('Search practices'), role='push button')
        search = app.find(T('Search practices'), role='entry')
        app.set_text(search, 'حوادث' if args.variant == 'rtl' else 'incident')
        time.sleep(1)
        shot('questionnaire-search')
        app.click(T('Search practices'), role='push button')

        app.click(T('Results'), role='page tab')
        # "Maturity index, …" or, while the assessment is under way, "Provisional maturity index, …"
        app.find(T('Score: credit for every practice, weighted'), role='label')
        resize(1200, 1600)
        shot('results')

        app.click(T('Roadmap'), role='page tab')
        app.find(T('Next'), role='label', timeout=15)
        time.sleep(1)
        shot('roadmap')

        app.click(T('Compare'), role='page tab')
        app.find(T('Changed Practices'), prefix=True)
        time.sleep(1.5)
        shot('compare')
        if server is not None:
            app.click(T('Benchmark'), role='page tab')
            app.find(T('Your maturity index per domain beside your peers’'), timeout=20)
            time.sleep(1.5)
            shot('benchmark')
            app.click(T('_Share…').replace('_', ''), role='push button')
            # The seeded assessment is incomplete: sharing is refused, saying how many practices are left.
            app.find(T('Not Ready to Share'), timeout=10)
            time.sleep(1)
            shot('benchmark-share')
            subprocess.run(['xdotool', 'key', 'Escape'], check=False)
            time.sleep(0.5)
            app.click(T('Member States'), role='page tab')
            app.find(T('Map of the member states'), timeout=20)
            time.sleep(1.5)
            shot('member-states')
        resize(1100, 760)

        for item, name in (('_Preferences', 'preferences'), ('_Keyboard Shortcuts', 'shortcuts'),
                           ('_About Mizan', 'about')):
            app.click(T('Main Menu'), role='push button')
            app.click(T(item).replace('_', ''))
            frame = app.find_all(role='frame', timeout=5)[-1]
            time.sleep(1)
            shot(name)
            if name == 'preferences':
                app.click(T('Reports'), role='page tab', root=frame)
                time.sleep(1)
                shot('preferences-reports')
                app.click(T('Sharing'), role='page tab', root=frame)
                app.find(T('Saved Token'), timeout=5)
                time.sleep(1)
                shot('preferences-sharing')
            app.do_action(frame, 'window.close')

        # Export… from the assessment's main menu, as a person finds it. GTK 4.8
        # still reports the start page's menu button as showing, so the last one
        # is the assessment's.
        menus = [acc for acc in app.find_all(T('Main Menu'), role='push button', timeout=5)
                 if app.has_action(acc, 'click')]
        app.do_action(menus[-1], 'click')
        app.click(T('_Export…').replace('_', ''))
        app.find(T('Export Assessment'), timeout=10)
        time.sleep(1.5)
        shot('export')
        report = os.path.join(tmp, 'report-%s.pdf' % args.variant)
        subprocess.run(['xdotool', 'key', '--clearmodifiers', 'ctrl+a'], check=True)
        subprocess.run(['xdotool', 'type', report], check=True)
        subprocess.run(['xdotool', 'key', 'Return'], check=True)
        time.sleep(3)
        shot('exported')
        if os.path.exists(report):
            shutil.copy(report, args.outdir)

        # On 2.0.0, a capability the organization's profile rules out.
        app.click(T('Back to all assessments'), role='push button')
        app.do_action(app.find('Annual self-assessment 2027', role='list item'), 'row.open')
        m.go_to_practice(app, 'CSC.1.1')
        time.sleep(1)
        shot('not-applicable')
    finally:
        if app is not None:
            app.kill()
        if server is not None:
            server.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
