#include "clientfixture.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>

namespace linecard::testing {

ClientFixture::ClientFixture()
    : m_tokens(std::make_unique<client::TokenStore>())
{
    // Client files (drafts, settings) go to a throw-away home, never the user's — and one
    // of its own per fixture: drafts are keyed by server URL and login, and a later test's
    // server may get an earlier one's port and with it that test's draft.
    m_previousHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QStandardPaths::setTestModeEnabled(true);
    m_tokens->setFallbackDir(m_tokensDir.path());
    m_adminToken = m_server.bootstrapAdmin();
}

ClientFixture::~ClientFixture()
{
    m_sessions.clear();
    qputenv("HOME", m_previousHome);
}

client::Session *ClientFixture::signIn(const QString &login, const QString &password)
{
    auto session = std::make_unique<client::Session>(m_tokens.get());
    QSignalSpy signedIn(session.get(), &client::Session::signedIn);
    QSignalSpy failed(session.get(), &client::Session::signInFailed);
    session->signIn(m_server.server().url(), login, password);
    if (!signedIn.wait(15000) && signedIn.isEmpty())
        return nullptr;
    m_sessions.push_back(std::move(session));
    return m_sessions.back().get();
}

qint64 ClientFixture::employee(const QString &login, bool isAdmin)
{
    return m_server.createEmployee(m_adminToken, login, isAdmin);
}

qint64 ClientFixture::contact(const QString &name, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("name"), name);
    return m_server.createContact(m_adminToken, body);
}

qint64 ClientFixture::task(
    const QString &title, qint64 counterpartyId, const QList<qint64> &assigneeIds)
{
    QJsonArray assignees;
    for (qint64 id : assigneeIds)
        assignees.append(id);
    QJsonObject body {{QStringLiteral("title"), title}, {QStringLiteral("assigneeIds"), assignees}};
    if (counterpartyId)
        body.insert(QStringLiteral("counterpartyId"), counterpartyId);
    const HttpResult r = m_server.post(QStringLiteral("/api/v1/tasks"), body, m_adminToken);
    return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
}

qint64 ClientFixture::comment(
    qint64 taskId, const QString &text, const QJsonObject &extra, const QString &token)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("text"), text);
    const HttpResult r = m_server.post(QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId),
        body, token.isEmpty() ? m_adminToken : token);
    return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
}

bool ClientFixture::giveAccess(qint64 contactId, const QString &login)
{
    const HttpResult r = m_server.put(QStringLiteral("/api/v1/contacts/%1/access").arg(contactId),
        {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
            {QStringLiteral("password"), QString(login + QStringLiteral("-password"))}},
        m_adminToken);
    return r.status == 200;
}

QString ClientFixture::screenshotPath(const QString &name)
{
    const QString dir = QStringLiteral(LINECARD_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace linecard::testing
