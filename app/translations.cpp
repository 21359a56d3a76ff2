#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace linecard::client {

int installTranslations(QCoreApplication *app, const QLocale &locale, const QString &appDir)
{
    int installed = 0;
    const auto install = [&](const QString &name, const QString &dir) {
        auto *translator = new QTranslator(app);
        if (translator->load(locale, name, QStringLiteral("_"), dir)
            && QCoreApplication::installTranslator(translator)) {
            ++installed;
            return;
        }
        delete translator;
    };
    install(QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    install(QStringLiteral("linecard"), appDir);
    return installed;
}

} // namespace linecard::client
