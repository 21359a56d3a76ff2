#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the sources (run after changing UI strings),
# then translate the new entries with Qt Linguist (linguist) or by hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lupdate=/usr/lib/qt6/bin/lupdate
[ -x "$lupdate" ] || lupdate="$(command -v lupdate6 || command -v lupdate)"
cd "$root"
"$lupdate" -no-obsolete -locations none app ui models -ts resources/translations/linecard_ru.ts
