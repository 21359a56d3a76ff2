#!/usr/bin/python3
"""The journeys a person takes through the real Linecard (one CTest test each).

Run one: desktop-session.sh /usr/bin/python3 journeys.py NAME (CTest does this).
"""
import os
import re
import subprocess
import time

import pyatspi

from journeylib import cell_texts, check, key, pixel, run, text_of, tr, type_text, wait_for

# Demo accounts (server/demo/demoseeder.cpp): every password is "<login>-demo-pass".
OLGA = ("olga", "olga-demo-pass")
OPERATOR_TITLE = r"Ольга"
RINGING = re.escape(tr("Incoming call — ringing"))


SIGN_IN = r"(?i:sign in|вход)"


def quoted(name):
    return tr("“%1”", name)


def main_window(app, who=r"."):
    """Waits for the main window (not the sign-in dialog) of the user named `who`."""
    return app.window(rf"^(?!.*({SIGN_IN})).*{who}", timeout=60)


def sign_in_through_dialog(app, login, password, who):
    """The sign-in dialog is shown: types login and password, presses Enter, waits for the
    main window of `who`."""
    app.window(SIGN_IN)
    app.fill(tr("Login:"), login)
    app.fill(tr("Password:"), password, role="password")
    key("Return")
    return main_window(app, who)


def signed_in_operator(j, server):
    """Ольга, signed in through the dialog from a fresh home."""
    app = j.app("--server", server.url, "--login", OLGA[0])
    app.window(SIGN_IN)
    app.fill(tr("Password:"), OLGA[1], role="password")
    key("Return")
    main_window(app, OPERATOR_TITLE)
    return app


def first_start_local(j):
    """First start with nothing set up → "Open the local workspace" → the main window."""
    app = j.app()
    app.window(SIGN_IN)
    j.shot("sign-in-dialog")
    app.press(tr("Open the &local workspace"))
    main_window(app)
    main = app.find(role="frame")
    check(main is not None, "a main window frame")
    time.sleep(2)
    app.expect_alive("after opening the local workspace")
    j.shot("main-window")
    # A second start resumes the workspace without asking again.
    app.quit()
    again = j.app(home=app.home)
    main_window(again)
    check(not any(re.search(SIGN_IN, t) for t in again.titles()),
          f"the second start asked again: {again.titles()}")
    j.shot("second-start")


def server_sign_in(j):
    """An operator signs in to a server through the dialog; a wrong password first."""
    server = j.server()
    app = j.app("--server", server.url, "--login", OLGA[0])
    app.window(SIGN_IN)
    app.fill(tr("Password:"), "not-her-password", role="password")
    key("Return")
    error = app.find(tr("Wrong login or password."), role="label")
    j.shot("wrong-password")
    app.expect_alive("after a wrong password")
    check(error is not None, "an error shown for the wrong password")
    app.fill(tr("Password:"), OLGA[1], role="password")
    key("Return")
    main_window(app, OPERATOR_TITLE)
    time.sleep(1)
    app.expect_alive("after signing in")
    j.shot("main-window")
    app.expect_named_controls("the main window")
    app.quit()
    # The next start resumes the session without the dialog.
    again = j.app(home=app.home)
    main_window(again, OPERATOR_TITLE)
    check(not any(re.search(SIGN_IN, t) for t in again.titles()), f"asked again: {again.titles()}")
    j.shot("resumed")


def sign_out_and_switch_user(j):
    """Sign out from the account menu, sign in again as another user: that user's window."""
    server = j.server()
    app = signed_in_operator(j, server)
    app.press("Ольга Операторова")  # the account button opens its menu
    key("Down", "Return")  # an operator's menu: Sign out, Quit (Qt 6.4 shows no menus on AT-SPI)
    app.window(SIGN_IN)
    j.shot("signed-out")
    app.expect_alive("after signing out")
    sign_in_through_dialog(app, "denis", "denis-demo-pass", r"Denis Field")
    check(not any(OPERATOR_TITLE in t for t in app.titles()),
          f"Ольга's window is still open: {app.titles()}")
    j.shot("denis-window")
    time.sleep(1)
    app.expect_alive("after signing in as another user")


