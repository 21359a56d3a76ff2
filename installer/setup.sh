#!/usr/bin/env bash
# Linecard set-up on Debian 12: installs every package the project needs (idempotent; as root
# or through sudo), configures and builds, then runs what was asked.
#
#   installer/setup.sh run    build, then start the desktop client on a local workspace with demo data
#   installer/setup.sh server build, then start linecard-server alone with demo data (headless)
#   installer/setup.sh test   build, then run the sanitizer run (unit and integration tests under
#                             ASan + UBSan), the fuzzers (30 s each) and the whole test suite
#                             (its CTest summary last; the exit status is non-zero if any failed)
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
    libssl-dev libphonenumber-dev libsodium-dev sqlite3 libsqlite3-dev clang-format
    xvfb xauth dbus-x11
    librsvg2-bin dpkg-dev fakeroot file lintian appstream desktop-file-utils
    libkf5syntaxhighlighting-tools ccache
    # journeys: a desktop of their own (window manager, notifications, accessibility bus)
    openbox dunst xdotool x11-utils imagemagick at-spi2-core python3-pyatspi python3-gi fonts-dejavu-core
    # sanitizer run and fuzzers (installer/setup.sh test)
    clang-14 libclang-rt-14-dev
    # SIP end to end (CTest label sip)
    kamailio kamailio-utils-modules sip-tester
    # PostgreSQL (CTest label postgres: a throwaway cluster per run; pg_trgm is in contrib)
    postgresql-15 postgresql-contrib
    # call recordings in the client (Qt Multimedia); the tests' sound card is a PulseAudio null sink
    qt6-multimedia-dev pulseaudio
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

# Builds the targets one CTest label needs in the tree of a preset (asan: GCC's ASan + UBSan;
# fuzz: clang-14 libFuzzer targets) and runs that label there.
sanitizer_test() {
    local name="$1" targets="$2" labels="$3" dir="$root/build/$1"
    echo "setup: $name: building $targets"
    # Called under ||, where set -e does not hold: every step returns its failure itself.
    cmake --preset "$name" -S "$root" >/dev/null || return
    # shellcheck disable=SC2086 # several targets
    cmake --build "$dir" --parallel "$(nproc)" --target $targets || return
    echo "setup: $name: running the tests labelled $labels"
    (cd "$dir" && UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure --timeout 900 -L "$labels")
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
    # Sanitizers first, so that the whole suite's summary closes the output.
    sanitizers=0
    sanitizer_test asan "tests-unit tests-integration" '^(unit|integration)$' || sanitizers=$?
    sanitizer_test fuzz fuzzers '^fuzz$' || sanitizers=$?
    echo "setup: sanitizer and fuzz runs: $([ "$sanitizers" -eq 0 ] && echo passed || echo FAILED, see above)"
    cd "$build_dir"
    suite=0
    ctest --output-on-failure --timeout 600 || suite=$?
    exit $((suite != 0 ? suite : sanitizers))
    ;;
*)
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
