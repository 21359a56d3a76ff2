#include "loginthrottle.h"

#include <QDateTime>

namespace linecard::server {

// Made-up logins and addresses are the attacker's to choose: the windows are swept of
// expired keys once they hold this many.
static constexpr int SweepAtKeys = 10000;

static QString accountKey(const QString &login)
{
    return login.toLower();
}

int LoginThrottle::retryAfter(Window &window, const QString &key, int limit, qint64 now) const
{
    auto it = window.find(key);
    if (it == window.end())
        return 0;
    const qint64 horizon = now - qint64(m_limits.windowSeconds) * 1000;
    while (!it->isEmpty() && it->first() <= horizon)
        it->removeFirst();
    if (it->isEmpty()) {
        window.erase(it);
        return 0;
    }
    if (it->size() < limit)
        return 0;
    return int(qMax<qint64>(1, (it->first() - horizon + 999) / 1000));
}

void LoginThrottle::record(Window &window, const QString &key, qint64 now)
{
    if (window.size() >= SweepAtKeys) {
        const qint64 horizon = now - qint64(m_limits.windowSeconds) * 1000;
        for (auto it = window.begin(); it != window.end();)
            it = it->last() <= horizon ? window.erase(it) : std::next(it);
    }
    window[key].append(now);
}

int LoginThrottle::accountRetryAfter(const QString &login)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return qMax(retryAfter(m_accountFailures, accountKey(login), m_limits.accountFailures, now),
        retryAfter(m_accountSuccesses, accountKey(login), m_limits.accountSuccesses, now));
}

int LoginThrottle::addressRetryAfter(const QString &address)
{
    return retryAfter(
        m_addressFailures, address, m_limits.addressFailures, QDateTime::currentMSecsSinceEpoch());
}

void LoginThrottle::recordFailure(const QString &login, const QString &address)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    record(m_accountFailures, accountKey(login), now);
    record(m_addressFailures, address, now);
}

void LoginThrottle::recordSuccess(const QString &login)
{
    m_accountFailures.remove(accountKey(login));
    record(m_accountSuccesses, accountKey(login), QDateTime::currentMSecsSinceEpoch());
}

} // namespace linecard::server