def contact_sign_in(j):
    """A contact with access signs in: the simplified interface, only its own tasks."""
    server = j.server()
    token = server.sign_in("client", "client-demo-pass")
    me = server.get("/api/v1/me", token)
    tasks = server.get("/api/v1/tasks?limit=200&status=all", token)["items"]
    app = j.app("--server", server.url, "--login", "client")
    app.window(SIGN_IN)
    app.fill(tr("Password:"), "client-demo-pass", role="password")
    key("Return")
    main_window(app, me["name"])
    table = app.find(role="table")
    rows = wait_for("the contact's task list", lambda: table.queryTable().nRows or None)
    j.shot("contact-window")
    for area in (tr("&Contacts"), tr("C&alls")):
        check(not app.find_all(area, role="button"), f"a contact sees the {area} area")
    check(rows <= len(tasks), f"the contact's list shows {rows} rows, REST gives {len(tasks)}")
    names = {table.queryTable().getAccessibleAt(r, 0).name for r in range(rows)}
    titles = {t["title"] for t in tasks}
    check(names <= titles, f"rows that are not the contact's tasks: {names - titles}")


def open_first_task(app):
    """Opens the first task of the list with the mouse (and Enter) and returns its composer."""
    table = app.find(role="table")
    wait_for("tasks in the list", lambda: table.queryTable().nRows or None)
    app.click(table.queryTable().getAccessibleAt(0, 0))
    key("Return")
    return app.find(tr("Comment"), role="text")


def ring(server, *args):
    return server.pbx("ring", *args)


def known_caller(server, token, skip=0):
    """A demo contact (not a company) with a phone number: (contact, number)."""
    contacts = server.get("/api/v1/contacts?limit=100", token)["items"]
    people = [c for c in contacts if not c["isCompany"] and c["phones"]]
    contact = people[skip]
    return contact, contact["phones"][0]["number"]


def active_call(server, token, external_id):
    for item in server.get("/api/v1/calls?state=all", token)["items"]:
        call = item.get("call", item)
        if call["externalId"] == external_id:
            return item
    raise AssertionError(f"no call {external_id} through REST")


def call_windows(app, main_title):
    return [t for t in app.titles() if main_title not in t]


def incoming_call_while_typing(j):
    """A call pops the card while the operator types: the text stays where it was typed,
    the window has the line's colour; a group ring answered by a colleague closes it."""
    server = j.server()
    token = server.sign_in(*OLGA)
    app = signed_in_operator(j, server)
    composer = open_first_task(app)
    app.click(composer)
    type_text("Hello, wor")
    contact, number = known_caller(server, token)
    call_id = ring(server, "--ext", "101", "--phone", number)
    wid = app.window(RINGING)
    check(contact["name"] in app.window_title(wid), f"{contact['name']} in the call window's title")
    type_text("ld")
    j.shot("ringing-while-typing")
    app.expect_named_controls("the call window and the task behind it")
    wait_for("the typed text in the composer",
             lambda: "Hello, world" in (composer.queryText().getText(0, -1) or ""), timeout=5)
    # The header is painted in the colour of the call's line.
    item = active_call(server, token, call_id)
    call = item.get("call", item)
    lines = {l["id"]: l for l in server.get("/api/v1/lines", token)["items"]}
    colour = lines[call["lineId"]]["color"].lower()
    shot = j.shot("call-window", window=wid)
    check(pixel(shot, 4, 4) == colour, f"header {pixel(shot, 4, 4)}, line colour {colour}")
    server.pbx("hangup", "--callid", call_id, "--ext", "101")
    # A group ring that a colleague answers closes the operator's window.
    group = ring(server, "--ext", "101,102", "--phone", "+79161110022")
    app.window(RINGING)
    j.shot("group-ringing")
    server.pbx("answer", "--callid", group, "--answer", "102", "--ext", "101,102")
    app.no_window(RINGING, timeout=10)
    j.shot("group-answered-by-colleague")


