#!/usr/bin/env python3
# test-languages.py — the real mizan in Arabic and in French shows no English anywhere, and Arabic mirrors
# Visits every page, reads the whole accessibility tree, and looks for the English of every message of a fresh .pot.

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import shutil
import gettext
import glob

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import mizanatspi as m  # noqa: E402
from mizanatspi import T  # noqa: E402

SRCDIR = os.path.dirname(os.path.dirname(HERE))
LANGUAGES = ['ar', 'fr']
DIRECTIVE = re.compile(r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\*|\.\d+)?(?:l|ll|z|<PRI[a-z0-9]+>)?[a-zA-Z]|%<[A-Za-z0-9_]+>')


def load_check_po():
    spec = importlib.util.spec_from_file_location('check_po', os.path.join(SRCDIR, 'tests', 'package', 'check-po.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class English:
    """What would be English on screen: every message of a fresh .pot whose
    translation differs from it, the framework's English texts, and the
    English names of countries."""

    def __init__(self, lang):
        check_po = load_check_po()
        with tempfile.TemporaryDirectory() as tmp:
            messages = check_po.fresh_pot(SRCDIR, tmp)
        catalog = gettext.translation('mizan', os.environ['MIZAN_LOCALEDIR'], [lang])
        self.exact = set()
        self.patterns = []
        for message in messages:
            for msgid in filter(None, (message['msgid'], message['msgid_plural'])):
                if message['msgctxt']:
                    translated = catalog.pgettext(message['msgctxt'], msgid)
                elif message['msgid_plural']:
                    translated = catalog.ngettext(message['msgid'], message['msgid_plural'],
                                                  1 if msgid == message['msgid'] else 5)
                else:
                    translated = catalog.gettext(msgid)
                if translated == msgid:
                    continue       # the same in this language: "Score", "COMSTECH", "%s %s"
                self.add_message(msgid)
        self.add_framework(lang)
        self.add_countries(lang)
        self.add_toolkit(lang)

    def add_message(self, msgid):
        # A mnemonic's underscore is not part of the accessible name.
        for text in {msgid, re.sub(r'_(?=\w)', '', msgid)}:
            self.add(text)

    def add(self, text):
        literal = DIRECTIVE.split(text.replace('%%', '%'))
        words = re.findall(r'[A-Za-z]{3,}', ' '.join(literal))
        if not words:
            return         # nothing English in it: "%u/%u", "%s (%s)"
        if len(literal) == 1:
            self.exact.add(text.strip())
        else:
            regex = '.*?'.join(re.escape(part) for part in literal)
            self.patterns.append((max(words, key=len), re.compile(regex, re.S), text))

    def add_framework(self, lang):
        with open(os.path.join(os.environ['MIZAN_FRAMEWORKS_DIR'], 'oic-ccmm.json'), encoding='utf-8') as f:
            framework = json.load(f)

        def visit(node):
            if isinstance(node, dict):
                if 'en' in node and isinstance(node['en'], str) and lang in node and node[lang] != node['en']:
                    self.exact.add(node['en'].strip())
                for value in node.values():
                    visit(value)
            elif isinstance(node, list):
                for value in node:
                    visit(value)
        visit(framework)

    def add_countries(self, lang):
        with open('/usr/share/iso-codes/json/iso_3166-1.json', encoding='utf-8') as f:
            countries = json.load(f)['3166-1']
        iso = gettext.translation('iso_3166-1', '/usr/share/locale', [lang], fallback=True)
        for country in countries:
            if iso.gettext(country['name']) != country['name']:
                self.exact.add(country['name'])

    def add_toolkit(self, lang):
        """libadwaita's English (the msgids of any of its catalogues): its About and
        Preferences windows must speak the language too, through the system's
        catalogue or, where the system has none, Mizan's (po/toolkit/)."""
        english = set()
        for path in glob.glob('/usr/share/locale/*/LC_MESSAGES/libadwaita.mo'):
            with open(path, 'rb') as f:
                english |= {k for k in gettext.GNUTranslations(f)._catalog if isinstance(k, str) and k}
        catalog = None
        for localedir in ('/usr/share/locale', os.path.join(os.environ['MIZAN_LOCALEDIR'], 'toolkit')):
            if catalog is None and gettext.find('libadwaita', localedir, [lang]):
                catalog = gettext.translation('libadwaita', localedir, [lang])
        for msgid in english:
            # Left as it is in a catalogue: a name, the same in both languages.
            if catalog is None or catalog.gettext(msgid) != msgid:
                self.add_message(msgid)

    def find(self, text):
        """The English message @text shows, or None."""
        text = text.strip()
        if not text:
            return None
        # A label may join several messages; each piece is looked at too.
        for piece in [text] + [p.strip() for p in re.split(r' · |\n', text) if p.strip()]:
            piece = piece.strip('\u200e\u200f')
            if piece in self.exact:
                return piece
            for word, regex, msgid in self.patterns:
                if word in piece and regex.fullmatch(piece):
                    return msgid
        return None


def texts_on_screen(app, root=None):
    """(role, text) of every accessible showing: names, descriptions, label text."""
    # Each question is a D-Bus round trip: a label's name is its text, and
    # containers have neither a description nor text.
    out = []
    for acc in app.find_all(role=None, timeout=0, root=root):
        try:
            role = acc.getRoleName()
            name = acc.name
            out.append((role, name))
            if role in ('panel', 'filler', 'scroll pane', 'list', 'table'):
                continue
            if role != 'label':
                out.append((role, acc.description))
            if role in ('text', 'entry') or (role == 'label' and not name):
                out.append((role, app.text(acc)))
        except Exception:
            continue
    return out


class Visit:
    def __init__(self, lang):
        self.lang = lang
        self.english = English(lang)
        self.tmp = tempfile.mkdtemp(prefix='mizan-lang-')
        env = dict(os.environ)
        env['XDG_DATA_HOME'] = os.path.join(self.tmp, 'data')
        env['XDG_CONFIG_HOME'] = os.path.join(self.tmp, 'config')
        # Every window button GTK can show, so that all their descriptions are read.
        os.makedirs(os.path.join(self.tmp, 'config', 'gtk-4.0'))
        with open(os.path.join(self.tmp, 'config', 'gtk-4.0', 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-decoration-layout=menu:minimize,maximize,close\n')
        env['GTK_A11Y'] = 'atspi'
        env['GSETTINGS_BACKEND'] = 'memory'
        env.pop('NO_AT_BRIDGE', None)
        self.env = m.locale_env(env, lang)
        m.use_language(lang)
        self.app = None
        self.results = []

    def check(self, page, root=None):
        """One TAP result: no English on @page."""
        found = []
        for role, text in texts_on_screen(self.app, root):
            msgid = self.english.find(text or '')
            if msgid is not None:
                found.append('%s %r is English (%r)' % (role, text, msgid))
        self.results.append((not found, '%s: no English on %s' % (self.lang, page), sorted(set(found))))

    def expect(self, good, description, detail=()):
        self.results.append((good, '%s: %s' % (self.lang, description), list(detail)))

    def centre_x(self, acc):
        extents = acc.queryComponent().getExtents(m.pyatspi.WINDOW_COORDS)
        return extents.x + extents.width / 2

    def run(self):
        app = self.app = m.App(os.environ['MIZAN'], self.env).start()
        app.find(T('No Assessments Yet'), role='label')
        self.check('the empty start page')

        # Mirroring: the header bar's start is on the right in Arabic.
        frame = app.find(role='frame')
        width = frame.queryComponent().getExtents(m.pyatspi.WINDOW_COORDS).width
        new = app.find(T('New Assessment'), role='push button')
        on_right = self.centre_x(new) > width / 2
        self.expect(on_right == (self.lang == 'ar'),
                    'the New Assessment button is on the %s' % ('right' if self.lang == 'ar' else 'left'),
                    ['its centre is at x=%d of %d' % (self.centre_x(new), width)])

        app.click(T('Main Menu'), role='push button')
        app.find(T('_Preferences').replace('_', ''), timeout=10)
        self.check('the main menu')
        subprocess.run(['xdotool', 'key', 'Escape'], check=False)
        m.settle()

        app.click(T('New Assessment'), role='push button')
        dialog = app.find(T('New Assessment'), role='frame')
        self.check('the New Assessment dialog', dialog)
        app.set_text(app.find(T('Name'), role='text', root=dialog), 'Test')
        app.click(T('Choose the country'), role='push button')
        search = app.find(T('Search countries'), role='entry')
        self.check('the country chooser')
        app.set_text(search, 'PAK')
        countries = app.find(T('Countries'), role='list')
        app.wait(lambda: countries.childCount >= 1, 10, 'the country list to filter')
        countries.querySelection().selectChild(0)
        m.settle()
        app.do_action(search, 'activate')
        iso = gettext.translation('iso_3166-1', '/usr/share/locale', [self.lang])
        pakistan = iso.gettext('Pakistan')
        self.expect(app.exists(pakistan, role='label'),
                    'the chosen country shows as %r (iso-codes)' % pakistan)
        self.check('the New Assessment dialog, filled in', dialog)
        create = app.find(T('C_reate').replace('_', ''), role='push button', root=dialog)
        app.wait_sensitive(create)
        app.do_action(create, 'click')

        app.find(T('Questionnaire'), role='page tab', timeout=15)
        m.answer(app, 'GOV.1.1', 'Fully implemented')
        app.find(T('Saved'), role='label')
        self.check('the questionnaire')
        expander = app.find(T('%s: Guidance') % 'GOV.1.1', role='push button')
        app.do_action(expander, 'activate')
        self.check('the questionnaire with guidance open')
        m.next_capability(app)
        self.check('the next capability')

        app.click(T('Search practices'), role='push button')
        app.set_text(app.find(T('Search practices'), role='entry'), 'zzzz-nothing')
        app.find(T('No Matching Practices'), role='label')
        self.check('a search that finds nothing')
        app.click(T('Search practices'), role='push button')

        app.click(T('Results'), role='page tab')
        label = app.find(T('%s: %s') % (T('Maturity index'), ''), role='label', prefix=True)
        shown = app.text(label)
        decimal = ',' if self.lang == 'fr' else '.'
        self.expect(re.fullmatch(r'\d+' + re.escape(decimal) + r'\d\d', shown) is not None,
                    'the maturity index is written with %r as decimal separator' % decimal, ['shown: %r' % shown])
        self.check('the results')

        app.click(T('Roadmap'), role='page tab')
        # A loaded machine may take long to lay the roadmap out: waits are generous.
        app.find(T('Next'), role='label', timeout=60)
        self.check('the roadmap')

        app.click(T('Compare'), role='page tab')
        app.find(T('Nothing to Compare With Yet'), role='label', timeout=60)
        self.check('the comparison, with nothing to compare yet')

        app.click(T('Back to all assessments'), role='push button')
        app.find(T('Assessments'), role='label', timeout=10)
        self.check('the start page with an assessment')

        for item, what in (('_Preferences', 'the preferences'), ('_Keyboard Shortcuts', 'the keyboard shortcuts'),
                           ('_About Mizan', 'the About window')):
            app.click(T('Main Menu'), role='push button')
            app.click(T(item).replace('_', ''))
            window = app.find_all(role='frame', timeout=5)[-1]
            app.wait(lambda: len(app.find_all(role=None, timeout=0, root=window)) > 3, 10, what + ' to fill')
            self.check(what, window)
            app.do_action(window, 'window.close')

    def finish(self):
        if self.app is not None:
            self.app.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def main():
    number = 0
    failed = False
    for lang in LANGUAGES:
        visit = Visit(lang)
        try:
            visit.run()
        except Exception as error:  # noqa: BLE001 — a step that cannot go on is one failure
            visit.results.append((False, '%s: visit every page' % lang, ['%s: %s' % (type(error).__name__, error)]))
        finally:
            visit.finish()
        for good, description, detail in visit.results:
            number += 1
            print('%s %d - %s' % ('ok' if good else 'not ok', number, description), flush=True)
            for line in detail:
                print('# ' + line, flush=True)
            failed = failed or not good
    print('1..%d' % number)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
