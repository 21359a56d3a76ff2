#pragma once

#include "server/linecardserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSemaphore>
#include <QSet>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace linecard::testing {

// The answer to one HTTP call.
struct HttpResult
{
    int status = 0;
    QJsonObject json;
    QByteArray raw;
    QList<QPair<QByteArray, QByteArray>> headers;
    // A response header's value ("" when absent); names compare case-insensitively.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
    QString errorCode() const
    {
        return json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

// A fresh PostgreSQL database for one test server when the environment asks for PostgreSQL
// (LINECARD_TEST_POSTGRES: the state file tests/postgres/pgcluster.sh wrote, or a
// postgresql:// URL of a cluster's maintenance database); dropped when it goes.
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();
    // True under the CTest label postgres.
    static bool wanted();
    // The URL of the database (empty: SQLite, the default).
    QString url() const { return m_url; }

    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

private:
    QString m_name;
    QString m_url;
};

// The real server, in-process, on a random loopback port with a fresh database (a SQLite
// file, or a PostgreSQL database under the label postgres), plus a small blocking HTTP client
// (it spins the event loop while waiting, so the server runs).
class TestServer
{
public:
    explicit TestServer(int pingIntervalMs = 20000);
    // With options of its own (timeouts, limits) on top of the defaults.
    explicit TestServer(std::function<void(server::LinecardServer::Options &)> configure);
    ~TestServer();

    // The running server (not between stop() and restart()).
    server::LinecardServer &server() { return *m_server; }
    QUrl url(const QString &path) const;
    QString dataDir() const { return m_dir.path(); }
    // The PostgreSQL database this server uses ("" with SQLite): another instance given it
    // serves the same data.
    QString databaseUrl() const { return m_database.url(); }
    bool usesPostgres() const { return !m_database.url().isEmpty(); }

    // Creates the first administrator ("admin"/"admin-password") and returns its token.
    QString bootstrapAdmin();

    HttpResult request(const QByteArray &verb, const QString &path, const QString &token = {},
        const QByteArray &body = {}, const QByteArray &contentType = "application/json");
    // The same request, not waited for: its reply (parented to `net`) finishes later — for
    // tests that act while an answer is held (HeldFlushes).
    QNetworkReply *send(QNetworkAccessManager &net, const QByteArray &verb, const QString &path,
        const QString &token = {}, const QByteArray &body = {},
        const QByteArray &contentType = "application/json");
    HttpResult get(const QString &path, const QString &token = {})
    {
        return request("GET", path, token);
    }
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return request("POST", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpResult patch(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return request("PATCH", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpResult put(const QString &path, const QJsonObject &body, const QString &token = {})
    {
        return request("PUT", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QString login(const QString &login, const QString &password);

    // Takes the server down as a crash or an upgrade would: open connections close and the
    // port stops listening; the data directory stays.
    void stop();
    // Starts a new server on the same data directory and the same port (after stop(), or
    // in place of the running one), so clients find it where they left it.
    void restart();
    bool isRunning() const { return m_server != nullptr; }

    // Convenience creators through the API (fail the test on error via the returned id 0).
    qint64 createEmployee(const QString &adminToken, const QString &login, bool isAdmin = false,
        const QStringList &extensions = {});
    qint64 createContact(const QString &token, const QJsonObject &fields);

private:
    void start(quint16 port);

    QTemporaryDir m_dir;
    TestDatabase m_database;
    int m_pingIntervalMs;
    std::function<void(server::LinecardServer::Options &)> m_configure;
    quint16 m_port = 0;
    std::unique_ptr<server::LinecardServer> m_server;
    QNetworkAccessManager m_network;
};

// Holds a SQLite server's group-commit flushes for as long as it lives: each flush says it
// began (`flushing`: the write is committed and its event sent) and waits for `release`, so
// its answer waits too; at the end the flushes are let go and ordinary again.
struct HeldFlushes
{
    HeldFlushes(server::GroupCommit &group, const QString &databaseFile);
    explicit HeldFlushes(TestServer &server); // its group commit (SQLite only)
    ~HeldFlushes();
    HeldFlushes(const HeldFlushes &) = delete;
    HeldFlushes &operator=(const HeldFlushes &) = delete;

private:
    // Shared with the sync thread: it may have taken the holding step just before this let
    // go, and must find the semaphores (released) when it runs it.
    struct Gate
    {
        QSemaphore flushing, release;
    };
    std::shared_ptr<Gate> m_gate = std::make_shared<Gate>();

public:
    QSemaphore &flushing = m_gate->flushing;
    QSemaphore &release = m_gate->release;

private:
    server::GroupCommit &m_group;
    const QString m_file;
};

// A real linecard-server process (LINECARD_SERVER_BIN) on a free loopback port: for tests
// that kill it.
class ServerProcess
{
public:
    // Starts it with `args` plus --listen; true once it says it is listening.
    bool start(const QString &binary, const QStringList &args);
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// `count` comment POSTs to one task sent at once on kept-alive connections, as a busy client
// would; counts the answers and keeps the ids of the comments answered 2xx.
class CommentBurst : public QObject
{
public:
    CommentBurst(quint16 port, const QString &token, qint64 taskId, int count);
    int acknowledged = 0, finished = 0;
    QList<qint64> acknowledgedIds;

private:
    QNetworkAccessManager m_network;
};

// The ids of every comment a task holds, read page by page.
QSet<qint64> commentIdsOf(TestServer &server, qint64 taskId, const QString &token);

} // namespace linecard::testing
