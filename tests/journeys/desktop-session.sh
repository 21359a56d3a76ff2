#!/usr/bin/env bash
# Runs a command inside a desktop of its own, as a person's session has it: an X server
# (Xvfb, 1280×800), a window manager (openbox), a D-Bus session bus, a tray host
# (sniwatcher.py: the StatusNotifierWatcher Qt's tray icon registers with), a notification
# daemon (dunst) and the accessibility bus (AT-SPI). Everything it starts ends with it.
#
#   desktop-session.sh CMD ARGS…
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ -z "${LINECARD_JOURNEY_INSIDE:-}" ]; then
    export LINECARD_JOURNEY_INSIDE=1
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
        dbus-run-session -- "${BASH_SOURCE[0]}" "$@"
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 143' TERM

# One folder per run for what the desktop's daemons need (dunst's config). Notifications go
# where most desktops show them, bottom right, and fade after 10 s as they do there: at the top
# right and kept for ever they covered the call window's header in every later screenshot.
run_dir="$(mktemp -d)"
printf '[global]\n    timeout = 10\n    origin = bottom-right\n    offset = 12x12\n    history_length = 50\n' \
    >"$run_dir/dunstrc"

openbox --sm-disable >/dev/null 2>&1 & pids+=($!)
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & pids+=($!)
/usr/bin/python3 "$here/sniwatcher.py" & pids+=($!)
# dunst prints every notification it shows: journeys read them there.
export LINECARD_JOURNEY_NOTIFICATIONS="$run_dir/notifications.txt"
dunst -config "$run_dir/dunstrc" -print >"$LINECARD_JOURNEY_NOTIFICATIONS" 2>/dev/null & pids+=($!)

# The window manager and the buses take a moment; journeys wait for what they need anyway.
for _ in $(seq 50); do
    dbus-send --session --dest=org.freedesktop.DBus --print-reply /org/freedesktop/DBus \
        org.freedesktop.DBus.ListNames 2>/dev/null | grep -q org.kde.StatusNotifierWatcher && break
    sleep 0.1
done
export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
export NO_AT_BRIDGE=0
"$@"
