#include "testserver.h"

#include "server/store/database.h"
#include "server/store/groupcommit.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QUrl>

namespace linecard::testing {

// The cluster's maintenance database, from LINECARD_TEST_POSTGRES.
static QString postgresMaintenanceUrl()
{
    const QString value = qEnvironmentVariable("LINECARD_TEST_POSTGRES");
    if (value.isEmpty() || value.startsWith(QLatin1String("postgres")))
        return value;
    QFile state(value);
    if (!state.open(QIODevice::ReadOnly))
        qFatal("LINECARD_TEST_POSTGRES=%s: no cluster (did the pg_cluster fixture run?)",
            qPrintable(value));
    for (const QByteArray &line : state.readAll().split('\n'))
        if (line.startsWith("PG_URL="))
            return QString::fromUtf8(line.mid(7).trimmed());
    qFatal("%s names no PG_URL", qPrintable(value));
}

static QSqlDatabase maintenanceConnection()
{
    const QString name = QStringLiteral("linecard-test-maintenance");
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    const QUrl url(postgresMaintenanceUrl());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    if (!db.open())
        qFatal("cannot reach the test cluster %s: %s", qPrintable(url.toDisplayString()),
            qPrintable(db.lastError().text()));
    return db;
}

bool TestDatabase::wanted()
{
    return qEnvironmentVariableIsSet("LINECARD_TEST_POSTGRES");
}

TestDatabase::TestDatabase()
{
    if (!wanted())
        return;
    static int counter = 0;
    m_name = QStringLiteral("linecard_test_%1_%2")
                 .arg(QCoreApplication::applicationPid())
                 .arg(++counter);
    QSqlQuery create(maintenanceConnection());
    if (!create.exec(QStringLiteral("CREATE DATABASE %1").arg(m_name)))
        qFatal("CREATE DATABASE %s: %s", qPrintable(m_name), qPrintable(create.lastError().text()));
    QUrl url(postgresMaintenanceUrl());
    url.setPath(u'/' + m_name);
    m_url = url.toString();
}

TestDatabase::~TestDatabase()
{
    if (m_name.isEmpty())
        return;
    QSqlQuery drop(maintenanceConnection());
    if (!drop.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)))
        qWarning("DROP DATABASE %s: %s", qPrintable(m_name), qPrintable(drop.lastError().text()));
}

TestServer::TestServer(int pingIntervalMs)
    : m_pingIntervalMs(pingIntervalMs)
{
    start(0);
}

TestServer::TestServer(std::function<void(server::LinecardServer::Options &)> configure)
    : m_pingIntervalMs(20000)
    , m_configure(std::move(configure))
{
    start(0);
}

TestServer::~TestServer() = default;

void TestServer::start(quint16 port)
{
    server::LinecardServer::Options options;
    options.dataDir = m_dir.path();
    options.databaseUrl = m_database.url();
    options.port = port;
    options.pingIntervalMs = m_pingIntervalMs;
    if (m_configure)
        m_configure(options);
    auto server = std::make_unique<server::LinecardServer>(options);
    server->start();
    m_port = server->port();
    m_server = std::move(server);
}

void TestServer::stop()
{
    m_server.reset();
    // Kept-alive connections led to the old server.
    m_network.clearConnectionCache();
}

void TestServer::restart()
{
    stop();
    start(m_port);
}

QUrl TestServer::url(const QString &path) const
{
    QUrl base;
    if (m_server) {
        base = m_server->url();
    } else { // stopped: where it will be again
        base.setScheme(QStringLiteral("http"));
        base.setHost(QHostAddress(QHostAddress::LocalHost).toString());
        base.setPort(m_port);
    }
    return base.resolved(QUrl(path));
}

QNetworkReply *TestServer::send(QNetworkAccessManager &net, const QByteArray &verb,
    const QString &path, const QString &token, const QByteArray &body,
    const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = net.sendCustomRequest(request, verb, body);
    reply->setParent(&net);
    return reply;
}

