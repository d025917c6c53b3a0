#!/usr/bin/env python3
# check-po.py — the translations' checks: POTFILES.in complete, every .po up to date and valid, ar and fr complete
# Usage: check-po.py SRCDIR potfiles | uptodate | msgfmt | complete LANG…   (TAP on stdout)

import os
import re
import subprocess
import sys
import tempfile

# The arguments of meson's i18n.gettext(preset: 'glib'), so that the fresh .pot
# below is the one `ninja mizan-pot` writes.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]
# Files that can hold strings for translators, and the folders they live in.
CANDIDATE = re.compile(r'.*(\.c|\.h|\.ui|\.desktop\.in|\.metainfo\.xml\.in|\.mime\.xml\.in|\.gschema\.xml)$')
SOURCE_DIRS = ['app', 'ui', 'data']


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, good, name, detail=''):
        self.n += 1
        print('%s %d - %s' % ('ok' if good else 'not ok', self.n, name))
        if not good:
            self.failed += 1
            for line in detail.rstrip().splitlines():
                print('# ' + line)

    def end(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


def unquote(s):
    """A PO string literal's content, unescaped."""
    out, i = [], 0
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            out.append(escapes.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read_po(path):
    """Entries of a .po or .pot, obsolete ones left out: a list of dicts with
    msgctxt, msgid, msgid_plural, msgstr (list), fuzzy."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and 'msgid' in entry:
            entries.append(entry)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if line.startswith('#~'):
                continue
            if not line:
                finish()
                entry, field = None, None
                continue
            if entry is None:
                entry = {'msgctxt': None, 'msgid_plural': None, 'msgstr': {}, 'fuzzy': False}
            if line.startswith('#,'):
                entry['fuzzy'] = entry['fuzzy'] or 'fuzzy' in line[2:].replace(',', ' ').split()
                continue
            if line.startswith('#'):
                continue
            m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
            if m:
                if m.group(1) == 'msgid' and 'msgid' in entry:
                    finish()
                    entry = {'msgctxt': None, 'msgid_plural': None, 'msgstr': {}, 'fuzzy': False}
                key = m.group(1)
                if key.startswith('msgstr'):
                    field = ('msgstr', int(m.group(2) or 0))
                    entry['msgstr'][field[1]] = unquote(m.group(3))
                else:
                    field = (key, None)
                    entry[key] = unquote(m.group(3))
            elif line.startswith('"') and field is not None:
                text = unquote(line[1:-1])
                if field[0] == 'msgstr':
                    entry['msgstr'][field[1]] += text
                else:
                    entry[field[0]] += text
    finish()
    return [e for e in entries if e['msgid'] != '' or e['msgctxt'] is not None]


def key(entry):
    return (entry['msgctxt'], entry['msgid'], entry['msgid_plural'])


def show(k):
    ctxt, msgid, plural = k
    text = repr(msgid) + (' / ' + repr(plural) if plural else '')
    return ('[%s] ' % ctxt if ctxt else '') + text


def xgettext(srcdir, files, output):
    run = subprocess.run(['xgettext', '--directory=' + srcdir, '--output=' + output] + XGETTEXT_ARGS + files,
                         capture_output=True, text=True)
    return run.returncode, run.stderr


def potfiles(srcdir):
    path = os.path.join(srcdir, 'po', 'POTFILES.in')
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def linguas(srcdir):
    with open(os.path.join(srcdir, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.startswith('#') for w in line.split()]


def check_potfiles(srcdir, tap):
    listed = potfiles(srcdir)
    missing_files = [p for p in listed if not os.path.isfile(os.path.join(srcdir, p))]
    tap.ok(not missing_files, 'every file POTFILES.in names exists',
           '\n'.join('po/POTFILES.in names %s, which does not exist' % p for p in missing_files))
    tap.ok(len(set(listed)) == len(listed), 'POTFILES.in names each file once',
           '\n'.join(sorted(p for p in set(listed) if listed.count(p) > 1)))

    # xgettext itself decides whether a file has strings for translators, with
    # the same keywords and ITS rules as the real .pot: no regular expression
    # to drift from what gettext extracts.
    unlisted = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'one.pot')
        for top in SOURCE_DIRS:
            for root, dirs, files in os.walk(os.path.join(srcdir, top)):
                dirs.sort()
                for name in sorted(files):
                    rel = os.path.relpath(os.path.join(root, name), srcdir)
                    if not CANDIDATE.match(name) or rel in listed:
                        continue
                    if os.path.exists(out):
                        os.unlink(out)
                    status, err = xgettext(srcdir, [rel], out)
                    if status != 0:
                        unlisted.append('%s: xgettext failed: %s' % (rel, err.strip()))
                    elif os.path.exists(out) and read_po(out):
                        unlisted.append('%s has %d strings for translators but is not in po/POTFILES.in'
                                        % (rel, len(read_po(out))))
    tap.ok(not unlisted, 'every file with strings for translators is in POTFILES.in', '\n'.join(unlisted))


def fresh_pot(srcdir, tmp):
    pot = os.path.join(tmp, 'fresh.pot')
    status, err = xgettext(srcdir, potfiles(srcdir), pot)
    if status != 0:
        raise SystemExit('xgettext failed:\n' + err)
    return read_po(pot)


def check_uptodate(srcdir, tap):
    with tempfile.TemporaryDirectory() as tmp:
        pot = {key(e) for e in fresh_pot(srcdir, tmp)}
    tap.ok(len(pot) > 0, 'the sources have strings for translators (%d)' % len(pot))
    # The sets of messages, not the files, are compared: line numbers,
    # comments and wrapping change with every edit and do not matter.
    for lang in linguas(srcdir):
        po = {key(e) for e in read_po(os.path.join(srcdir, 'po', lang + '.po'))}
        new, gone = sorted(pot - po, key=str), sorted(po - pot, key=str)
        detail = ''.join('not in %s.po: %s\n' % (lang, show(k)) for k in new)
        detail += ''.join('in %s.po but no longer in the sources: %s\n' % (lang, show(k)) for k in gone)
        if detail:
            detail += ('update it: ninja -C build mizan-pot mizan-update-po, then translate what is new'
                       ' (%d new, %d gone)\n' % (len(new), len(gone)))
        tap.ok(not detail, '%s.po has exactly the messages of a fresh .pot' % lang, detail)


def msgfmt(path):
    run = subprocess.run(['msgfmt', '--check', '--check-accelerators=_', '--statistics',
                          '--output-file=/dev/null', path], capture_output=True, text=True)
    return run.returncode, run.stderr


def check_msgfmt(srcdir, tap):
    for lang in linguas(srcdir):
        status, err = msgfmt(os.path.join(srcdir, 'po', lang + '.po'))
        tap.ok(status == 0, 'msgfmt --check %s.po' % lang, err)


def check_complete(srcdir, langs, tap):
    for lang in langs:
        path = os.path.join(srcdir, 'po', lang + '.po')
        status, err = msgfmt(path)
        untranslated = re.search(r'(\d+) untranslated', err)
        fuzzy = re.search(r'(\d+) fuzzy', err)
        tap.ok(status == 0 and not untranslated and not fuzzy,
               '%s.po is complete: %s' % (lang, err.strip().splitlines()[-1] if err.strip() else '?'), err)


def main():
    if len(sys.argv) < 3:
        print('usage: check-po.py SRCDIR potfiles|uptodate|msgfmt|complete LANG…', file=sys.stderr)
        return 2
    srcdir, what = sys.argv[1], sys.argv[2]
    tap = Tap()
    if what == 'potfiles':
        check_potfiles(srcdir, tap)
    elif what == 'uptodate':
        check_uptodate(srcdir, tap)
    elif what == 'msgfmt':
        check_msgfmt(srcdir, tap)
    elif what == 'complete':
        check_complete(srcdir, sys.argv[3:], tap)
    else:
        print('unknown check: ' + what, file=sys.stderr)
        return 2
    return tap.end()


if __name__ == '__main__':
    sys.exit(main())
