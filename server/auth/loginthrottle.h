#pragma once

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace linecard::server {

class Database;

// Sign-in limits, per account and per client address, each by itself (a sliding window):
// - an account (any login asked for, existing or not) with `accountFailures` failures in the
//   window is refused before its password is checked, from every address; so is one signed
//   in `accountSuccesses` times in the window (a script signing in in a loop);
// - an address with `addressFailures` failures in the window gets 429 for each further
//   failure — but passwords from it are still checked, so a correct password for any
//   account gets in: people behind one NAT are never locked out by someone else's failures.
class LoginThrottle
{
public:
    struct Limits
    {
        int accountFailures = 5;
        int accountSuccesses = 10;
        int addressFailures = 20;
        int windowSeconds = 60;
    };

    LoginThrottle() = default;
    explicit LoginThrottle(const Limits &limits)
        : m_limits(limits)
    { }

    // Keeps the windows in the database (table login_attempts) instead of in memory: the
    // instances sharing a PostgreSQL database then count together, so failures on one
    // count on the others. The clock is the database's.
    void shareThrough(Database &db) { m_db = &db; }

    // Seconds to wait before this account may try again; 0 when it may now.
    int accountRetryAfter(const QString &login);
    // Seconds an address over its failure budget is told to wait; 0 within the budget.
    int addressRetryAfter(const QString &address);
    void recordFailure(const QString &login, const QString &address);
    void recordSuccess(const QString &login);

private:
    using Window = QHash<QString, QList<qint64>>; // key → times (ms since epoch), oldest first
    int retryAfter(Window &window, const QString &key, int limit, qint64 now) const;
    void record(Window &window, const QString &key, qint64 now);
    // The same on the table login_attempts; kind names the window.
    int sharedRetryAfter(const QString &kind, const QString &key, int limit);
    void sharedRecord(const QList<QPair<QString, QString>> &kindsAndKeys);
    void sharedForget(const QString &kind, const QString &key);

    Limits m_limits;
    Database *m_db = nullptr;
    int m_sharedRecords = 0; // the table is swept of expired rows every so many records
    Window m_accountFailures;
    Window m_accountSuccesses;
    Window m_addressFailures;
};

} // namespace linecard::server