def call_window_actions(j):
    """From the call window: attach the call to a task through the picker, open a new task,
    merge the caller with a duplicate record — each checked through the REST API."""
    server = j.server()
    token = server.sign_in(*OLGA)
    contact, number = known_caller(server, token)
    status, task = server.request("POST", "/api/v1/tasks", {
        "title": "Journey: the call goes here", "counterpartyId": contact["id"]}, token)
    check(status == 201, f"create the target task: {status} {task}")
    status, duplicate = server.request("POST", "/api/v1/contacts", {
        "name": "Zoe Journeyduplicate",
        "phones": [{"number": "+79035550101", "type": "mobile"}]}, token)
    check(status == 201, f"create the duplicate: {status} {duplicate}")

    app = signed_in_operator(j, server)
    call_id = ring(server, "--ext", "101", "--phone", number)
    app.window(RINGING)
    # At once, as a fast operator does: the click that activates the pop-up is taken.

    # Attach the call to a task chosen in the picker.
    app.press(tr("&Attach to a task…"))
    picker = app.window(re.escape(tr("Attach the call to a task")))
    app.fill(tr("Find a task"), "Journey: the call goes here")
    results = app.find(role="list", within=app.find(role="dialog"))
    wait_for("the task in the picker", lambda: results.childCount == 1, timeout=10)
    app.click(results.getChildAtIndex(0))
    j.shot("task-picker", window=picker)
    app.press(tr("&Attach here"))
    wait_for("the call attached through REST", lambda: active_call(
        server, token, call_id).get("attachTaskId") == task["id"], timeout=10)
    j.shot("attached")

    # A new task from the card, with the caller as counterparty.
    app.press(tr("New &task"))
    key("Down", "Return")  # With this contact as counterparty
    app.window("^" + re.escape(tr("New task")))
    app.fill(tr("&Title:"), "Journey: a task opened from a call")
    key("Return")

    def created():
        tasks = server.get(f"/api/v1/tasks?contactId={contact['id']}&status=all&limit=100",
                           token)["items"]
        return any(t["title"] == "Journey: a task opened from a call" for t in tasks)
    wait_for("the new task through REST", created, timeout=10)
    j.shot("new-task")

    # Merge the duplicate record into the caller's.
    app.press(tr("&Merge…"))
    merge = app.window(re.escape(tr("Merge %1 with another contact", quoted(contact["name"]))))
    app.fill(tr("Find a contact"), "Journeyduplicate")
    dialog = app.find(role="dialog")
    found = app.find(role="list", within=dialog)
    wait_for("the duplicate in the merge picker", lambda: found.childCount >= 1, timeout=10)
    app.click(found.getChildAtIndex(0))
    app.press(tr("&Next >"))
    # The caller's record stays; the duplicate goes into it.
    app.press(tr("Keep %1 and merge %2 into it", quoted(contact["name"]),
                 quoted(duplicate["name"])), role="radio button")
    j.shot("merge-confirm", window=merge)
    app.press(tr("&Merge into %1", quoted(contact["name"])))

    def merged():
        status, body = server.request("GET", f"/api/v1/contacts/{duplicate['id']}", token=token)
        return status == 404 or (status == 200 and body.get("mergedInto")) or \
            (status == 200 and body.get("id") != duplicate["id"])
    wait_for("the duplicate merged through REST", merged, timeout=10)
    j.shot("merged")
    server.pbx("hangup", "--callid", call_id, "--ext", "101")


