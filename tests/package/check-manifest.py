#!/usr/bin/env python3
# check-manifest.py — the Flatpak manifest parses, names the app and its command, and asks for no more than it needs
# Usage: check-manifest.py MANIFEST.json APP-ID

import json
import sys

# What Mizan needs (flatpak/README.md says why); anything else is a failure.
ALLOWED = {'--share=ipc', '--share=network', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}


def main():
    path, app_id = sys.argv[1:3]
    problems = []
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('%s: %s' % (path, e))
        return 1

    def want(cond, message):
        if not cond:
            problems.append(message)

    want(manifest.get('app-id', manifest.get('id')) == app_id, 'app-id is not %s' % app_id)
    want(manifest.get('command') == 'mizan', 'command is not mizan')
    want(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
         'runtime/sdk are not the GNOME Platform and Sdk')
    want(isinstance(manifest.get('runtime-version'), str), 'no runtime-version')
    args = manifest.get('finish-args', [])
    for arg in args:
        want(arg in ALLOWED, 'finish-arg %s is wider than Mizan needs' % arg)
    for needed in ('--socket=wayland', '--socket=fallback-x11', '--device=dri', '--share=network'):
        want(needed in args, 'finish-args lack %s' % needed)
    modules = manifest.get('modules', [])
    want(isinstance(modules, list) and modules and isinstance(modules[-1], dict), 'no modules')
    if modules and isinstance(modules[-1], dict):
        app = modules[-1]
        want(app.get('name') == 'mizan' and app.get('buildsystem') == 'meson',
             'the last module is not mizan built with meson')
        opts = app.get('config-opts', [])
        want('-Dtests=false' in opts, 'mizan is built with its test suite (-Dtests=false is missing)')
        devel = app_id.endswith('.Devel')
        want(('-Dprofile=development' in opts) == devel,
             'the development profile is %s' % ('missing' if devel else 'set in a release manifest'))
    for module in modules:
        if not isinstance(module, dict):
            continue
        for source in module.get('sources', []):
            if source.get('type') in ('archive', 'file'):
                urls = [source.get('url', '')] + source.get('mirror-urls', [])
                want(all(url.startswith('https://') for url in urls) and len(source.get('sha256', '')) == 64,
                     '%s: a download without https or sha256' % module.get('name'))
    for problem in problems:
        print(problem)
    print('%s: %d problems' % (path, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
