#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace linecard::server {

// Counts failed sign-ins per login and per client address in a sliding window; past the
// limit, further attempts are refused (429) until the window has moved on.
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures = 5, int windowSeconds = 60)
        : m_maxFailures(maxFailures)
        , m_windowSeconds(windowSeconds)
    { }

    // Seconds to wait before another attempt is allowed, 0 when allowed now.
    int retryAfter(const QString &login, const QString &address);
    void recordFailure(const QString &login, const QString &address);
    void recordSuccess(const QString &login);

private:
    int retryAfterFor(const QString &key, const QDateTime &now);
    int m_maxFailures;
    int m_windowSeconds;
    QHash<QString, QList<QDateTime>> m_failures;
};

} // namespace linecard::server
