#!/usr/bin/env python3
"""test-report.py — the PDF report and the XLSX, chart and PDF exports, as a user gets them.

Each test drives the real mizan-cli on its own database and reads the files
back with the tools a user has: pdftotext and pdfinfo (poppler), openpyxl."""
import json
import os
import random
import re
import resource
import signal
import subprocess

import openpyxl

from clitest import DATA, FRAMEWORKS, Home, assessment_doc, builtin_model, load_framework, practices, run_tests, write_json

STATUSES = ('fully', 'largely', 'partially', 'not', 'na', 'fully', 'largely')
BIDI_MARKS = re.compile('[\u200e\u200f\u202a-\u202e\u2066-\u2069]')
# Poppler splits the lam-alef ligature (one glyph, two letters) when it
# extracts right-to-left text, so words holding one cannot be found whole.
LAM_ALEF = re.compile('ل[اأإآ]')


def full_assessment(h, fw, **kw):
    """Imports a fully answered built-in assessment; returns its id."""
    answers = {p['id']: STATUSES[i % len(STATUSES)] for i, (_, _, p) in enumerate(practices(fw))}
    doc = assessment_doc(fw, answers, **kw)
    return h.run('import', write_json(h.path('a-%s.mizan' % doc['assessment']['id']), doc), check=0).stdout.strip()


def pdf_text(path, *args):
    text = subprocess.run(['pdftotext', *args, path, '-'], capture_output=True, text=True, check=True).stdout
    return re.sub(r'\s+', ' ', BIDI_MARKS.sub('', text))


def report(h, aid, name, *args):
    """Writes the report of @aid as @name in the test's home; returns its path."""
    out = h.path(name)
    h.run('report', aid, '-o', out, *args, check=0)
    return out


def pdf_lines(path):
    """The PDF's text as laid out on the page, a table row's cells side by side."""
    text = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True, check=True).stdout
    return BIDI_MARKS.sub('', text).splitlines()


def model_v2():
    return load_framework(os.path.join(FRAMEWORKS, 'oic-ccmm-2.0.0.json'))


def arabic_phrases(text):
    """Runs of three or more Arabic words that poppler extracts whole (no lam-alef, no punctuation)."""
    run = []
    for word in text.split() + ['.']:
        if re.fullmatch('[\u0621-\u064a\u064b-\u0652]+', word) and not LAM_ALEF.search(word):
            run.append(word)
            continue
        if len(run) >= 3:
            yield ' '.join(run)
        run = []


def pdf_info(path):
    out = subprocess.run(['pdfinfo', path], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (l.split(':', 1) for l in out.splitlines() if ':' in l)}


def listing(h):
    return sorted(os.listdir(h.dir))


def test_english_report_shows_the_scores():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw, org={'name': 'Ministry of Digital Affairs', 'country': 'PAK',
                                          'sector': 'government', 'size': 'large'})
        score = json.loads(h.run('score', aid, '--json', check=0).stdout)
        assert score['overall']['completion'] == 1.0
        out = h.path('report.pdf')
        h.run('report', aid, '-o', out, '--lang', 'en', check=0)
        text = pdf_text(out)
        assert 'Ministry of Digital Affairs' in text
        for d in fw['domains']:
            assert d['title']['en'] in text, d['title']['en']
        index = '%.2f' % score['overall']['index']
        m = re.search(r'Executive summary .*? (\d+\.\d\d) [\d%]+ ', text)
        assert m and m.group(1) == index, (index, text[:2000])
        # every domain's index as the summary table shows it
        for d in score['domains']:
            assert '%.2f' % d['index'] in text, d
    finally:
        h.close()


