#include "loginthrottle.h"

namespace linecard::server {

static QString loginKey(const QString &login)
{
    return u"login:" + login.toLower();
}

static QString addressKey(const QString &address)
{
    return u"addr:" + address;
}

int LoginThrottle::retryAfterFor(const QString &key, const QDateTime &now)
{
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return 0;
    QList<QDateTime> &times = *it;
    const QDateTime horizon = now.addSecs(-m_windowSeconds);
    while (!times.isEmpty() && times.first() < horizon)
        times.removeFirst();
    if (times.isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (times.size() < m_maxFailures)
        return 0;
    return int(qMax<qint64>(1, now.secsTo(times.first().addSecs(m_windowSeconds))));
}

int LoginThrottle::retryAfter(const QString &login, const QString &address)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // An address gets a larger budget: several operators may sit behind one NAT.
    const int byLogin = retryAfterFor(loginKey(login), now);
    const int byAddress = m_failures.value(addressKey(address)).size() >= m_maxFailures * 4
        ? retryAfterFor(addressKey(address), now)
        : 0;
    return qMax(byLogin, byAddress);
}

void LoginThrottle::recordFailure(const QString &login, const QString &address)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_failures[loginKey(login)].append(now);
    m_failures[addressKey(address)].append(now);
}

void LoginThrottle::recordSuccess(const QString &login)
{
    m_failures.remove(loginKey(login));
}

} // namespace linecard::server