def tel_link_dials(j):
    """`linecard tel:…` while one runs: the running one offers to dial; the PBX gets it."""
    server = j.server()
    admin = server.sign_in("admin", "admin-demo-pass")
    listener = subprocess.Popen([os.environ["LINECARD_PBX_SIM"], "listen", "--port", "0",
                                 "--once"], stdout=subprocess.PIPE, text=True)
    j.processes.append(listener)
    port = re.search(r":(\d+)", listener.stdout.readline()).group(1)
    providers = server.get("/api/v1/telephony/providers", admin)["items"]
    demo = next(p for p in providers if p.get("format", "planfix") == "planfix")
    status, body = server.request("PATCH", f"/api/v1/telephony/providers/{demo['id']}",
                                  {"pbxUrl": f"http://127.0.0.1:{port}/"}, admin)
    check(status == 200, f"point the provider at the listener: {status} {body}")

    app = signed_in_operator(j, server)
    second = subprocess.run([os.environ["LINECARD_CLIENT"], "tel:+7%20916%20555-01-23"],
                            env=app.env, capture_output=True, text=True, timeout=30)
    check(second.returncode == 0, f"the second start: {second.returncode} {second.stderr}")
    offer = app.window(re.escape(tr("Call a number")))
    j.shot("dial-offer", window=offer)
    app.press(tr("&Call"))
    line = listener.stdout.readline()
    check("79165550123" in line, f"the PBX was asked to dial +79165550123: {line!r}")
    j.shot("dialled")


def missed_call_notified(j):
    """A missed call: a desktop notification (dunst) and a row in Calls → Missed."""
    server = j.server()
    token = server.sign_in(*OLGA)
    contact, number = known_caller(server, token, skip=1)
    app = signed_in_operator(j, server)
    main = main_window(app, OPERATOR_TITLE)
    time.sleep(1)  # the tray icon registers with the desktop
    server.pbx("missed", "--ext", "101", "--phone", number)

    def notified():
        with open(os.environ["LINECARD_JOURNEY_NOTIFICATIONS"]) as f:
            out = f.read()  # what dunst printed of each notification it showed
        return tr("Missed call") in out and contact["name"] in out
    wait_for("dunst to show the missed call", notified, timeout=10)
    j.shot("notification")
    app.raise_window(main)
    app.press(tr("C&alls"))
    app.press("^" + re.escape(tr("Missed (%1)", 1)), role="page tab", pattern=True)
    wait_for("the missed call in the list", lambda: any(
        contact["name"] in text for view in app.find_all(role="item view")
        for text in cell_texts(view)), timeout=10)
    j.shot("calls-missed")
    app.expect_named_controls("the Calls area")


def account_menu(app, who, downs):
    """Opens the account menu (the button with the user's name) and picks the item `downs`
    entries down (Qt 6.4 shows no menus on AT-SPI: the keyboard it is)."""
    app.press(who)
    key(*(["Down"] * downs), "Return")


# An administrator's account menu: Account settings, Integration log, Administration,
# Set-up steps, Sign out, Quit.
ADMINISTRATION, ADMIN_SIGN_OUT = 3, 5


