#include "app/singleinstance.h"
#include "ui/shell/callpopreport.h"
#include "ui/shell/clientstartup.h"
#include "ui/shell/desktopintegration.h"
#include "ui/shell/startupreport.h"
#include "ui/shell/trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace linecard;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("linecard"));
    QApplication::setOrganizationName(QStringLiteral("Linecard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Linecard"));
    QApplication::setApplicationVersion(QStringLiteral(LINECARD_VERSION));
    // The installed desktop entry and hicolor icon (installer/desktop) name the app.
    QApplication::setDesktopFileName(QStringLiteral("linecard"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("linecard")));

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
    const QCommandLineOption minimized(QStringLiteral("minimized"),
        QApplication::translate("main", "Start in the system tray, without the window."));
    parser.addOptions({demo, local, server, login, dataDir, minimized});
    parser.addPositionalArgument(QStringLiteral("link"),
        QApplication::translate("main", "A phone link to call (tel:, callto:, sip:)."),
        QStringLiteral("[link]"));
    parser.process(app);

    // A second start hands its link (or just "show yourself") to the running one and ends.
    const QString link = parser.positionalArguments().value(0);
    client::SingleInstance instance(client::SingleInstance::nameFor(parser.value(dataDir)));
    if (instance.handOver(link))
        return 0;
    if (!instance.listen() && instance.handOver(link))
        return 0; // another start won the race to listen

    ui::ClientStartup::Options options;
    options.demo = parser.isSet(demo);
    options.local = parser.isSet(local);
    options.server = QUrl::fromUserInput(parser.value(server));
    options.login = parser.value(login);
    options.dataDir = parser.value(dataDir);
    options.minimized = parser.isSet(minimized) && ui::TrayIcon::isAvailable();
    if (parser.isSet(minimized) && !options.minimized)
        std::fputs(qPrintable(QApplication::translate(
                       "main", "linecard: no system tray here; showing the window.\n")),
            stderr);
    ui::ClientStartup startup(options);
    ui::StartupReport::watchIfAsked(&startup);
    ui::CallPopReport::watchIfAsked(&startup);
    ui::DesktopIntegration desktop(&startup, &instance);
    startup.start();
    if (!link.isEmpty())
        desktop.openLink(link);
    return app.exec();
}
