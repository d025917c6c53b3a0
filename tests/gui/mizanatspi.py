# mizanatspi.py — drives the real mizan through the accessibility tree (AT-SPI)
# Shared by the end-to-end tests and build-aux/screenshots.sh: start, find by name, click, type, read.

import ctypes
import ctypes.util
import gettext
import os
import signal
import subprocess
import sys
import time


def hold_display():
    """Keeps one X connection open for the whole run.

    Xvfb resets when its last client goes; at-spi-bus-launcher connects and
    leaves while the app starts, and the app then meets a resetting server
    ("cannot open display"). A client that stays prevents the reset."""
    if not os.environ.get('DISPLAY'):
        return None
    library = ctypes.util.find_library('X11')
    if library is None:
        return None
    xlib = ctypes.cdll.LoadLibrary(library)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    return xlib.XOpenDisplay(None)


_display = hold_display()

import pyatspi  # noqa: E402  (after the display is held)


class Timeout(Exception):
    pass


# The app's own catalogue, so that a test finds a control by the name it has
# in the language the app runs in: T('New Assessment') is 'تقييم جديد' after
# use_language('ar').
_catalog = gettext.NullTranslations()


def use_language(lang, localedir=None):
    """Looks names up in @lang's catalogue of the build (MIZAN_LOCALEDIR); None: English."""
    global _catalog
    if lang is None:
        _catalog = gettext.NullTranslations()
        return
    _catalog = gettext.translation('mizan', localedir or os.environ['MIZAN_LOCALEDIR'], [lang])


def T(msgid, context=None):
    return _catalog.pgettext(context, msgid) if context else _catalog.gettext(msgid)


def locale_env(env, lang):
    """@env made to run the app in @lang: gettext needs a real locale, not C."""
    env = dict(env)
    env['LANGUAGE'] = lang
    env['LC_ALL'] = {'ar': 'ar_EG.UTF-8', 'fr': 'fr_FR.UTF-8'}.get(lang, lang + '.UTF-8')
    env.pop('LANG', None)
    return env


def log(message):
    print('# ' + message, flush=True)


def _on_screen(acc):
    """GTK 4.8 marks every visible widget VISIBLE, even on a hidden stack page,
    and nothing SHOWING; a widget that is not on screen has an empty extent."""
    try:
        extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0
    except NotImplementedError:
        return True
    except Exception:
        return False


# Containers are checked for being on screen (a hidden stack page prunes its
# whole subtree); leaves are not descended into. Each check is a D-Bus call,
# so the walk asks as little as it can.
_CONTAINERS = {'panel', 'filler', 'scroll pane', 'page tab list', 'list', 'dialog', 'frame'}
_LEAVES = {'label', 'image', 'level bar', 'separator', 'scroll bar', 'text', 'entry', 'spin button'}


def _walk(acc, predicate, found, only_showing, limit):
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
            role = child.getRoleName()
        except Exception:
            continue
        if only_showing and role in _CONTAINERS and not _on_screen(child):
            continue
        try:
            if predicate(child, role):
                found.append(child)
                if limit and len(found) >= limit:
                    return
        except Exception:
            pass
        if role not in _LEAVES:
            _walk(child, predicate, found, only_showing, limit)
        if limit and len(found) >= limit:
            return


# GTK 4.8's AT-SPI side can crash when asked about rows it is destroying at that
# moment (a list being refiltered); after an action the tests let it settle.
SETTLE = 0.3


def settle():
    time.sleep(SETTLE)




