#pragma once

#include "loginthrottle.h"
#include "session.h"

#include <QString>

#include <optional>

namespace linecard::server {

class Database;
class PeopleStore;

// Sign-in, opaque bearer tokens (only their SHA-256 is stored) and sign-out.
class AuthService
{
public:
    AuthService(Database &db, PeopleStore &people)
        : m_db(db)
        , m_people(people)
    { }

    struct LoginResult
    {
        QString token;
        Person person;
    };
    // Throws ApiError 401 (wrong login or password) or 429 (too many failures).
    LoginResult login(const QString &login, const QString &password, const QString &address);
    std::optional<Session> authenticate(const QByteArray &token);
    void logout(const QByteArray &tokenHash);
    // Deletes every token of a person; returns how many there were (see revokeSessions).
    int revokeTokensOf(qint64 personId);

    static QByteArray hashToken(const QByteArray &token);

private:
    Database &m_db;
    PeopleStore &m_people;
    LoginThrottle m_throttle;
};

} // namespace linecard::server
