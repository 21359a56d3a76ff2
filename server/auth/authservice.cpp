#include "authservice.h"

#include "../http/apierror.h"
#include "../logging.h"
#include "../store/database.h"
#include "../store/peoplestore.h"
#include "passwordhasher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace linecard::server {

QByteArray AuthService::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

AuthService::LoginResult AuthService::login(
    const QString &login, const QString &password, const QString &address)
{
    if (const int wait = m_throttle.retryAfter(login, address))
        throw ApiError::tooManyRequests(
            QStringLiteral("too many failed sign-ins; try again in %1 s").arg(wait));
    const auto credentials = m_people.credentials(login);
    // Verify against a dummy hash for unknown logins so timing does not reveal them.
    static const QString dummy = PasswordHasher::hash(QStringLiteral("dummy"));
    const bool ok = PasswordHasher::verify(password, credentials ? credentials->second : dummy)
        && credentials;
    if (!ok) {
        m_throttle.recordFailure(login, address);
        qCInfo(lcAuth) << "failed sign-in for" << login << "from" << address;
        throw ApiError::unauthorized(QStringLiteral("wrong login or password"));
    }
    m_throttle.recordSuccess(login);
    // A hash from before Argon2id (or with a lower cost) is replaced now that the password
    // is known to be right.
    if (PasswordHasher::needsRehash(credentials->second))
        m_people.upgradePasswordHash(
            credentials->first, credentials->second, PasswordHasher::hash(password));

    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token
        = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString t = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
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
    const QVariant personId = m_db.scalar(
        QStringLiteral("SELECT t.person_id FROM auth_tokens t JOIN people p ON p.id = t.person_id "
                       "WHERE t.token_hash = :h AND p.merged_into IS NULL AND "
                       "(p.kind = 'employee' OR p.has_access = 1)"),
        {{QStringLiteral("h"), QString::fromLatin1(hash)}});
    if (personId.isNull())
        return std::nullopt;
    const auto person = m_people.get(personId.toLongLong());
    if (!person)
        return std::nullopt;
    return Session {*person, hash};
}

void AuthService::logout(const QByteArray &tokenHash)
{
    m_db.exec(QStringLiteral("DELETE FROM auth_tokens WHERE token_hash = :h"),
        {{QStringLiteral("h"), QString::fromLatin1(tokenHash)}});
}

} // namespace linecard::server
