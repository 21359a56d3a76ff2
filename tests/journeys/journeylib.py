"""What a journey needs to drive the real Linecard as a person does.

A journey starts the real `linecard-server` (demo data, a temporary folder, a free loopback
port) and the real `linecard` from a fresh home, finds windows by title and widgets by their
accessible names (AT-SPI, as a screen reader does), types and clicks with xdotool (real X
input events), takes a screenshot per step and checks the outcome through the REST API.

Run inside desktop-session.sh (Xvfb, openbox, D-Bus, dunst, AT-SPI). Paths come from the
environment CTest sets: LINECARD_CLIENT, LINECARD_SERVER, LINECARD_PBX_SIM,
LINECARD_SCREENSHOTS.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import pyatspi

DEFAULT_TIMEOUT = 20.0
# The language of the journey's UI: "en" or "ru" (CTest runs some journeys in both).
LANG = os.environ.get("LINECARD_JOURNEY_LANG", "en")


def _load_translations():
    """source → translation from the Russian .ts the app ships (mnemonics kept), and
    (class, source) → translation for a source translated differently in two classes."""
    import xml.etree.ElementTree as ET
    table = {}
    path = os.environ.get("LINECARD_TS_RU")
    if LANG != "ru" or not path:
        return table
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text.rsplit("::", 1)[-1]
        for message in context.iter("message"):
            source, translation = message.find("source"), message.find("translation")
            if source is not None and translation is not None and translation.text:
                table.setdefault(source.text, translation.text)
                table[(name, source.text)] = translation.text
    return table


TRANSLATIONS = _load_translations()


def tr(source, *args, context=None):
    """What the app shows for a source string in the journey's language, as a screen reader
    reads it (no & mnemonics), with %1, %2 … filled in; `context` names the class where two
    classes translate the source differently."""
    text = TRANSLATIONS.get((context, source) if context else source, source).replace("&", "")
    for i, arg in enumerate(args, 1):
        text = text.replace(f"%{i}", str(arg))
    return text


class JourneyFailed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise JourneyFailed(message)


def wait_for(what, probe, timeout=DEFAULT_TIMEOUT, interval=0.1):
    """Polls probe() until it returns something truthy; fails naming `what` otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise JourneyFailed(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the server and its REST API ---------------------------------------------------------

class Server:
    """The real linecard-server with demo data on a free loopback port."""

    def __init__(self, journey):
        self.data_dir = os.path.join(journey.tmp, "server")
        self.log = open(os.path.join(journey.tmp, "server.log"), "w+")
        self.proc = subprocess.Popen(
            [os.environ["LINECARD_SERVER"], "--demo", "--data-dir", self.data_dir,
             "--listen", "127.0.0.1:0"],
            stdout=self.log, stderr=subprocess.STDOUT, text=True)
        journey.processes.append(self.proc)

        def url():
            self.log.seek(0)
            m = re.search(r"listening on (http://\S+)", self.log.read())
            return m and m.group(1).rstrip("/")
        self.url = wait_for("the server to listen", url, timeout=60)
        self.pbx_token = "demo-pbx-token"

    def request(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=10) as reply:
                text = reply.read().decode()
                return reply.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            return e.code, (json.loads(text) if text else None)

    def sign_in(self, login, password):
        status, body = self.request("POST", "/api/v1/auth/login",
                                    {"login": login, "password": password})
        check(status == 200, f"REST sign-in of {login}: {status} {body}")
        return body["token"]

    def get(self, path, token):
        status, body = self.request("GET", path, token=token)
        check(status == 200, f"GET {path}: {status} {body}")
        return body

    def pbx(self, scenario, *args):
        """Plays a PBX scenario with linecard-pbx-sim; returns the PBX call id."""
        out = subprocess.run(
            [os.environ["LINECARD_PBX_SIM"], "--server", self.url, "--token", self.pbx_token,
             scenario, *args], capture_output=True, text=True, timeout=30)
        check(out.returncode == 0, f"pbx-sim {scenario}: {out.stdout}{out.stderr}")
        m = re.search(r"^call (\S+)", out.stdout, re.M)
        return m.group(1) if m else None


# --- the desktop: windows, input, screenshots --------------------------------------------

def xdotool(*args, check_rc=True):
    out = subprocess.run(["xdotool", *map(str, args)], capture_output=True, text=True)
    if check_rc and out.returncode != 0:
        raise JourneyFailed(f"xdotool {' '.join(map(str, args))}: {out.stderr.strip()}")
    return out.stdout.strip()


def windows(pid=None, title=None):
    """Visible top-level windows as {id: title}, of one process and/or matching a title."""
    args = ["search", "--onlyvisible"]
    if pid:
        args += ["--pid", pid]
    args += ["--name", title or "."]
    ids = xdotool(*args, check_rc=False).split()
    found = {}
    for wid in ids:
        name = xdotool("getwindowname", wid, check_rc=False)
        if name:
            found[wid] = name
    return found


def type_text(text):
    xdotool("type", "--delay", "25", text)


def key(*keys):
    xdotool("key", "--delay", "40", *keys)


def move_pointer(x, y):
    """Moves the mouse pointer there and waits until it is. Not when it is there already:
    `xdotool mousemove --sync` then waits for a motion that never comes, for 15 s (a second
    click into the same field took server_sign_in from 4 s to 19 s)."""
    shell = xdotool("getmouselocation", "--shell", check_rc=False)
    where = dict(l.split("=", 1) for l in shell.splitlines() if "=" in l)
    if (where.get("X"), where.get("Y")) != (str(x), str(y)):
        xdotool("mousemove", "--sync", x, y)


def title_under_pointer():
    """The title of the top-level window the mouse pointer is over."""
    shell = xdotool("getmouselocation", "--shell", check_rc=False)
    wid = dict(l.split("=", 1) for l in shell.splitlines() if "=" in l).get("WINDOW")
    if not wid:
        return ""
    # That is the window manager's frame; the application's window is its named child.
    tree = subprocess.run(["xwininfo", "-children", "-id", wid], capture_output=True,
                          text=True).stdout
    named = re.findall(r'^\s+0x[0-9a-f]+ "(.*)": \(', tree, re.M)
    return named[0] if named else xdotool("getwindowname", wid, check_rc=False)


def pixel(path, x, y):
    """The colour at (x, y) of a PNG as '#rrggbb'."""
    out = subprocess.run(["convert", path, "-format", f"%[hex:p{{{x},{y}}}]", "info:"],
                         capture_output=True, text=True, check=True)
    return "#" + out.stdout.strip()[:6].lower()


# --- accessibility: widgets by name and role ---------------------------------------------

ROLE = {
    # Checkable tool buttons (the main window's areas) are check boxes to AT-SPI in Qt 6.4.
    "button": (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX),
    "text": pyatspi.ROLE_TEXT,
    "password": pyatspi.ROLE_PASSWORD_TEXT,
    "label": pyatspi.ROLE_LABEL,
    "frame": pyatspi.ROLE_FRAME,
    "dialog": pyatspi.ROLE_DIALOG,
    "menu item": pyatspi.ROLE_MENU_ITEM,
    "page tab": pyatspi.ROLE_PAGE_TAB,
    "table": pyatspi.ROLE_TABLE,
    "tree table": pyatspi.ROLE_TREE_TABLE,
    "item view": (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_LIST),
    "list": pyatspi.ROLE_LIST,
    "check box": pyatspi.ROLE_CHECK_BOX,
    "radio button": pyatspi.ROLE_RADIO_BUTTON,
    "toggle button": pyatspi.ROLE_TOGGLE_BUTTON,
}
# Views with many rows: their cells are not searched unless asked for.
BIG = {pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST, pyatspi.ROLE_TREE}


def _safe(f, default=None):
    try:
        return f()
    except Exception:  # a widget gone while we looked at it
        return default


def showing(acc):
    # Qt 6.4 never sets "showing" on a tab; its tab bar has it.
    if _safe(acc.getRole) == pyatspi.ROLE_PAGE_TAB:
        acc = _safe(lambda: acc.parent) or acc
    return _safe(lambda: acc.getState().contains(pyatspi.STATE_SHOWING), False)


def walk(acc, depth=0):
    yield acc
    if depth > 30 or _safe(acc.getRole) in BIG:
        return
    for i in range(_safe(lambda: acc.childCount, 0)):
        child = _safe(lambda: acc.getChildAtIndex(i))
        if child is not None:
            yield from walk(child, depth + 1)


def toplevel(acc):
    """The window (frame or dialog) a widget is in."""
    while True:
        parent = _safe(lambda: acc.parent)
        if parent is None or _safe(parent.getRole) == pyatspi.ROLE_APPLICATION:
            return acc
        acc = parent


def extents(acc):
    e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x, e.y, e.width, e.height


def cell_texts(view):
    """The texts of an item view's cells (rows and columns as AT-SPI lists them)."""
    texts = []
    for i in range(_safe(lambda: view.childCount, 0)):
        cell = _safe(lambda: view.getChildAtIndex(i))
        if cell is not None:
            texts.append(_safe(lambda: cell.name, "") or "")
    return texts


def text_of(acc):
    t = _safe(lambda: acc.queryText())
    return t.getText(0, -1) if t else _safe(lambda: acc.name, "")


class App:
    """One running linecard process, seen through AT-SPI and X."""

    def __init__(self, journey, args, lang=LANG, home=None, name="linecard"):
        self.journey = journey
        self.home = home or journey.fresh_home()
        env = dict(os.environ)
        env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local/share"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_STATE_HOME": os.path.join(self.home, ".local/state"),
            "LANG": "ru_RU.UTF-8" if lang == "ru" else "en_US.UTF-8",
            "LANGUAGE": "ru" if lang == "ru" else "en",
            "LC_ALL": "",
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_LOGGING_RULES": "linecard.*.debug=false",
        })
        self.log_path = os.path.join(journey.tmp, f"{name}-{len(journey.processes)}.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([os.environ["LINECARD_CLIENT"], *args], env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.env = env
        journey.processes.append(self.proc)

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def output(self):
        with open(self.log_path) as f:
            return f.read()

    def expect_alive(self, what):
        check(self.alive(), f"linecard exited ({self.proc.returncode}) {what}; its output:\n"
                            + self.output())

    # windows
    def window(self, title_pattern, timeout=DEFAULT_TIMEOUT):
        """Waits for a visible window of this process whose title matches; returns its id."""
        rx = re.compile(title_pattern)

        def probe():
            self.expect_alive(f"while waiting for a window '{title_pattern}'")
            for wid, name in windows(pid=self.pid).items():
                if rx.search(name):
                    return wid
            return None
        return wait_for(f"a window titled /{title_pattern}/ (have: "
                        f"{list(windows(pid=self.pid).values())})", probe, timeout)

    def raise_window(self, wid):
        """Brings a window to the front, as a click on it or Alt+Tab would."""
        xdotool("windowactivate", "--sync", wid)

    def window_title(self, wid):
        return xdotool("getwindowname", wid, check_rc=False)

    def no_window(self, title_pattern, timeout=DEFAULT_TIMEOUT):
        rx = re.compile(title_pattern)
        wait_for(f"no window titled /{title_pattern}/",
                 lambda: not any(rx.search(n) for n in windows(pid=self.pid).values()),
                 timeout)

    def titles(self):
        return list(windows(pid=self.pid).values())

    # accessibility
    def accessible(self, timeout=DEFAULT_TIMEOUT):
        def probe():
            self.expect_alive("while waiting for its accessibility tree")
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                app = _safe(lambda: desktop.getChildAtIndex(i))
                if app is not None and _safe(app.get_process_id) == self.pid:
                    return app
            return None
        return wait_for("linecard on the accessibility bus", probe, timeout)

    def find_all(self, name=None, role=None, within=None, pattern=False):
        roots = [within] if within is not None else [
            w for w in _safe(lambda: list(self.accessible()), []) if showing(w)]
        want = ROLE[role] if isinstance(role, str) else role
        want_roles = None if want is None else (want if isinstance(want, tuple) else (want,))
        rx = re.compile(name) if (pattern and name) else None
        found = []
        for root in roots:
            for acc in walk(root):
                if want_roles is not None and _safe(acc.getRole) not in want_roles:
                    continue
                accname = _safe(lambda: acc.name, "") or ""
                if name is not None:
                    if rx and not rx.search(accname):
                        continue
                    if not rx and accname.replace("&", "") != name:
                        continue
                if showing(acc):
                    found.append(acc)
        return found

    def find(self, name=None, role=None, within=None, pattern=False, timeout=DEFAULT_TIMEOUT):
        try:
            return wait_for(f"a {role or 'widget'} named '{name}'",
                            lambda: (self.find_all(name, role, within, pattern) or [None])[0],
                            timeout, interval=0.2)
        except JourneyFailed as e:
            seen = [_safe(lambda: a.name, "") for a in self.find_all(None, role, within)]
            raise JourneyFailed(f"{e}; {role or 'widget'}s shown: {seen}") from None

    def unnamed_controls(self):
        """Buttons, fields and lists shown without an accessible name: a screen reader
        could only say "button" for them."""
        roles = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                 pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT,
                 pyatspi.ROLE_COMBO_BOX}
        found = []
        for window in _safe(lambda: list(self.accessible()), []):
            if not showing(window):
                continue
            for acc in walk(window):
                if _safe(acc.getRole) in roles and showing(acc) and not _safe(lambda: acc.name):
                    found.append(f"{acc.getRoleName()} at {extents(acc)[:2]} in "
                                 f"{_safe(lambda: acc.parent.getRoleName())}")
        return found

    def expect_named_controls(self, where):
        unnamed = self.unnamed_controls()
        check(not unnamed, f"controls without an accessible name in {where}: {unnamed}")

    def click(self, acc):
        """Clicks the middle of a widget once it can be seen there, as a person does: a
        window that has just appeared may still be placed, or be under another one for a
        moment (a pop-up that gives the keyboard back is raised again right after)."""
        window = _safe(lambda: toplevel(acc).name, "") or ""

        def pointer_on_widget():
            x, y, w, h = extents(acc)
            check(w > 0 and h > 0, f"'{acc.name}' has no area on the screen")
            move_pointer(int(x + w / 2), int(y + h / 2))
            return window in title_under_pointer()
        try:
            wait_for(f"'{acc.name}' uncovered in the window '{window}'", pointer_on_widget,
                     timeout=5)
        except JourneyFailed as e:
            raise JourneyFailed(f"{e}: the pointer is over '{title_under_pointer()}'") from None
        xdotool("click", "1")

    def press(self, name, role="button", **kw):
        self.click(self.find(name, role, **kw))

    def fill(self, name, text, role="text"):
        """Clicks into a field found by its accessible name, replaces its text by typing."""
        field = self.find(name, role)
        self.click(field)
        key("ctrl+a")
        type_text(text)
        return field

    def quit(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --- the journey itself ------------------------------------------------------------------

class Journey:
    def __init__(self, name):
        self.name = name
        self.tmp = tempfile.mkdtemp(prefix=f"journey-{name}-")
        self.shots = os.path.join(os.environ["LINECARD_SCREENSHOTS"],
                                  name if LANG == "en" else f"{name}-{LANG}")
        shutil.rmtree(self.shots, ignore_errors=True)
        os.makedirs(self.shots)
        self.processes = []
        self.step = 0
        self.homes = 0

    def fresh_home(self):
        self.homes += 1
        home = os.path.join(self.tmp, f"home{self.homes}")
        os.makedirs(home)
        return home

    def server(self):
        return Server(self)

    def app(self, *args, **kw):
        return App(self, list(args), **kw)

    def shot(self, label, window=None):
        """A screenshot of the whole screen (or one window) into the journey's folder."""
        self.step += 1
        path = os.path.join(self.shots, f"{self.step:02d}-{label}.png")
        target = window or "root"
        subprocess.run(["import", "-window", target, path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return path

    def finish(self):
        for p in reversed(self.processes):
            if p.poll() is None:
                p.terminate()
        for p in self.processes:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
        if os.environ.get("LINECARD_JOURNEY_KEEP") is None:
            shutil.rmtree(self.tmp, ignore_errors=True)


def run(journeys):
    """Runs the journey named on the command line (one per CTest test)."""
    name = sys.argv[1] if len(sys.argv) > 1 else ""
    if name not in journeys:
        print(f"usage: journeys.py {{{','.join(journeys)}}}", file=sys.stderr)
        sys.exit(2)
    journey = Journey(name)
    started = time.monotonic()
    try:
        journeys[name](journey)
    except Exception:
        journey.shot("failure")
        for log in sorted(os.listdir(journey.tmp)):
            if log.endswith(".log"):
                with open(os.path.join(journey.tmp, log), errors="replace") as f:
                    tail = f.read()[-3000:]
                print(f"--- {log} (last lines) ---\n{tail}", file=sys.stderr)
        print(f"journey {name}: FAILED after {time.monotonic() - started:.1f} s; "
              f"screenshots in {journey.shots}; logs in {journey.tmp}", file=sys.stderr)
        os.environ["LINECARD_JOURNEY_KEEP"] = "1"
        journey.finish()
        raise
    journey.finish()
    print(f"journey {name}: passed in {time.monotonic() - started:.1f} s "
          f"({journey.step} screenshots in {journey.shots})")
