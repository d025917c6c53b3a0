#!/usr/bin/env python3
# check-install.py — `meson install` into a temporary folder puts every file where GNOME looks for it
# Run by meson test with the build's prefix and directories.

import argparse
import configparser
import glob
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def main():
    p = argparse.ArgumentParser()
    for opt in ('meson', 'builddir', 'srcdir', 'prefix', 'bindir', 'datadir', 'localedir', 'app-id'):
        p.add_argument('--' + opt, required=True)
    a = p.parse_args()
    problems = []

    with tempfile.TemporaryDirectory(prefix='mizan-install-') as dest:
        run = subprocess.run([a.meson, 'install', '-C', a.builddir, '--no-rebuild', '--quiet', '--destdir', dest],
                             capture_output=True, text=True)
        if run.returncode != 0:
            print('meson install failed:\n' + run.stdout + run.stderr)
            return 1
        root = os.path.join(dest, a.prefix.lstrip('/'))
        bindir = os.path.join(root, a.bindir)
        datadir = os.path.join(root, a.datadir)
        localedir = os.path.join(root, a.localedir)

        expected = [os.path.join(bindir, b) for b in ('mizan', 'mizan-cli')]
        if os.path.exists(os.path.join(a.builddir, 'app', 'server', 'mizan-server')):
            expected.append(os.path.join(bindir, 'mizan-server'))
        expected += [os.path.join(datadir, 'mizan', 'frameworks', os.path.basename(f))
                     for f in glob.glob(os.path.join(a.srcdir, 'data', 'frameworks', '*.json'))]
        # Beside the frameworks, for the loader to check the identifiers they cite.
        expected += [os.path.join(datadir, 'mizan', 'references', os.path.basename(f))
                     for f in glob.glob(os.path.join(a.srcdir, 'data', 'references', '*.json'))]
        with open(os.path.join(a.srcdir, 'po', 'LINGUAS'), encoding='utf-8') as f:
            langs = [w for line in f if not line.startswith('#') for w in line.split()]
        expected += [os.path.join(localedir, lang, 'LC_MESSAGES', 'mizan.mo') for lang in langs]
        desktop = os.path.join(datadir, 'applications', a.app_id + '.desktop')
        metainfo = os.path.join(datadir, 'metainfo', a.app_id + '.metainfo.xml')
        mime = os.path.join(datadir, 'mime', 'packages', a.app_id + '.xml')
        icon = os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', a.app_id + '.svg')
        symbolic = os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps', a.app_id + '-symbolic.svg')
        expected += [desktop, metainfo, mime, icon, symbolic]
        expected += [os.path.join(datadir, 'glib-2.0', 'schemas', os.path.basename(f))
                     for f in glob.glob(os.path.join(a.srcdir, 'data', '*.gschema.xml'))]

        for path in expected:
            if not os.path.isfile(path):
                problems.append('not installed: ' + os.path.relpath(path, dest))
        for path in expected[:2]:
            if os.path.isfile(path) and not os.access(path, os.X_OK):
                problems.append('not executable: ' + os.path.relpath(path, dest))

        # The files must agree with one another: the desktop entry starts an
        # installed binary, shows the installed icon, opens the installed MIME
        # type, and is translated; the metainfo launches that desktop entry.
        if os.path.isfile(desktop):
            entry = configparser.RawConfigParser(interpolation=None)
            entry.optionxform = str
            entry.read(desktop, encoding='utf-8')
            group = entry['Desktop Entry']
            command = group.get('Exec', '').split()[0] if group.get('Exec') else ''
            if not os.path.isfile(os.path.join(bindir, command)):
                problems.append('Exec=%s is not an installed binary' % command)
            if group.get('Icon') != a.app_id:
                problems.append('Icon=%s is not %s' % (group.get('Icon'), a.app_id))
            for lang in langs:
                if 'Name[%s]' % lang not in group or 'Comment[%s]' % lang not in group:
                    problems.append('the desktop entry has no Name/Comment in %s' % lang)
            if os.path.isfile(mime):
                types = {t.get('type') for t in ET.parse(mime).getroot()
                         if t.tag.endswith('mime-type')}
                listed = set(filter(None, group.get('MimeType', '').split(';')))
                if not types or not types <= listed:
                    problems.append('MimeType=%s does not list %s' % (sorted(listed), sorted(types)))
        if os.path.isfile(metainfo):
            component = ET.parse(metainfo).getroot()
            if component.findtext('id') != a.app_id:
                problems.append('metainfo id is not ' + a.app_id)
            if component.findtext('launchable') != a.app_id + '.desktop':
                problems.append('metainfo launchable is not the desktop entry')
            xml_lang = '{http://www.w3.org/XML/1998/namespace}lang'
            for lang in langs:
                if not any(s.get(xml_lang) == lang for s in component.findall('summary')):
                    problems.append('the metainfo has no summary in ' + lang)
        # Before the icon theme's cache knows the app (or outside a prefix GNOME
        # reads), the window and About show the icon the binary carries, under
        # the same name as the desktop entry's Icon=.
        app = os.path.join(bindir, 'mizan')
        if os.path.isfile(app):
            listed = subprocess.run(['gresource', 'list', app], capture_output=True, text=True)
            for kind, name in (('scalable', a.app_id + '.svg'), ('symbolic', a.app_id + '-symbolic.svg')):
                if '/org/comstech/Mizan/icons/%s/apps/%s' % (kind, name) not in listed.stdout.split():
                    problems.append('mizan carries no %s icon named %s in its resources' % (kind, name))
        for lang in langs:
            mo = os.path.join(localedir, lang, 'LC_MESSAGES', 'mizan.mo')
            if os.path.isfile(mo) and os.path.getsize(mo) < 1024:
                problems.append('%s holds almost nothing (%d bytes)' % (os.path.relpath(mo, dest), os.path.getsize(mo)))

        installed = sorted(os.path.relpath(os.path.join(d, f), dest) for d, _, fs in os.walk(dest) for f in fs)
        print('installed %d files:' % len(installed))
        for path in installed:
            print('  ' + path)
    for problem in problems:
        print(problem)
    print('%d problems' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
