#include "loginthrottle.h"

#include "../store/database.h"

#include <QDateTime>
#include <QSqlQuery>

namespace linecard::server {

// Made-up logins and addresses are the attacker's to choose: the windows are swept of
// expired keys once they hold this many.
static constexpr int SweepAtKeys = 10000;

// Rows recorded between sweeps of the shared table (any instance's sweep serves all).
static constexpr int SweepEveryRecords = 200;

// The window kinds in login_attempts.
static const QString AccountFailure = QStringLiteral("account_failure");
static const QString AccountSuccess = QStringLiteral("account_success");
static const QString AddressFailure = QStringLiteral("address_failure");

static const QString DatabaseNowMs
    = QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");

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

int LoginThrottle::sharedRetryAfter(const QString &kind, const QString &key, int limit)
{
    QSqlQuery q = m_db->exec(
        QStringLiteral("WITH now AS (SELECT %1 AS ms) SELECT COUNT(a.at), MIN(a.at), MAX(now.ms) "
                       "FROM now LEFT JOIN login_attempts a ON a.kind = :kind AND a.key = :key "
                       "AND a.at > now.ms - :window")
            .arg(DatabaseNowMs),
        {{QStringLiteral("kind"), kind}, {QStringLiteral("key"), key},
            {QStringLiteral("window"), qint64(m_limits.windowSeconds) * 1000}});
    if (!q.next() || q.value(0).toInt() < limit)
        return 0;
    const qint64 horizon = q.value(2).toLongLong() - qint64(m_limits.windowSeconds) * 1000;
    return int(qMax<qint64>(1, (q.value(1).toLongLong() - horizon + 999) / 1000));
}

void LoginThrottle::sharedRecord(const QList<QPair<QString, QString>> &kindsAndKeys)
{
    // A diagnostic-grade write: a crash may lose the last few attempts, never more.
    m_db->writeLazily([&] {
        for (const auto &[kind, key] : kindsAndKeys)
            m_db->exec(QStringLiteral("INSERT INTO login_attempts(kind, key, at) VALUES "
                                      "(:kind, :key, %1)")
                           .arg(DatabaseNowMs),
                {{QStringLiteral("kind"), kind}, {QStringLiteral("key"), key}});
        if (++m_sharedRecords % SweepEveryRecords == 0)
            m_db->exec(QStringLiteral("DELETE FROM login_attempts WHERE at <= %1 - :window")
                           .arg(DatabaseNowMs),
                {{QStringLiteral("window"), qint64(m_limits.windowSeconds) * 1000}});
    });
}

void LoginThrottle::sharedForget(const QString &kind, const QString &key)
{
    m_db->exec(QStringLiteral("DELETE FROM login_attempts WHERE kind = :kind AND key = :key"),
        {{QStringLiteral("kind"), kind}, {QStringLiteral("key"), key}});
}

int LoginThrottle::accountRetryAfter(const QString &login)
{
    if (m_db)
        return qMax(sharedRetryAfter(AccountFailure, accountKey(login), m_limits.accountFailures),
            sharedRetryAfter(AccountSuccess, accountKey(login), m_limits.accountSuccesses));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return qMax(retryAfter(m_accountFailures, accountKey(login), m_limits.accountFailures, now),
        retryAfter(m_accountSuccesses, accountKey(login), m_limits.accountSuccesses, now));
}

int LoginThrottle::addressRetryAfter(const QString &address)
{
    if (m_db)
        return sharedRetryAfter(AddressFailure, address, m_limits.addressFailures);
    return retryAfter(
        m_addressFailures, address, m_limits.addressFailures, QDateTime::currentMSecsSinceEpoch());
}

void LoginThrottle::recordFailure(const QString &login, const QString &address)
{
    if (m_db) {
        sharedRecord({{AccountFailure, accountKey(login)}, {AddressFailure, address}});
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    record(m_accountFailures, accountKey(login), now);
    record(m_addressFailures, address, now);
}

void LoginThrottle::recordSuccess(const QString &login)
{
    if (m_db) {
        sharedForget(AccountFailure, accountKey(login));
        sharedRecord({{AccountSuccess, accountKey(login)}});
        return;
    }
    m_accountFailures.remove(accountKey(login));
    record(m_accountSuccesses, accountKey(login), QDateTime::currentMSecsSinceEpoch());
}

} // namespace linecard::server
