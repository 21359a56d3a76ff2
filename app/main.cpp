#include "app/singleinstance.h"
#include "app/translations.h"
#include "ui/common/recordingplayer.h"
#include "ui/shell/callpopreport.h"
#include "ui/shell/clientstartup.h"
#include "ui/shell/desktopintegration.h"
#include "ui/shell/startupreport.h"
#include "ui/shell/trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <memory>

using namespace linecard;

// --help and --version only print: they must work without a display (over ssh, in a
// terminal, from scripts), so they get a core application and no GUI platform at all.
static bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

int main(int argc, char *argv[])
{
    ui::RecordingPlayer::chooseBackend();
    const std::unique_ptr<QCoreApplication> app = onlyPrints(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Linecard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LINECARD_VERSION));
    if (qobject_cast<QApplication *>(app.get())) {
        QApplication::setApplicationDisplayName(QStringLiteral("Linecard"));
        // The installed desktop entry and hicolor icon (installer/desktop) name the app.
        QApplication::setDesktopFileName(QStringLiteral("linecard"));
        QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("linecard")));
    }
    // The app follows the system locale; Russian ships built in, Qt's own strings come
    // from qt6-translations-l10n.
    client::installTranslations(app.get());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Linecard: tasks, clients and calls."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QCoreApplication::translate("main", "Open a local workspace with demo data."));
    const QCommandLineOption local(
        QStringLiteral("local"), QCoreApplication::translate("main", "Open the local workspace."));
    const QCommandLineOption server(QStringLiteral("server"),
        QCoreApplication::translate("main", "Connect to this server."), QStringLiteral("URL"));
    const QCommandLineOption login(QStringLiteral("login"),
        QCoreApplication::translate("main", "Sign in as."), QStringLiteral("LOGIN"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Folder of the local workspace."),
        QStringLiteral("DIR"));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
        QCoreApplication::translate("main", "Start in the system tray, without the window."));
    parser.addOptions({demo, local, server, login, dataDir, minimized});
    parser.addPositionalArgument(QStringLiteral("link"),
        QCoreApplication::translate("main", "A phone link to call (tel:, callto:, sip:)."),
        QStringLiteral("[link]"));
    parser.process(*app);

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
        std::fputs(qPrintable(QCoreApplication::translate(
                       "main", "linecard: no system tray here; showing the window.\n")),
            stderr);
    ui::ClientStartup startup(options);
    ui::StartupReport::watchIfAsked(&startup);
    ui::CallPopReport::watchIfAsked(&startup);
    ui::DesktopIntegration desktop(&startup, &instance);
    startup.start();
    if (!link.isEmpty())
        desktop.openLink(link);
    return app->exec();
}
