#include "demo/demoseeder.h"
#include "linecardserver.h"
#include "serveroptions.h"
#include "store/database.h"
#include "store/sqliteimport.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace linecard::server;

// Exit code of --import-sqlite into a database that has data (nothing was written).
constexpr int ExitImportRefused = 3;

// linecard-server --database postgresql://… --import-sqlite DIR
static int importSqlite(const ServerOptions &options)
{
    try {
        const auto source = Database::openSqlite(
            QDir(options.importSqliteDir).filePath(QStringLiteral("linecard.sqlite")));
        const auto target = Database::openPostgres(options.server.databaseUrl);
        std::printf("Importing %s into PostgreSQL…\n", qPrintable(options.importSqliteDir));
        std::fflush(stdout);
        qint64 total = 0;
        SqliteImport(*source, *target).run([&](const QString &table, qint64 rows) {
            std::printf("  %-20s %lld rows\n", qPrintable(table), static_cast<long long>(rows));
            std::fflush(stdout);
            total += rows;
        });
        std::printf("Imported %lld rows. Start the instances with the same --database.\n",
            static_cast<long long>(total));
        return 0;
    } catch (const ImportRefused &e) {
        std::fprintf(stderr, "linecard-server: %s\n", e.what());
        return ExitImportRefused;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "linecard-server: import failed, nothing written: %s\n", e.what());
        return 1;
    }
}

// A thousand operators' event streams are a thousand sockets: more than the usual soft
// limit of 1024 open files. Take what the hard limit allows.
static void raiseOpenFilesLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

int main(int argc, char *argv[])
{
    raiseOpenFilesLimit();
    // Qt's GLib event dispatcher walks a list of all socket notifiers whenever one is
    // switched, as every socket write does: with a thousand event streams that made most
    // of a fan-out's time (bench/fanout). The plain UNIX dispatcher keeps them in a hash.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LINECARD_VERSION));
    int exitCode = 0;
    const auto options = ServerOptions::parse(app.arguments(), &exitCode);
    if (!options)
        return exitCode;
    if (!options->importSqliteDir.isEmpty())
        return importSqlite(*options);

    LinecardServer server(options->server);
    try {
        server.start();
        if (server.isEmpty()) {
            if (options->demo) {
                std::printf("Demo data created. Accounts (login / password):\n");
                for (const auto &a : DemoSeeder(server).seed())
                    std::printf("  %-10s %-22s %s (%s)\n", qPrintable(a.login),
                        qPrintable(a.password), qPrintable(a.name), qPrintable(a.role));
                std::printf("Telephony: the demo PBX's token is '%s' (linecard-pbx-sim --token "
                            "%s call --ext 101 rings olga); click-to-call goes to %s "
                            "(linecard-pbx-sim listen --port 9090). A Zammad-format PBX has "
                            "the token '%s' (linecard-pbx-sim --format zammad --token %s "
                            "group --ext 101,102,103 --answer 102).\n",
                    DemoSeeder::demoPbxToken, DemoSeeder::demoPbxToken, DemoSeeder::demoPbxUrl,
                    DemoSeeder::demoZammadToken, DemoSeeder::demoZammadToken);
            } else if (!options->adminPassword.isEmpty()) {
                if (server.createFirstAdministrator(QStringLiteral("Administrator"),
                        options->adminLogin, options->adminPassword))
                    std::printf("Created administrator '%s'.\n", qPrintable(options->adminLogin));
                else // another instance on the same database was first
                    std::printf("The database has its administrator already.\n");
            } else {
                std::fprintf(stderr,
                    "linecard-server: the data directory is empty; give "
                    "--admin-password-file (or LINECARD_ADMIN_PASSWORD) or --demo\n");
                return 2;
            }
        } else if (options->demo) {
            std::printf(
                "The data directory already has data; demo accounts are as created before.\n");
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "linecard-server: %s\n", e.what());
        return 1;
    }
    std::printf("Linecard server listening on %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    return app.exec();
}
