#!/usr/bin/env bash
# Builds the Debian packages from a built tree (cpack -G DEB) and checks them: contents,
# lintian without errors, and that the binaries unpacked from them start (--version).
#   check-packages.sh <build dir>
set -euo pipefail

build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"

echo "== cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
client_deb="$(ls "$work"/out/linecard_"$version"_*.deb)"
server_deb="$(ls "$work"/out/linecard-server_"$version"_*.deb)"

# Every path listed must be in the package.
expect_files() {
    local deb="$1"; shift
    dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
    for path in "$@"; do
        grep -qxF "$path" "$work/contents" || { cat "$work/contents"; fail "$(basename "$deb") lacks $path"; }
    done
}

echo "== contents of $(basename "$client_deb")"
icons=()
for size in 16 22 24 32 48 64 128 256; do
    icons+=("/usr/share/icons/hicolor/${size}x${size}/apps/linecard.png")
done
expect_files "$client_deb" /usr/bin/linecard /usr/share/applications/linecard.desktop \
    /usr/share/metainfo/org.linecard.Linecard.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/linecard.svg "${icons[@]}" \
    /usr/share/doc/linecard/copyright /usr/share/doc/linecard/changelog.gz \
    /usr/share/man/man1/linecard.1.gz
grep -q 'bin/linecard-server' "$work/contents" && fail "the client package carries the server"
synopsis="$(dpkg-deb -f "$client_deb" Description)"
synopsis="${synopsis%%$'\n'*}"
[ "$synopsis" = "operator desktop client for a CRM with telephony" ] || fail "client synopsis: $synopsis"
# (Fields are read into variables first: "grep -q" closing a pipe early would trip pipefail.)
client_depends="$(dpkg-deb -f "$client_deb" Depends)"
case "$client_depends" in *libqt6widgets6*) ;; *) fail "client Depends lacks Qt Widgets (shlibdeps)" ;; esac
case "$client_depends" in *qt6-qpa-plugins*) ;; *) fail "client Depends lacks the platform plug-ins" ;; esac
case "$client_depends" in *qt6-translations-l10n*) ;; *) fail "client Depends lacks Qt's translations (Cancel, Copy… in Russian)" ;; esac

echo "== contents of $(basename "$server_deb")"
expect_files "$server_deb" /usr/bin/linecard-server /usr/bin/linecard-pbx-sim \
    /lib/systemd/system/linecard-server.service /etc/linecard/server.conf \
    /usr/share/doc/linecard-server/copyright /usr/share/doc/linecard-server/changelog.gz \
    /usr/share/man/man1/linecard-server.1.gz /usr/share/man/man1/linecard-pbx-sim.1.gz \
    /usr/share/doc/linecard-server/examples/kamailio/kamailio.cfg
grep -q 'bin/linecard$' "$work/contents" && fail "the server package carries the client"
server_depends="$(dpkg-deb -f "$server_deb" Depends)"
case "$server_depends" in *libqt6httpserver6*) ;; *) fail "server Depends lacks Qt HttpServer (shlibdeps)" ;; esac
case "$server_depends" in *adduser*) ;; *) fail "server Depends lacks adduser" ;; esac
dpkg-deb -e "$server_deb" "$work/control"
grep -qxF /etc/linecard/server.conf "$work/control/conffiles" || fail "server.conf is no conffile"
for script in postinst prerm postrm; do
    [ -x "$work/control/$script" ] || fail "no executable $script"
    sh -n "$work/control/$script" || fail "$script does not parse"
done
grep -q 'adduser --system' "$work/control/postinst" || fail "postinst creates no system user"
unit="$(dpkg-deb --fsys-tarfile "$server_deb" | tar -xO ./lib/systemd/system/linecard-server.service)"
grep -qx 'User=linecard' <<<"$unit" || fail "the service does not run as linecard"
# The packaged kamailio example is the one the sip label tests, byte for byte.
dpkg-deb --fsys-tarfile "$server_deb" \
    | tar -xO ./usr/share/doc/linecard-server/examples/kamailio/kamailio.cfg >"$work/kamailio.cfg"
cmp -s "$work/kamailio.cfg" "$(dirname "$0")/../../installer/pbx/kamailio/kamailio.cfg" \
    || fail "the packaged kamailio.cfg differs from installer/pbx/kamailio/kamailio.cfg"

echo "== lintian"
# Errors fail the test; warnings are printed for people to read.
lintian --fail-on error --tag-display-limit 0 "$client_deb" "$server_deb" | tee "$work/lintian.log" \
    || fail "lintian reports errors"

echo "== the unpacked binaries start"
dpkg-deb -x "$client_deb" "$work/root"
dpkg-deb -x "$server_deb" "$work/root"
for program in linecard linecard-server linecard-pbx-sim; do
    out="$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/$program" --version 2>&1)" \
        || fail "$program --version: $out"
    echo "$program: $out"
    case "$out" in *"$version"*) ;; *) fail "$program --version does not say $version" ;; esac
done
echo "PASS"
