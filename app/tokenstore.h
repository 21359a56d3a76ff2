#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace linecard::client {

// Keeps the session token in the system keychain (QtKeychain). When no keychain service
// runs (a bare desktop, CI), it says so once and keeps the token in a file only the user
// may read.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    explicit TokenStore(QObject *parent = nullptr);
    // A different folder for the fallback file (tests); default: the app's config folder.
    void setFallbackDir(const QString &dir) { m_fallbackDir = dir; }

    void save(const QString &account, const QString &token, std::function<void()> done = {});
    void load(const QString &account, std::function<void(const QString &token)> done);
    void remove(const QString &account, std::function<void()> done = {});

    bool usedFallback() const { return m_usedFallback; }
    QString fallbackPath(const QString &account) const;

signals:
    // The keychain is not available; the token went to fallbackPath() instead.
    void keychainUnavailable(const QString &reason);

private:
    static constexpr int keychainTimeoutMs = 3000; // then the owner-only file decides
    void noteFallback(const QString &reason);
    bool writeFile(const QString &account, const QString &token);
    QString readFile(const QString &account) const;

    QString m_fallbackDir;
    bool m_usedFallback = false;
};

} // namespace linecard::client
