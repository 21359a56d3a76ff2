#include "testserver.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

namespace linecard::testing {

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

HttpResult TestServer::request(const QByteArray &verb, const QString &path, const QString &token,
    const QByteArray &body, const QByteArray &contentType)
{
    QNetworkRequest request(url(path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(15000))
        qWarning("request %s %s timed out", verb.constData(), qPrintable(path));
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.raw = reply->readAll();
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

} // namespace linecard::testing
