#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace linecard::client {

// Installs the translations for locale: Qt's own strings (Cancel, Copy, Select All… from
// qt6-translations-l10n, in Qt's translations folder) and the app's (built in under
// :/i18n when the program has them). Returns how many were found and installed.
// appDir: where the app's own .qm files are (tests load them from the build folder).
int installTranslations(QCoreApplication *app, const QLocale &locale = QLocale(),
    const QString &appDir = QStringLiteral(":/i18n"));

} // namespace linecard::client
