#pragma once

#include "loginthrottle.h"
#include "session.h"
#include "tokencache.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

#include <optional>

namespace linecard::server {

class Database;
class PeopleStore;

// Sign-in, opaque bearer tokens (only their SHA-256 is stored) and sign-out.
class AuthService
{
public:
    static constexpr int DefaultTokenIdleDays = 30;
    // last_used_at is written when it is at least this old: not a write per request.
    static constexpr int LastUsedGranularitySeconds = 60;

    // Sign-ins waiting for a hash beyond this are refused (429) rather than queued.
    static constexpr int MaxWaitingSignIns = 64;

    AuthService(Database &db, PeopleStore &people);
    ~AuthService();

    // A token unused for longer than this is refused and deleted.
    void setTokenIdleExpiry(qint64 seconds) { m_tokenIdleSeconds = seconds; }

    struct LoginResult
    {
        QString token;
        Person person;
    };
    // The end of a sign-in: returns its result or throws the ApiError to answer (401, 429).
    using LoginOutcome = std::function<LoginResult()>;
    // Signs in without holding the serving thread: the password is checked on a worker
    // thread and `done` runs back on this thread. Throws ApiError 429 at once when the
    // account is throttled or too many sign-ins are waiting for their hash.
    void login(const QString &login, const QString &password, const QString &address,
        std::function<void(const LoginOutcome &)> done);
    // The session of a token, or none (unknown, expired, its person gone or without access).
    // Kept between requests while nothing it is made of changes (TokenCache).
    std::optional<Session> authenticate(const QByteArray &token);
    void logout(const QByteArray &tokenHash);
    // Deletes every token of a person; returns how many there were (see revokeSessions).
    int revokeTokensOf(qint64 personId);

    static QByteArray hashToken(const QByteArray &token);

private:
    // upgradedHash: the password hashed anew when the stored hash is outdated (else empty).
    LoginResult finishLogin(const QString &login, const QString &address,
        const std::optional<std::pair<qint64, QString>> &credentials, bool passwordOk,
        const QString &upgradedHash);
    // Expires a token idle too long (deleted: false) and moves its last use on, at most once
    // per LastUsedGranularitySeconds; lastUsed follows.
    bool stillUsable(const QByteArray &hash, qint64 personId, QDateTime &lastUsed);

    Database &m_db;
    PeopleStore &m_people;
    LoginThrottle m_throttle;
    QObject m_home; // where hash results come back to (the serving thread)
    QThreadPool m_hashers; // declared after m_home: waits for its workers before m_home goes
    int m_waiting = 0;
    int m_lastHashMs = 100;
    qint64 m_tokenIdleSeconds = qint64(DefaultTokenIdleDays) * 24 * 3600;
    TokenCache m_sessions;
};

} // namespace linecard::server