def test_draft_report_of_an_incomplete_assessment():
    """DESIGN.md "Provisional results": a draft says so on every page and stays short."""
    h = Home()
    try:
        fw = builtin_model()
        ps = [p for _, _, p in practices(fw)]
        # a body early on its way, as a first assessment usually finds it
        rng = random.Random(22)
        answers = {p['id']: rng.choices(['fully', 'largely', 'partially', 'not', 'na'], [2, 2, 3, 3, 1])[0]
                   for p in ps}
        # an assessor's justification on every answer, as the final report carries them
        notes = {pid: 'Checked against the 2025 policy register; see the audit file.' for pid in answers}
        full = assessment_doc(fw, answers, notes=notes)
        full_id = h.run('import', write_json(h.path('full.mizan'), full), check=0).stdout.strip()
        # answered in order, as the questionnaire goes: the first 8 % of the practices
        n = round(len(ps) * 0.08)
        draft = assessment_doc(fw, {p['id']: answers[p['id']] for p in ps[:n]}, notes=notes)
        draft_id = h.run('import', write_json(h.path('draft.mizan'), draft), check=0).stdout.strip()
        full_pdf = report(h, full_id, 'full.pdf')
        draft_pdf = report(h, draft_id, 'draft.pdf')
        full_pages = int(pdf_info(full_pdf)['Pages'])
        draft_pages = int(pdf_info(draft_pdf)['Pages'])
        percent = f'{100 * n // len(ps)}%'
        for page in range(1, draft_pages + 1):
            text = pdf_text(draft_pdf, '-f', str(page), '-l', str(page))
            assert f'Draft — {percent} answered' in text, (page, text[:300])
        assert 'Draft —' not in pdf_text(full_pdf) and 'answered' not in pdf_text(full_pdf, '-f', '2', '-l', '2')
        print(f'# draft {draft_pages} pages, fully answered {full_pages} pages')
        assert draft_pages * 4 <= full_pages, (draft_pages, full_pages)
        text = pdf_text(draft_pdf)
        # unanswered practices are summarised, never listed one by one
        assert 'Not answered' in text and 'Not assessed yet' in text
        assert not re.search(r'\w+\.\d+\.\d+ · level \d · Not answered', text), 'an unanswered practice listed'
        assert 'To assess first' in text and '(provisional)' in text
        # the roadmap holds no unanswered practice as an action
        for line in pdf_lines(draft_pdf):
            for p in ps[n:]:
                assert not line.strip().startswith(p['id'] + ' '), line
    finally:
        h.close()


def test_pages_numbers_contents_and_metadata():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        out = h.path('r.pdf')
        h.run('report', aid, '-o', out, '--consultant', 'Acme Advisory', check=0)
        info = pdf_info(out)
        pages = int(info['Pages'])
        assert info['Page size'].startswith('595.27') and 'A4' in info['Page size'], info['Page size']
        assert info['Title'] == 'Cybersecurity maturity report — Ministry of Test', info['Title']
        assert info['Author'] == 'Acme Advisory'
        assert info['Subject'] == fw['title']['en']
        assert info['CreationDate'] != ''
        assert 'Acme Advisory' in pdf_text(out, '-f', '1', '-l', '1')
        for n in (2, pages):
            assert 'Page %d of %d' % (n, pages) in pdf_text(out, '-f', str(n), '-l', str(n))
        # the contents send each domain to the page that starts with it
        contents = pdf_text(out, '-f', '2', '-l', '2')
        for d in fw['domains']:
            heading = '%s · %s' % (d['id'], d['title']['en'])
            m = re.search(re.escape(heading) + r' (\d+)', contents)
            assert m, heading
            page = pdf_text(out, '-f', m.group(1), '-l', m.group(1))
            assert heading in page, (heading, m.group(1))
    finally:
        h.close()