def administrator_sets_up_a_line(j):
    """Issue 15: the administrator, in the UI only, adds a line with its colour, connects a
    PBX and adds an operator with extension 150; the PBX (pbx-sim with the token the UI
    showed) rings 150; the new operator, signed in through the dialog, gets the pop-up in the
    line's colour."""
    server = j.server()
    admin_token = server.sign_in("admin", "admin-demo-pass")
    admin_name = server.get("/api/v1/me", admin_token)["name"]
    app = j.app("--server", server.url, "--login", "admin")
    app.window(SIGN_IN)
    app.fill(tr("Password:"), "admin-demo-pass", role="password")
    key("Return")
    main = main_window(app, admin_name)
    account_menu(app, admin_name, ADMINISTRATION)
    admin = app.window("^" + re.escape(tr("Administration")))

    # A line with its colour.
    app.press(tr("&Lines"), role="page tab")
    app.press(tr("Add line"))
    line_dialog = app.window("^" + re.escape(tr("Add a line")))
    app.fill(tr("Number"), "+7 495 777-15-00")
    app.fill(tr("Line name"), "Journey line")
    app.fill(tr("Colour"), "#8e24aa")
    j.shot("line-dialog", window=line_dialog)
    app.press(tr("&Add"))

    def line():
        lines = server.get("/api/v1/lines", admin_token)["items"]
        return next((l for l in lines if l["name"] == "Journey line"), None)
    created = wait_for("the line through REST", line, timeout=10)
    check(created["color"] == "#8e24aa", f"the line's colour: {created}")

    # A PBX: the token is shown once, with what to paste into the PBX.
    app.press(tr("P&BX providers"), role="page tab")
    app.press(tr("Connect a PBX"))
    app.window("^" + re.escape(tr("Connect a PBX")))
    app.fill(tr("Provider name"), "Journey PBX")
    app.press(tr("&Connect", context="ProviderDialog"))
    token_field = app.find(tr("Token (planfix_token)"), role="text")
    token = wait_for("the token shown", lambda: text_of(token_field).strip(), timeout=10)
    address = text_of(app.find(tr("API address"), role="text"))
    check(address == server.url + "/tel/api", f"the PlanFix address shown: {address}")
    j.shot("provider-token", window=admin)

    # An operator with extension 150.
    app.press(tr("&People"), role="page tab")
    app.press(tr("Add employee"))
    person_dialog = app.window("^" + re.escape(tr("Add an employee")))
    app.fill(tr("Name"), "Nina Journey")
    app.fill(tr("Login"), "nina")
    field = app.find(tr("Password"), role=(pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT))
    app.click(field)
    type_text("nina-journey-pass")
    app.fill(tr("Extensions"), "150")
    j.shot("person-dialog", window=person_dialog)
    app.press(tr("&Add"))

    def nina():
        people = server.get("/api/v1/people?kind=employee", admin_token)["items"]
        return next((p for p in people if p.get("login") == "nina"), None)
    operator = wait_for("the operator through REST", nina, timeout=10)
    check(operator["extensions"] == ["150"] and not operator["isAdmin"],
          f"the operator as created: {operator}")
    j.shot("people", window=admin)
    app.expect_named_controls("the administration window")

    # The administrator signs out; the new operator signs in through the dialog.
    app.raise_window(main)
    account_menu(app, admin_name, ADMIN_SIGN_OUT)
    sign_in_through_dialog(app, "nina", "nina-journey-pass", "Nina Journey")
    time.sleep(1)  # the event stream connects

    # The PBX, with the token the UI showed, rings extension 150 on the new line.
    contact, number = known_caller(server, admin_token)
    server.pbx_token = token
    call_id = ring(server, "--ext", "150", "--phone", number, "--line", "+74957771500")
    wid = app.window(RINGING)
    check(contact["name"] in app.window_title(wid), f"{contact['name']} in the call window")
    shot = j.shot("call-window", window=wid)
    check(pixel(shot, 4, 4) == "#8e24aa", f"header {pixel(shot, 4, 4)}, line colour #8e24aa")
    j.shot("operator-ringing")
    server.pbx("hangup", "--callid", call_id, "--ext", "150", "--line", "+74957771500")

    # The administrator, at their own desk, deletes the line: the call stays in the new
    # operator's history, its line shown as deleted, without reopening anything.
    app.raise_window(main_window(app, "Nina Journey"))
    app.press(tr("C&alls"))
    app.press("^" + re.escape(tr("History")) + "$", role="page tab", pattern=True)
    deleted = tr("%1 (deleted)", "Journey line")
    wait_for("the call on the line in the history", lambda: any(
        "Journey line" in text and deleted not in text for view in app.find_all(role="item view")
        for text in cell_texts(view)), timeout=10)
    status, _ = server.request("DELETE", f"/api/v1/lines/{created['id']}", token=admin_token)
    check(status == 204, f"DELETE of the line: {status}")
    wait_for(f"'{deleted}' in the history", lambda: any(
        deleted in text for view in app.find_all(role="item view")
        for text in cell_texts(view)), timeout=10)
    j.shot("history-line-deleted")


