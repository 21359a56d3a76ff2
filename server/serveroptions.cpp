#include "serveroptions.h"

#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>

namespace linecard::server {

// A "key=value" line of the server's settings file (/etc/linecard/server.conf, which is also
// the service's EnvironmentFile; LINECARD_SERVER_CONF names another), "" when it has none.
static QString configValue(const QString &key)
{
    const QString path = qEnvironmentVariableIsSet("LINECARD_SERVER_CONF")
        ? qEnvironmentVariable("LINECARD_SERVER_CONF")
        : QStringLiteral("/etc/linecard/server.conf");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString value;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(key + u'='))
            value = line.mid(key.size() + 1).trimmed(); // the last one counts, as in a shell
    }
    if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\''))
        && value.endsWith(value.front()))
        value = value.mid(1, value.size() - 2);
    return value;
}

std::optional<ServerOptions> ServerOptions::parse(const QStringList &arguments, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Linecard server: REST API, event stream and storage."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address to serve on (port 0 = any free port)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Folder of the database (SQLite) and of local files."),
        QStringLiteral("DIR"), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption database(QStringLiteral("database"),
        QStringLiteral("PostgreSQL database that several instances share: "
                       "postgresql://user:password@host:port/dbname (or LINECARD_DATABASE, or "
                       "database= in /etc/linecard/server.conf). Without it: SQLite in "
                       "--data-dir."),
        QStringLiteral("URL"));
    const QCommandLineOption adminLogin(QStringLiteral("admin-login"),
        QStringLiteral("Login of the first administrator of an empty data directory."),
        QStringLiteral("LOGIN"), QStringLiteral("admin"));
    const QCommandLineOption adminPassword(QStringLiteral("admin-password"),
        QStringLiteral("Password of the first administrator. Visible to every user in ps: "
                       "prefer --admin-password-file or LINECARD_ADMIN_PASSWORD."),
        QStringLiteral("PASSWORD"));
    const QCommandLineOption adminPasswordFile(QStringLiteral("admin-password-file"),
        QStringLiteral("File whose first line is the first administrator's password."),
        QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
        QStringLiteral("Fill an empty data directory with demo data and print its accounts."));
    const QCommandLineOption importSqlite(QStringLiteral("import-sqlite"),
        QStringLiteral("Copy the SQLite data directory DIR into the empty PostgreSQL database "
                       "of --database (ids, passwords, tokens, events and read marks as they "
                       "are), then exit. Refuses a database that has data (exit code 3)."),
        QStringLiteral("DIR"));
    const QCommandLineOption ping(QStringLiteral("ping-interval"),
        QStringLiteral("Event-stream ping interval."), QStringLiteral("MS"),
        QStringLiteral("20000"));
    const QCommandLineOption tokenIdle(QStringLiteral("token-idle-days"),
        QStringLiteral("Sign-in tokens unused for this many days expire."), QStringLiteral("DAYS"),
        QStringLiteral("30"));
    parser.addOptions({listen, dataDir, database, adminLogin, adminPassword, adminPasswordFile,
        demo, importSqlite, ping, tokenIdle});

    auto fail = [exitCode](const QString &message) -> std::optional<ServerOptions> {
        std::fprintf(stderr, "linecard-server: %s\n", qPrintable(message));
        *exitCode = 2;
        return std::nullopt;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("linecard-server %s\n", LINECARD_VERSION);
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    ServerOptions o;
    const QString hostPort = parser.value(listen);
    const int colon = hostPort.lastIndexOf(u':');
    bool portOk = false;
    const int port = hostPort.mid(colon + 1).toInt(&portOk);
    QString host = hostPort.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (colon < 0 || !portOk || port < 0 || port > 65535 || !o.server.address.setAddress(host))
        return fail(QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:8080, not '%1'")
                        .arg(hostPort));
    o.server.port = quint16(port);
    o.server.dataDir = QDir(parser.value(dataDir)).absolutePath();
    o.server.databaseUrl = parser.isSet(database)        ? parser.value(database)
        : qEnvironmentVariableIsSet("LINECARD_DATABASE") ? qEnvironmentVariable("LINECARD_DATABASE")
                                                         : configValue(QStringLiteral("database"));
    if (!o.server.databaseUrl.isEmpty()) {
        const QString problem = DatabaseConfig::checkUrl(o.server.databaseUrl);
        if (!problem.isEmpty())
            return fail(QStringLiteral("--database: %1").arg(problem));
    }
    bool pingOk = false;
    o.server.pingIntervalMs = parser.value(ping).toInt(&pingOk);
    if (!pingOk || o.server.pingIntervalMs < 100)
        return fail(QStringLiteral("--ping-interval wants milliseconds ≥ 100"));
    bool daysOk = false;
    o.server.tokenIdleDays = parser.value(tokenIdle).toInt(&daysOk);
    if (!daysOk || o.server.tokenIdleDays < 1 || o.server.tokenIdleDays > 3650)
        return fail(QStringLiteral("--token-idle-days wants 1 to 3650 days"));
    o.adminLogin = parser.value(adminLogin);
    if (parser.isSet(adminPasswordFile)) {
        QFile file(parser.value(adminPasswordFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read --admin-password-file %1: %2")
                            .arg(file.fileName(), file.errorString()));
        o.adminPassword = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
        if (o.adminPassword.isEmpty())
            return fail(QStringLiteral("--admin-password-file %1 is empty").arg(file.fileName()));
    } else {
        o.adminPassword = parser.isSet(adminPassword)
            ? parser.value(adminPassword)
            : qEnvironmentVariable("LINECARD_ADMIN_PASSWORD");
    }
    o.demo = parser.isSet(demo);
    if (parser.isSet(importSqlite)) {
        if (o.server.databaseUrl.isEmpty())
            return fail(QStringLiteral(
                "--import-sqlite copies into PostgreSQL: give --database postgresql://…"));
        const QString file
            = QDir(parser.value(importSqlite)).filePath(QStringLiteral("linecard.sqlite"));
        if (!QFileInfo::exists(file))
            return fail(QStringLiteral("--import-sqlite: no %1").arg(file));
        o.importSqliteDir = QDir(parser.value(importSqlite)).absolutePath();
    }
    return o;
}

} // namespace linecard::server