def test_letter_paper_and_preferences_defaults():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        out = h.path('letter.pdf')
        h.run('report', aid, '-o', out, '--paper', 'letter', check=0)
        assert pdf_info(out)['Page size'].startswith('612 x 792'), pdf_info(out)['Page size']
        # Preferences (a key-file GSettings backend here) give the defaults.
        conf = os.path.join(h.dir, 'config')
        os.makedirs(os.path.join(conf, 'glib-2.0', 'settings'))
        with open(os.path.join(conf, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
            f.write("[org/comstech/Mizan]\nreport-consultant='Prefs Consulting'\nreport-paper='letter'\n")
        env = dict(h.env, GSETTINGS_BACKEND='keyfile', XDG_CONFIG_HOME=conf)
        out = h.path('prefs.pdf')
        h.run('report', aid, '-o', out, env=env, check=0)
        assert pdf_info(out)['Page size'].startswith('612 x 792')
        assert pdf_info(out)['Author'] == 'Prefs Consulting'
        out = h.path('override.pdf')
        h.run('report', aid, '-o', out, '--paper', 'a4', '--consultant', 'Me', env=env, check=0)
        assert 'A4' in pdf_info(out)['Page size'] and pdf_info(out)['Author'] == 'Me'
    finally:
        h.close()


def test_arabic_report_has_arabic_titles():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        out = h.path('ar.pdf')
        h.run('report', aid, '-o', out, '--lang', 'ar', check=0)
        text = pdf_text(out)
        whole = [d for d in fw['domains'] if not LAM_ALEF.search(d['title']['ar'])]
        assert len(whole) >= 5
        for d in whole:
            assert d['title']['ar'] in text, d['title']['ar']
        for d in fw['domains']:
            for word in d['title']['ar'].split():
                if not LAM_ALEF.search(word):
                    assert word in text, word
            assert d['title']['en'] not in text, d['title']['en']
        assert fw['title']['ar'].split()[0] in text
    finally:
        h.close()


def test_french_report():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        score = json.loads(h.run('score', aid, '--json', check=0).stdout)
        out = h.path('fr.pdf')
        h.run('report', aid, '-o', out, '--lang', 'fr', check=0)
        text = pdf_text(out)
        for d in fw['domains']:
            assert d['title']['fr'] in text, d['title']['fr']
        assert ('%.2f' % score['overall']['index']).replace('.', ',') in text
    finally:
        h.close()


def test_comparison_with_earlier_assessment():
    h = Home()
    try:
        fw = builtin_model()
        now = full_assessment(h, fw)
        doc = assessment_doc(fw, {p['id']: 'partially' for _, _, p in practices(fw)})
        doc['assessment']['title'] = 'Baseline 2025'
        earlier = h.run('import', write_json(h.path('old.mizan'), doc), check=0).stdout.strip()
        out = h.path('cmp.pdf')
        h.run('report', now, '-o', out, '--compare', earlier, check=0)
        text = pdf_text(out)
        assert 'Comparison with an earlier assessment' in text
        assert 'Baseline 2025' in text
        s_now = json.loads(h.run('score', now, '--json', check=0).stdout)['overall']['index']
        s_then = json.loads(h.run('score', earlier, '--json', check=0).stdout)['overall']['index']
        assert 'Maturity index %.2f %.2f +%.2f' % (s_then, s_now, s_now - s_then) in text
        p = h.run('report', now, '-o', h.path('x.pdf'), '--compare', 'nope-nope', check=1)
        assert not os.path.exists(h.path('x.pdf'))
    finally:
        h.close()


def test_comparison_across_model_versions():
    """An assessment on 2.0.0 compared with one of the same body on 1.0.0: the
    earlier one is read through 2.0.0's supersedes map, as `migrate` would carry it."""
    h = Home()
    try:
        old_fw, new_fw = builtin_model(), model_v2()
        assert new_fw['supersedes']['version'] == old_fw['version']
        org = {'name': 'Ministry of Planning', 'country': 'MYS', 'sector': 'government', 'size': 'medium'}
        doc = assessment_doc(old_fw, {p['id']: 'partially' for _, _, p in practices(old_fw)}, org=org)
        doc['assessment']['title'] = 'Baseline 2025'
        earlier = h.run('import', write_json(h.path('old.mizan'), doc), check=0).stdout.strip()
        now = full_assessment(h, new_fw, org=org)
        out = report(h, now, 'cmp.pdf', '--compare', earlier)
        text = pdf_text(out)
        assert 'Comparison with an earlier assessment' in text
        assert 'The maturity index of each domain now, against the earlier assessment “Baseline 2025” of Ministry of Planning' in text
        # The earlier figures are those of the 1.0.0 answers carried to 2.0.0.
        carried = h.run('migrate', earlier, '--to', new_fw['version'], check=0).stdout.split()[-1]
        s_then = json.loads(h.run('score', carried, '--json', check=0).stdout)['overall']['index']
        s_now = json.loads(h.run('score', now, '--json', check=0).stdout)['overall']['index']
        assert 'Maturity index %.2f %.2f' % (s_then, s_now) in text, text[text.find('Maturity index'):][:200]
        for d in new_fw['domains']:
            assert '%s · %s' % (d['id'], d['title']['en']) in text, d['id']
    finally:
        h.close()


def test_method_states_the_model_status_and_rubric():
    h = Home()
    try:
        fw = model_v2()
        aid = full_assessment(h, fw)
        out = report(h, aid, 'en.pdf', '--lang', 'en')
        text = pdf_text(out)
        method = text[text.rfind('Method '):]
        assert fw['status']['en'] in method, method[:1500]
        assert 'What each answer means' in method
        for status, label in (('fully', 'Fully implemented'), ('largely', 'Largely implemented'),
                              ('partially', 'Partially implemented'), ('not', 'Not implemented'),
                              ('na', 'Not applicable')):
            assert '%s %s' % (label, fw['rubric'][status]['en']) in method, status

        out = report(h, aid, 'ar.pdf', '--lang', 'ar')
        text = pdf_text(out)
        status_phrases = list(arabic_phrases(fw['status']['ar']))
        assert status_phrases and all(p in text for p in status_phrases), status_phrases
        rubric_phrases = list(arabic_phrases(fw['rubric']['largely']['ar']))
        assert rubric_phrases and all(p in text for p in rubric_phrases), rubric_phrases

        # A model without a status or rubric: the method says nothing more.
        mini = load_framework(os.path.join(DATA, 'frameworks', 'mini.json'))
        assert 'status' not in mini and 'rubric' not in mini
        user_dir = os.path.join(h.dir, 'data', 'mizan', 'frameworks')
        os.makedirs(user_dir)
        write_json(os.path.join(user_dir, 'mini.json'), mini)
        aid = full_assessment(h, mini)
        out = report(h, aid, 'mini.pdf')
        text = pdf_text(out)
        method = text[text.rfind('Method '):]
        assert 'Levels of Mini maturity model' in method, method[:1500]
        assert 'What each answer means' not in method
        assert 'Mini maturity model 1.0.0' not in method
    finally:
        h.close()


def csf_rows(lines, category, following):
    """The layout lines of the appendix row of @category, up to the row of @following."""
    start = next(i for i, l in enumerate(lines) if '%s ·' % category in l)
    end = next(i for i, l in enumerate(lines) if i > start and '%s ·' % following in l)
    return '\n'.join(lines[start:end])


def test_nist_csf_appendix():
    h = Home()
    try:
        fw = model_v2()
        ps = [p for _, _, p in practices(fw)]
        # every eighth practice unanswered
        answers = {p['id']: (None if i % 8 == 7 else STATUSES[i % len(STATUSES)]) for i, p in enumerate(ps)}
        doc = assessment_doc(fw, {k: v for k, v in answers.items() if v is not None})
        aid = h.run('import', write_json(h.path('a.mizan'), doc), check=0).stdout.strip()
        under_oc = [p['id'] for p in ps
                    if any(r.startswith('GV.OC-') for r in p.get('references', {}).get('nist-csf-2.0', []))]
        assert under_oc
        label = {'fully': 'Fully implemented', 'largely': 'Largely implemented', 'partially': 'Partially implemented',
                 'not': 'Not implemented', 'na': 'Not applicable', None: 'Not answered'}

        for lang in ('en', 'ar'):
            out = report(h, aid, '%s.pdf' % lang, '--lang', lang)
            text = pdf_text(out)
            heading = 'Appendix: NIST CSF 2.0 coverage'
            if lang == 'en':
                # listed in the contents, with the page it starts on
                m = re.search(re.escape(heading) + r' (\d+) ', text)
                assert m, text[:1500]
                page = int(m.group(1))
                assert heading in pdf_text(out, '-f', str(page), '-l', str(page))
            # in the contents and as the appendix's heading, whatever the language
            assert text.count('NIST CSF 2.0') >= 2, lang
            lines = pdf_lines(out)
            for function in ('GV · Govern', 'ID · Identify', 'PR · Protect', 'DE · Detect', 'RS · Respond', 'RC · Recover'):
                assert any(function in l for l in lines), (lang, function)
            row = csf_rows(lines, 'GV.OC', 'GV.RM')
            assert 'GV.OC · Organizational context' in row, row
            for pid in under_oc:
                assert re.search(r'\b%s\b' % re.escape(pid), row), (lang, pid, row)
            if lang == 'en':
                # all five subcategories of GV.OC are cited
                assert '5 of 5' in row, row
                # each practice under the words of its answer, unanswered ones too
                for status in ('fully', None):
                    first = next(pid for pid in under_oc if answers[pid] == status)
                    assert re.search(r'%s: (\S+, )*%s\b' % (label[status], re.escape(first)), row.replace('\n', ' ')), \
                        (status, first, row)
                # an id is never split at its dot
                assert not re.search(r'[A-Z]{3}\.$', row, re.M), row

        # 1.0.0 cites the CSF on capabilities only: no appendix
        old = full_assessment(h, builtin_model())
        out = report(h, old, 'old.pdf')
        assert 'NIST CSF 2.0 coverage' not in pdf_text(out)
    finally:
        h.close()


def test_report_strings_follow_the_report_language():
    """The report's own words come from Mizan's catalog of the language asked
    for, whatever the session's language; here a small French catalog."""
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        locale = os.path.join(h.dir, 'locale', 'fr', 'LC_MESSAGES')
        os.makedirs(locale)
        po = os.path.join(h.dir, 'fr.po')
        with open(po, 'w', encoding='utf-8') as f:
            f.write('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Executive summary"\nmsgstr "Synthèse pour la direction"\n\n'
                    'msgid "Current"\nmsgstr "Niveau actuel"\n\n'
                    'msgid "Page %u of %u"\nmsgstr "Feuille %u sur %u"\n')
        subprocess.run(['msgfmt', '-o', os.path.join(locale, 'mizan.mo'), po], check=True)
        env = dict(h.env, MIZAN_LOCALEDIR=os.path.join(h.dir, 'locale'), LANGUAGE='ar', LC_ALL='C.UTF-8')
        out = h.path('fr.pdf')
        h.run('report', aid, '-o', out, '--lang', 'fr', env=env, check=0)
        text = pdf_text(out)
        assert 'Synthèse pour la direction' in text and 'Executive summary' not in text
        assert 'Niveau actuel' in text      # the radar's legend
        assert re.search(r'Feuille 2 sur \d+', text)
        out = h.path('en.pdf')
        h.run('report', aid, '-o', out, '--lang', 'en', env=env, check=0)
        assert 'Executive summary' in pdf_text(out)
    finally:
        h.close()


def cell_values(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_xlsx_has_the_scores():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        score = json.loads(h.run('score', aid, '--json', check=0).stdout)
        out = h.path('a.xlsx')
        h.run('export', aid, '--format', 'xlsx', '-o', out, check=0)
        book = openpyxl.load_workbook(out)
        assert book.sheetnames == ['Summary', 'Domains', 'Capabilities', 'Answers', 'Roadmap']
        _, rows = cell_values(book['Summary'])
        summary = {r[0]: r[1] for r in rows}
        assert summary['Maturity index'] == score['overall']['index']
        assert summary['Score'] == score['overall']['score']
        assert summary['Completion'] == score['overall']['completion']
        assert summary['Organization'] == 'Ministry of Test'
        sheet = book['Summary']
        assert sheet.freeze_panes == 'A2'
        index_cell = next(r[1] for r in sheet.iter_rows() if r[0].value == 'Maturity index')
        assert index_cell.number_format == '0.00' and isinstance(index_cell.value, (int, float))

        head, rows = cell_values(book['Domains'])
        assert book['Domains'].freeze_panes == 'A2'
        col = {name: i for i, name in enumerate(head)}
        assert len(rows) == len(score['domains'])
        for row, d in zip(rows, score['domains']):
            assert row[col['Domain']] == d['id']
            for key in ('level', 'index', 'score', 'target', 'gap'):
                assert row[col[key.capitalize()]] == d[key], (d['id'], key)
        head, rows = cell_values(book['Capabilities'])
        col = {name: i for i, name in enumerate(head)}
        caps = [c for d in score['domains'] for c in d['capabilities']]
        assert len(rows) == len(caps)
        for row, c in zip(rows, caps):
            assert row[col['Capability']] == c['id']
            for key in ('level', 'score', 'completion', 'target', 'gap'):
                assert row[col[key.capitalize()]] == c[key], (c['id'], key)
        priorities = {p['capability']: p['priority'] for p in score['priorities']}
        for row in rows:
            assert row[col['Priority']] == priorities.get(row[col['Capability']]), row
        _, rows = cell_values(book['Answers'])
        assert len(rows) == len(list(practices(fw)))
        _, rows = cell_values(book['Roadmap'])
        assert len(rows) > 0
    finally:
        h.close()


def test_charts_and_pdf_exports():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        for chart in ('radar', 'gaps', 'heatmap'):
            svg = h.path(chart + '.svg')
            png = h.path(chart + '.png')
            h.run('export', aid, '--format', 'svg', '--chart', chart, '-o', svg, check=0)
            h.run('export', aid, '--format', 'png', '--chart', chart, '-o', png, check=0)
            with open(svg, encoding='utf-8') as f:
                assert f.read(200).lstrip().startswith('<?xml') 
            with open(png, 'rb') as f:
                assert f.read(8) == b'\x89PNG\r\n\x1a\n'
        pdf = h.path('e.pdf')
        h.run('export', aid, '--format', 'pdf', '--lang', 'fr', '-o', pdf, check=0)
        assert fw['domains'][0]['title']['fr'] in pdf_text(pdf)
        assert h.run('export', aid, '--format', 'png', '--chart', 'pie', '-o', h.path('p.png')).returncode == 2
        assert h.run('export', aid, '--format', 'csv', '--chart', 'radar', '-o', h.path('c.csv')).returncode == 2
        assert h.run('report', aid, '-o', h.path('l.pdf'), '--lang', 'de').returncode == 2
        assert h.run('report', aid, '-o', h.path('l.pdf'), '--paper', 'a5').returncode == 2
        assert not os.path.exists(h.path('l.pdf'))
    finally:
        h.close()


def test_bad_logo_leaves_no_file():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        not_svg = h.path('logo.svg')
        with open(not_svg, 'w') as f:
            f.write('this is not an image\n')
        before = listing(h)
        for logo, words in ((h.path('missing.svg'), 'does not exist'), (not_svg, 'not a readable SVG')):
            p = h.run('report', aid, '-o', h.path('out.pdf'), '--logo', logo, check=1)
            lines = p.stderr.strip().splitlines()
            assert len(lines) == 1, p.stderr
            assert words in lines[0] and logo in lines[0], lines[0]
            assert listing(h) == before, listing(h)
        good = h.path('good.svg')
        with open(good, 'w') as f:
            f.write('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                    '<rect width="120" height="40" fill="#1a5fb4"/><text x="10" y="28">ACME</text></svg>')
        h.run('report', aid, '-o', h.path('out.pdf'), '--logo', good, check=0)
        assert 'ACME' in pdf_text(h.path('out.pdf'), '-f', '1', '-l', '1')
    finally:
        h.close()


def test_unwritable_destination_and_full_disk():
    h = Home()
    try:
        fw = builtin_model()
        aid = full_assessment(h, fw)
        blocker = h.path('regular-file')
        with open(blocker, 'w') as f:
            f.write('x')
        for args in (['report', aid], ['export', aid, '--format', 'xlsx'], ['export', aid, '--format', 'pdf']):
            dest = os.path.join(blocker, 'out.bin')
            p = h.run(*args, '-o', dest, check=1)
            assert len(p.stderr.strip().splitlines()) == 1 and dest in p.stderr, p.stderr

        # A full disk: no file may grow past 33 KB, room for the database's
        # shared-memory file (32 KiB) but not for a report or a workbook.
        def small_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (33000, 33000))
        before = listing(h)
        for args, name in ((['report', aid], 'full.pdf'), (['export', aid, '--format', 'xlsx'], 'full.xlsx')):
            cmd = [os.environ.get('MIZAN_CLI', 'mizan-cli'), '--db', h.db, *args, '-o', h.path(name)]
            p = subprocess.run(cmd, capture_output=True, text=True, env=h.env, preexec_fn=small_disk, timeout=60)
            assert p.returncode == 1, (p.returncode, p.stderr)
            assert len(p.stderr.strip().splitlines()) == 1 and name in p.stderr, p.stderr
            assert listing(h) == before, listing(h)
    finally:
        h.close()


if __name__ == '__main__':
    run_tests([(name, func) for name, func in sorted(globals().items()) if name.startswith('test_')])
