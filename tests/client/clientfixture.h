#pragma once

#include "../integration/testserver.h"

#include "app/session.h"
#include "app/tokenstore.h"

#include <QTemporaryDir>

#include <memory>

namespace linecard::testing {

// A real server in-process (fresh SQLite) with an administrator, plus a client Session
// signed in over real HTTP and WebSocket — what every client test starts from.
class ClientFixture
{
public:
    ClientFixture();
    ~ClientFixture();

    TestServer &server() { return m_server; }
    QString adminToken() const { return m_adminToken; }

    // Signs a new Session in (the token store writes into a temporary folder); nullptr on failure.
    client::Session *signIn(const QString &login, const QString &password);
    client::Session *signInAdmin()
    {
        return signIn(QStringLiteral("admin"), QStringLiteral("admin-password"));
    }

    // Shortcuts through the API as the administrator; each returns the new id (0 on failure).
    qint64 employee(const QString &login, bool isAdmin = false);
    qint64 contact(const QString &name, const QJsonObject &extra = {});
    qint64 task(
        const QString &title, qint64 counterpartyId = 0, const QList<qint64> &assigneeIds = {});
    qint64 comment(qint64 taskId, const QString &text, const QJsonObject &extra = {},
        const QString &token = {});
    // Gives a contact a login (password = login + "-password").
    bool giveAccess(qint64 contactId, const QString &login);

    // Where a test writes the screenshot `name` (e.g. "taskview.png") for people to look at:
    // <build dir>/screenshots, created on demand.
    static QString screenshotPath(const QString &name);

private:
    QTemporaryDir m_home; // HOME while the fixture lives
    QByteArray m_previousHome;
    TestServer m_server;
    QTemporaryDir m_tokensDir;
    QString m_adminToken;
    std::unique_ptr<client::TokenStore> m_tokens;
    std::vector<std::unique_ptr<client::Session>> m_sessions;
};

} // namespace linecard::testing
