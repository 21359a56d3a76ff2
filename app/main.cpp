#include "ui/shell/clientstartup.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace linecard;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("linecard"));
    QApplication::setOrganizationName(QStringLiteral("Linecard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Linecard"));
    QApplication::setApplicationVersion(QStringLiteral(LINECARD_VERSION));

    // The app follows the system locale; Russian ships built in.
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qtTranslator);
    if (appTranslator.load(
            QLocale(), QStringLiteral("linecard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&appTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Linecard: tasks, clients and calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate("main", "Open a local workspace with demo data."));
    const QCommandLineOption local(
        QStringLiteral("local"), QApplication::translate("main", "Open the local workspace."));
    const QCommandLineOption server(QStringLiteral("server"),
        QApplication::translate("main", "Connect to this server."), QStringLiteral("URL"));
    const QCommandLineOption login(QStringLiteral("login"),
        QApplication::translate("main", "Sign in as."), QStringLiteral("LOGIN"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QApplication::translate("main", "Folder of the local workspace."), QStringLiteral("DIR"));
    parser.addOptions({demo, local, server, login, dataDir});
    parser.process(app);

    ui::ClientStartup::Options options;
    options.demo = parser.isSet(demo);
    options.local = parser.isSet(local);
    options.server = QUrl::fromUserInput(parser.value(server));
    options.login = parser.value(login);
    options.dataDir = parser.value(dataDir);
    ui::ClientStartup startup(options);
    startup.start();
    return app.exec();
}
