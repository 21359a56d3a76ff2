#include "authservice.h"

#include "../http/apierror.h"
#include "../logging.h"
#include "../store/database.h"
#include "../store/peoplestore.h"
#include "passwordhasher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

namespace linecard::server {

QByteArray AuthService::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

AuthService::AuthService(Database &db, PeopleStore &people)
    : m_db(db)
    , m_people(people)
    , m_sessions(db)
{
    // Hashing is the costly part of a sign-in by design: it has threads of its own, one core
    // left to everything else.
    m_hashers.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    // Instances sharing a database count sign-in attempts together.
    if (m_db.dialect().isPostgres())
        m_throttle.shareThrough(m_db);
}

AuthService::~AuthService()
{
    m_hashers.waitForDone();
}

static QString dummyHash()
{
    // Unknown logins are checked against this, so that timing does not reveal them.
    static const QString dummy = PasswordHasher::hash(QStringLiteral("dummy"));
    return dummy;
}

void AuthService::login(const QString &login, const QString &password, const QString &address,
    std::function<void(const LoginOutcome &)> done)
{
    if (const int wait = m_throttle.accountRetryAfter(login))
        throw ApiError::tooManyRequests(
            QStringLiteral("too many sign-ins for this account; try again in %1 s").arg(wait),
            wait);
    if (m_waiting >= MaxWaitingSignIns)
        throw ApiError::tooManyRequests(
            QStringLiteral("the server is busy signing people in; try again in a second"), 1);
    const auto credentials = m_people.credentials(login);
    auto settle = [this, login, address, credentials, done](
                      bool passwordOk, const QString &upgradedHash = QString()) {
        done([=] { return finishLogin(login, address, credentials, passwordOk, upgradedHash); });
    };
    if (!credentials && m_throttle.addressRetryAfter(address)) {
        // A made-up login from an address past its failure budget costs no hash; its answer
        // comes after as long as a hash takes all the same.
        QTimer::singleShot(m_lastHashMs, &m_home, [settle] { settle(false); });
        return;
    }
    ++m_waiting;
    const QString stored = credentials ? credentials->second : QString();
    m_hashers.start([this, password, stored, settle] {
        QElapsedTimer timer;
        timer.start();
        const bool ok = PasswordHasher::verify(password, stored.isEmpty() ? dummyHash() : stored)
            && !stored.isEmpty();
        const int ms = int(timer.elapsed());
        // A hash from before Argon2id (or with a lower cost) is replaced now that the password
        // is known to be right — hashed here too, off the serving thread.
        const QString upgraded = ok && PasswordHasher::needsRehash(stored)
            ? PasswordHasher::hash(password)
            : QString();
        QMetaObject::invokeMethod(
            &m_home,
            [this, ok, ms, upgraded, settle] {
                --m_waiting;
                m_lastHashMs = ms;
                settle(ok, upgraded);
            },
            Qt::QueuedConnection);
    });
}

AuthService::LoginResult AuthService::finishLogin(const QString &login, const QString &address,
    const std::optional<std::pair<qint64, QString>> &credentials, bool passwordOk,
    const QString &upgradedHash)
{
    if (!passwordOk || !credentials) {
        m_throttle.recordFailure(login, address);
        // Not the login itself: a password typed into the login field would land in the log.
        if (credentials)
            qCInfo(lcAuth) << "failed sign-in for person" << credentials->first << "from"
                           << address;
        else
            qCInfo(lcAuth) << "failed sign-in for an unknown login from" << address;
        if (const int wait = m_throttle.addressRetryAfter(address))
            throw ApiError::tooManyRequests(
                QStringLiteral("too many failed sign-ins from this address; try again in %1 s")
                    .arg(wait),
                wait);
        throw ApiError::unauthorized(QStringLiteral("wrong login or password"));
    }
    m_throttle.recordSuccess(login);
    if (!upgradedHash.isEmpty())
        m_people.upgradePasswordHash(credentials->first, credentials->second, upgradedHash);

    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token
        = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString t = now.toString(Qt::ISODateWithMs);
    // Tokens idle past the expiry go now rather than on their next use, which may never come.
    m_db.exec(QStringLiteral("DELETE FROM auth_tokens WHERE last_used_at < :cutoff"),
        {{QStringLiteral("cutoff"), now.addSecs(-m_tokenIdleSeconds).toString(Qt::ISODateWithMs)}});
    m_db.exec(
        QStringLiteral("INSERT INTO auth_tokens(token_hash, person_id, created_at, last_used_at) "
                       "VALUES (:h, :p, :t, :t)"),
        {{QStringLiteral("h"), QString::fromLatin1(hashToken(token))},
            {QStringLiteral("p"), credentials->first}, {QStringLiteral("t"), t}});
    return {QString::fromLatin1(token), *m_people.get(credentials->first)};
}

std::optional<Session> AuthService::authenticate(const QByteArray &token)
{
    const QByteArray hash = hashToken(token);
    m_sessions.dropIfChanged();
    if (const TokenCache::Entry *kept = m_sessions.find(hash)) {
        const Session session = kept->session;
        QDateTime lastUsed = kept->lastUsed;
        if (!stillUsable(hash, session.person.id, lastUsed))
            return std::nullopt;
        if (TokenCache::Entry *still = m_sessions.find(hash)) {
            still->lastUsed = lastUsed;
            return session;
        }
        // Dropped meanwhile (something else changed too): looked up afresh below.
    }
    const QVariantMap byHash {{QStringLiteral("h"), QString::fromLatin1(hash)}};
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT t.person_id, t.last_used_at FROM auth_tokens t "
                       "JOIN people p ON p.id = t.person_id "
                       "WHERE t.token_hash = :h AND p.merged_into IS NULL AND p.active = 1 AND "
                       "(p.kind = 'employee' OR p.has_access = 1)"),
        byHash);
    if (!q.next())
        return std::nullopt;
    const qint64 personId = q.value(0).toLongLong();
    QDateTime lastUsed = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    q.finish();
    if (!stillUsable(hash, personId, lastUsed))
        return std::nullopt;
    const auto person = m_people.get(personId);
    if (!person)
        return std::nullopt;
    Session session {*person, hash};
    m_sessions.remember(hash, session, lastUsed);
    return session;
}