class App:
    """One running mizan, with the environment the test gives it."""

    def __init__(self, program, env, args=()):
        self.program = program
        self.env = env
        self.args = list(args)
        self.process = None
        self.app = None

    def start(self, timeout=30):
        env = dict(self.env)
        if 'ASAN_OPTIONS' in env:
            # Under the sanitizers, leaks are the widget tests' job: at exit a GTK
            # app driven through AT-SPI holds library allocations (GTK's AT-SPI
            # action lists among them) that LeakSanitizer cannot trace past GLib
            # to suppress. Memory errors still abort the app and fail the test.
            env['ASAN_OPTIONS'] += ':detect_leaks=0:fast_unwind_on_malloc=1'
        self.process = subprocess.Popen([self.program] + self.args, env=env)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('mizan exited at start with %d' % self.process.returncode)
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                try:
                    candidate = desktop.getChildAtIndex(i)
                    if candidate is not None and candidate.name == 'mizan' and \
                            (candidate.get_process_id() == self.process.pid or os.environ.get('MIZAN_ANY_PID')):
                        self.app = candidate
                except Exception:
                    continue
            if self.app is not None and self.find_all(role='frame', timeout=0):
                return self
            time.sleep(0.2)
        raise Timeout('mizan did not show a window within %ds' % timeout)

    # Finding

    def find_all(self, name=None, role=None, timeout=10, prefix=False, only_showing=True, root=None, limit=0):
        deadline = time.time() + timeout
        while True:
            found = []

            def predicate(acc, acc_role):
                if role is not None and acc_role != role:
                    return False
                if name is None:
                    return True
                return acc.name.startswith(name) if prefix else acc.name == name

            _walk(root or self.app, predicate, found, only_showing, limit)
            if found or time.time() >= deadline:
                return found
            time.sleep(0.2)

    def find(self, name=None, role=None, timeout=10, prefix=False, root=None):
        found = self.find_all(name=name, role=role, timeout=timeout, prefix=prefix, root=root, limit=1)
        if not found:
            raise Timeout('nothing named %r (role %r) is showing' % (name, role))
        return found[0]

    def exists(self, name=None, role=None, prefix=False):
        return bool(self.find_all(name=name, role=role, timeout=0, prefix=prefix, limit=1))

    # Controls a person operates; each must tell a screen reader what it is.
    CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'text', 'entry',
                     'spin button', 'combo box', 'page tab', 'slider', 'menu item'}

    def unnamed_controls(self, root=None):
        """On-screen controls without an accessible name, as 'role in window' strings.
        A list item counts when it takes the keyboard focus: GTK 4.8 names no
        GtkListView row, so the app names those it shows (combo rows, lists)."""
        found = self.find_all(role=None, timeout=0, root=root)
        missing = []
        for acc in found:
            try:
                role = acc.getRoleName()
                focusable_item = role == 'list item' and acc.getState().contains(pyatspi.STATE_FOCUSABLE)
                if (role in self.CONTROL_ROLES or focusable_item) and not acc.name.strip():
                    window = self.window_of(acc)
                    missing.append('%s in %r' % (role, window.name if window is not None else '?'))
            except Exception:
                continue
        return missing

    # Acting

    @staticmethod
    def do_action(acc, action_name):
        action = acc.queryAction()
        for i in range(action.nActions):
            if action.getName(i) == action_name:
                if not action.doAction(i):
                    raise RuntimeError('%s refused %s' % (acc.name, action_name))
                settle()
                return
        names = [action.getName(i) for i in range(action.nActions)]
        raise RuntimeError('%r offers no %r action (only %r)' % (acc.name, action_name, names))

    @staticmethod
    def has_action(acc, action_name):
        try:
            action = acc.queryAction()
        except NotImplementedError:
            return False
        return any(action.getName(i) == action_name for i in range(action.nActions))

    @staticmethod
    def window_of(acc):
        """The window (frame, dialog) @acc is in."""
        while acc is not None and acc.getRoleName() not in ('frame', 'dialog', 'alert', 'window'):
            acc = acc.parent
        return acc

    def click(self, name, role=None, prefix=False, timeout=10, root=None):
        """The first match that can be clicked (a menu button's inner button, say)."""
        deadline = time.time() + timeout
        while True:
            for acc in self.find_all(name=name, role=role, prefix=prefix, timeout=0, root=root):
                if self.has_action(acc, 'click'):
                    self.wait_sensitive(acc)
                    self.do_action(acc, 'click')
                    return acc
            if time.time() >= deadline:
                raise Timeout('nothing named %r (role %r) can be clicked' % (name, role))
            time.sleep(0.2)

    @staticmethod
    def set_text(acc, text):
        editable = acc.queryEditableText()
        editable.setTextContents(text)
        settle()

    @staticmethod
    def text(acc):
        text = acc.queryText()
        return text.getText(0, text.characterCount)

    @staticmethod
    def is_pressed(acc):
        states = acc.getState()
        return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)

    @staticmethod
    def is_sensitive(acc):
        return acc.getState().contains(pyatspi.STATE_SENSITIVE)

    def wait_sensitive(self, acc, timeout=10):
        self.wait(lambda: self.is_sensitive(acc), timeout, '%r to become sensitive' % acc.name)

    @staticmethod
    def wait(predicate, timeout=10, what='a condition'):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if predicate():
                    return
            except Exception:
                pass
            time.sleep(0.1)
        raise Timeout('waited %ds for %s' % (timeout, what))

    # Ending

    def close_window(self):
        """What the window's close button does. When it was the last window the
        app may end before its answer to the action reaches us; that is fine."""
        frame = self.find(role='frame')
        try:
            self.do_action(frame, 'window.close')
        except Exception as error:  # noqa: BLE001 — any D-Bus error once the app is gone
            time.sleep(1)
            if self.process.poll() is None and 'disconnected' not in str(error):
                raise

    def wait_exit(self, timeout=15):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Timeout('mizan did not exit within %ds' % timeout)

    def kill(self, sig=signal.SIGKILL):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(10)