HttpResult TestServer::request(const QByteArray &verb, const QString &path, const QString &token,
    const QByteArray &body, const QByteArray &contentType)
{
    QNetworkReply *reply = send(m_network, verb, path, token, body, contentType);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(15000))
        qWarning("request %s %s timed out", verb.constData(), qPrintable(path));
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.json = QJsonDocument::fromJson(result.raw).object();
    reply->deleteLater();
    return result;
}

QString TestServer::bootstrapAdmin()
{
    m_server->createAdministrator(
        QStringLiteral("Admin"), QStringLiteral("admin"), QStringLiteral("admin-password"));
    return login(QStringLiteral("admin"), QStringLiteral("admin-password"));
}

QString TestServer::login(const QString &login, const QString &password)
{
    const HttpResult r = post(QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    return r.json.value(QStringLiteral("token")).toString();
}

qint64 TestServer::createEmployee(
    const QString &adminToken, const QString &login, bool isAdmin, const QStringList &extensions)
{
    const HttpResult r = post(QStringLiteral("/api/v1/people"),
        {{QStringLiteral("name"), login}, {QStringLiteral("login"), login},
            {QStringLiteral("password"), QString(login + QStringLiteral("-password"))},
            {QStringLiteral("isAdmin"), isAdmin},
            {QStringLiteral("extensions"), QJsonArray::fromStringList(extensions)}},
        adminToken);
    return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
}

qint64 TestServer::createContact(const QString &token, const QJsonObject &fields)
{
    const HttpResult r = post(QStringLiteral("/api/v1/contacts"), fields, token);
    return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
}

bool ServerProcess::start(const QString &binary, const QStringList &args)
{
    QTcpServer probe; // a free port
    if (!probe.listen(QHostAddress::LocalHost))
        return false;
    m_port = probe.serverPort();
    probe.close();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binary,
        args
            + QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port)});
    if (!m_process.waitForStarted())
        return false;
    QByteArray output;
    const bool listening = QTest::qWaitFor(
        [&] {
            output += m_process.readAllStandardOutput();
            return output.contains("listening");
        },
        15000);
    if (!listening)
        qWarning("linecard-server did not start: %s", output.constData());
    return listening;
}

CommentBurst::CommentBurst(quint16 port, const QString &token, qint64 taskId, int count)
{
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(QUrl(
            QStringLiteral("http://127.0.0.1:%1/api/v1/tasks/%2/comments").arg(port).arg(taskId)));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = m_network.post(request,
            QJsonDocument(QJsonObject {{QStringLiteral("text"), QStringLiteral("burst %1").arg(i)}})
                .toJson(QJsonDocument::Compact));
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            ++finished;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300) {
                ++acknowledged;
                acknowledgedIds << qint64(QJsonDocument::fromJson(reply->readAll())
                                              .object()
                                              .value(QStringLiteral("id"))
                                              .toDouble());
            }
            reply->deleteLater();
        });
    }
}

QSet<qint64> commentIdsOf(TestServer &server, qint64 taskId, const QString &token)
{
    QSet<qint64> ids;
    QString cursor;
    do {
        const HttpResult page
            = server.get(QStringLiteral("/api/v1/tasks/%1/comments?limit=200").arg(taskId)
                    + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                token);
        if (page.status != 200)
            return {};
        for (const QJsonValue &c : page.json.value(QStringLiteral("items")).toArray())
            ids << qint64(c.toObject().value(QStringLiteral("id")).toDouble());
        cursor = page.json.value(QStringLiteral("nextCursor")).toString();
    } while (!cursor.isEmpty());
    return ids;
}

HeldFlushes::HeldFlushes(server::GroupCommit &group, const QString &databaseFile)
    : m_group(group)
    , m_file(databaseFile)
{
    group.setSyncStep([gate = m_gate, file = m_file] {
        gate->flushing.release();
        gate->release.acquire();
        return server::Database::syncWriteAheadLogOf(file);
    });
}

HeldFlushes::HeldFlushes(TestServer &server)
    : HeldFlushes(*server.server().groupCommit(),
        QDir(server.dataDir()).filePath(QStringLiteral("linecard.sqlite")))
{ }

HeldFlushes::~HeldFlushes()
{
    m_group.setSyncStep([file = m_file] { return server::Database::syncWriteAheadLogOf(file); });
    release.release(1000);
}

} // namespace linecard::testing