def sound_card(j):
    """A PulseAudio server of the journey's own with a null sink (Xvfb has no sound card):
    the app started after this plays into it, in real time."""
    run_dir = os.path.join(j.tmp, "pulse")
    os.makedirs(run_dir)
    socket = os.path.join(run_dir, "pulse", "native")
    os.environ["XDG_RUNTIME_DIR"] = run_dir
    os.environ["PULSE_SERVER"] = "unix:" + socket
    j.processes.append(subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
         "--system=false", "--log-level=error",
         "-L", "module-null-sink sink_name=journey", "-L", "module-native-protocol-unix"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    wait_for("the sound server", lambda: os.path.exists(socket), timeout=10)


def recording_store(j, seconds=20):
    """The PBX's recordings: a WAV tone written here, served over HTTP on a free port.
    Returns its URL and the list of request paths (to see when it was fetched)."""
    import http.server
    import math
    import struct
    import threading
    import wave
    folder = os.path.join(j.tmp, "recordings")
    os.makedirs(folder)
    with wave.open(os.path.join(folder, "call.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 8000)))
                               for i in range(8000 * seconds)))
    requests = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kw):
            super().__init__(*args, directory=folder, **kw)

        def do_GET(self):
            requests.append(self.path)
            super().do_GET()

        def log_message(self, *args):
            pass
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_port}/call.wav", requests


def recording_played(j):
    """A recorded call → Calls › History → the call → Play: the recording is fetched only
    now, and its time runs."""
    sound_card(j)
    url, requests = recording_store(j)
    server = j.server()
    server.pbx("call", "--ext", "101", "--record", url)
    app = signed_in_operator(j, server)
    main = main_window(app, OPERATOR_TITLE)
    app.raise_window(main)
    app.press(tr("C&alls"))
    app.press("^" + re.escape(tr("History")) + "$", role="page tab", pattern=True)
    history = wait_for("the recorded call in the history", lambda: next(
        (view for view in app.find_all(role="item view")
         if any("+7 916 123" in text for text in cell_texts(view))), None), timeout=10)
    row = wait_for("a cell of the call", lambda: next(
        (history.getChildAtIndex(i) for i in range(history.childCount)
         if "+7 916 123" in (history.getChildAtIndex(i).name or "")), None), timeout=10)
    app.click(row)
    play = app.find(tr("Play the recording"), role="button")
    check(not requests, f"the recording was fetched before Play: {requests}")
    j.shot("recording-offered")
    app.click(play)
    wait_for("the recording to be fetched", lambda: requests, timeout=10)
    slider = app.find(tr("Position in the recording"))
    wait_for("the recording to play (the position slider moves)",
             lambda: slider.queryValue().currentValue >= 1000, timeout=15)
    check(slider.queryValue().maximumValue >= 19000, "the recording's length is its 20 s")
    app.find(tr("Pause the recording"), role="button")
    j.shot("recording-playing")
    app.expect_named_controls("the Calls history with the recording player")


JOURNEYS = {
    "first_start_local": first_start_local,
    "server_sign_in": server_sign_in,
    "sign_out_and_switch_user": sign_out_and_switch_user,
    "contact_sign_in": contact_sign_in,
    "incoming_call_while_typing": incoming_call_while_typing,
    "call_window_actions": call_window_actions,
    "tel_link_dials": tel_link_dials,
    "missed_call_notified": missed_call_notified,
    "administrator_sets_up_a_line": administrator_sets_up_a_line,
    "recording_played": recording_played,
}

if __name__ == "__main__":
    run(JOURNEYS)