def create_assessment(app, organization, country_search, title=None, prepare=None):
    """The New Assessment dialog, filled in as a person would; @prepare
    (given the dialog) sets anything else first, while the keyboard is
    still in the dialog's own fields."""
    app.click(T('New Assessment'), role='push button')
    dialog = app.find(T('New Assessment'), role='frame')
    create = app.find(T('C_reate').replace('_', ''), role='push button', root=dialog)
    if prepare is not None:
        prepare(dialog)
    app.set_text(app.find(T('Name'), role='text', root=dialog), organization)
    app.click(T('Choose the country'), role='push button')
    search = app.find(T('Search countries'), role='entry')
    app.set_text(search, country_search)
    countries = app.find(T('Countries'), role='list')
    app.wait(lambda: countries.childCount >= 1, 10, 'the country list to filter')
    countries.querySelection().selectChild(0)
    settle()
    app.do_action(search, 'activate')
    if title is not None:
        app.set_text(app.find(T('Title'), role='text', root=dialog), title)
    app.wait_sensitive(create)
    app.do_action(create, 'click')
    app.find(T('Questionnaire'), role='page tab', timeout=15)


def answer(app, practice_id, status_label):
    """Clicks the toggle named e.g. 'GOV.1.1: Fully implemented' and waits until it is stored."""
    button = app.click(T('%s: %s') % (practice_id, T(status_label)), role='radio button')
    app.wait(lambda: app.is_pressed(button), 5, '%s to show %s' % (practice_id, status_label))
    return button


def click_at(acc):
    """A real pointer click in the middle of @acc: what check buttons need,
    which offer no action in GTK 4.8 (extents are window-relative, and under
    bare Xvfb the window is at 0,0)."""
    box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    subprocess.run(['xdotool', 'mousemove', str(box.x + box.width // 2), str(box.y + box.height // 2),
                    'click', '1'], check=True)
    settle()


def press_space_on(acc, max_tabs=60):
    """Tabs to @acc (its scrolled window brings it into view) and presses
    Space, as a keyboard user toggles a switch or a check box. Without a
    window manager the keys go to the window under the pointer: the pointer
    rests on @acc's window first. The focus is read afresh after each Tab
    (a cached object's state can lag behind)."""
    window = acc
    while window is not None and window.getRoleName() != 'frame':
        window = window.parent
    box = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    subprocess.run(['xdotool', 'mousemove', str(box.x + 10), str(box.y + 10)], check=True)
    name, role = acc.name, acc.getRoleName()

    def focused():
        found = []
        _walk(window, lambda a, r: r == role and a.name == name and a.getState().contains(pyatspi.STATE_FOCUSED),
              found, False, 1)
        return found

    for _ in range(max_tabs):
        if focused():
            break
        subprocess.run(['xdotool', 'key', 'Tab'], check=True)
        time.sleep(0.1)
    else:
        raise Timeout('%r never took the keyboard focus' % name)
    subprocess.run(['xdotool', 'key', 'space'], check=True)
    settle()


STATUS_LABELS = ['Fully implemented', 'Largely implemented', 'Partially implemented',
                 'Not implemented', 'Not applicable']


def checked_statuses(app, practice_id):
    """The members of a practice's status group that AT-SPI reports checked
    (what a screen reader speaks as "selected"), by their English label."""
    checked = []
    for label in STATUS_LABELS:
        button = app.find(T('%s: %s') % (practice_id, T(label)), role='radio button')
        if button.getState().contains(pyatspi.STATE_CHECKED):
            checked.append(label)
    return checked


def next_capability(app):
    app.click(T('Next capability: %s %s').split('%')[0], role='push button', prefix=True)


def go_to_practice(app, practice_id, max_steps=60):
    """Presses Next until the practice's toggles are on the page."""
    for _ in range(max_steps):
        if app.exists(T('%s: %s') % (practice_id, T('Fully implemented')), role='radio button'):
            return
        next_capability(app)
        time.sleep(0.2)
    raise Timeout('%s not reached with Next' % practice_id)


def screenshot(path):
    """The screen, cut to the windows on it (the empty screen around them is black)."""
    subprocess.run(['import', '-window', 'root', path], check=True)
    subprocess.run(['convert', path, '-bordercolor', 'black', '-border', '1', '-trim', '+repage', path],
                   check=True)
    log('screenshot ' + path)
