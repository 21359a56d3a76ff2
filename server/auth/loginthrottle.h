#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace linecard::server {

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

    Limits m_limits;
    Window m_accountFailures;
    Window m_accountSuccesses;
    Window m_addressFailures;
};

} // namespace linecard::server