bool AuthService::stillUsable(const QByteArray &hash, qint64 personId, QDateTime &lastUsed)
{
    const QVariantMap byHash {{QStringLiteral("h"), QString::fromLatin1(hash)}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 idle = lastUsed.isValid() ? lastUsed.secsTo(now) : m_tokenIdleSeconds + 1;
    if (idle > m_tokenIdleSeconds) {
        m_db.exec(QStringLiteral("DELETE FROM auth_tokens WHERE token_hash = :h"), byHash);
        qCInfo(lcAuth) << "token of person" << personId << "expired after" << idle / 86400
                       << "idle day(s)";
        return false;
    }
    if (idle >= LastUsedGranularitySeconds) {
        m_db.exec(QStringLiteral("UPDATE auth_tokens SET last_used_at = :t WHERE token_hash = :h"),
            {{QStringLiteral("h"), QString::fromLatin1(hash)},
                {QStringLiteral("t"), now.toString(Qt::ISODateWithMs)}});
        lastUsed = now;
        m_sessions.adoptOwnTouch();
    }
    return true;
}

void AuthService::logout(const QByteArray &tokenHash)
{
    m_db.exec(QStringLiteral("DELETE FROM auth_tokens WHERE token_hash = :h"),
        {{QStringLiteral("h"), QString::fromLatin1(tokenHash)}});
}

int AuthService::revokeTokensOf(qint64 personId)
{
    const QVariantMap params {{QStringLiteral("p"), personId}};
    const int count
        = m_db.scalar(
                  QStringLiteral("SELECT COUNT(*) FROM auth_tokens WHERE person_id = :p"), params)
              .toInt();
    m_db.exec(QStringLiteral("DELETE FROM auth_tokens WHERE person_id = :p"), params);
    return count;
}

} // namespace linecard::server
