#!/usr/bin/env bash
# Linecard set-up on Debian 12: installs every package the project needs (idempotent; as root
# or through sudo), configures and builds, then runs what was asked.
#
#   installer/setup.sh run    build, then start the desktop client on a local workspace with demo data
#   installer/setup.sh server build, then start linecard-server alone with demo data (headless)
#   installer/setup.sh test   build, then run the whole test suite (CTest's summary last)
#   installer/setup.sh deps   only install the packages
#   installer/setup.sh build  install packages and build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
preset="${LINECARD_PRESET:-ci}"
build_dir="$root/build/$preset"

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-httpserver-dev
    libqt6sql6-sqlite libqt6sql6-psql qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
    libssl-dev sqlite3 clang-format
    xvfb xauth dbus-x11
    librsvg2-bin dpkg-dev fakeroot file lintian appstream desktop-file-utils
    libkf5syntaxhighlighting-tools ccache
    # journeys: a desktop of their own (window manager, notifications, accessibility bus)
    openbox dunst xdotool imagemagick at-spi2-core python3-pyatspi python3-gi fonts-dejavu-core
)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        echo "setup: all ${#packages[@]} packages are installed"
        return
    fi
    echo "setup: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    cmake --preset "$preset" -S "$root" >/dev/null
    cmake --build "$build_dir" --parallel "$(nproc)"
}

case "${1:-}" in
deps)
    install_deps
    ;;
build)
    install_deps
    build
    ;;
run)
    install_deps
    build
    data_dir="${LINECARD_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/linecard-demo}"
    echo "setup: local workspace with demo data in $data_dir (delete it for a fresh start)"
    exec "$build_dir/app/linecard" --demo --data-dir "$data_dir"
    ;;
server)
    install_deps
    build
    data_dir="${LINECARD_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/linecard-server-demo}"
    echo "setup: demo data in $data_dir (delete it for a fresh start)"
    exec "$build_dir/server/linecard-server" --demo --data-dir "$data_dir" --listen "${LINECARD_LISTEN:-127.0.0.1:8080}"
    ;;
test)
    install_deps
    build
    cd "$build_dir"
    exec ctest --output-on-failure --timeout 600
    ;;
*)
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
