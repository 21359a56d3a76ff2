#pragma once

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QUrl>

namespace linecard::bench {

// A home for the real linecard program started by a benchmark: its own XDG folders (so
// neither the user's settings nor their running linecard are touched), offscreen, the
// timing reports on, and a remembered sign-in — the client resumes as an operator's does
// every morning, without a password.
class ClientHome
{
public:
    QString path() const { return m_dir.path(); }
    QProcessEnvironment environment() const;
    // What a previous start left: the server, the login and the token (in the owner-only
    // file TokenStore falls back to; it reads it when the keychain has no entry too).
    bool remember(const QUrl &server, const QString &login, const QString &token) const;

private:
    QString config() const { return m_dir.filePath(QStringLiteral("config")); }
    QString appConfig() const { return config() + QStringLiteral("/Linecard/linecard"); }

    QTemporaryDir m_dir;
};

} // namespace linecard::bench
