#pragma once

#include <QString>

namespace linecard::server {

// PBKDF2-HMAC-SHA256 with a random salt, stored as "pbkdf2-sha256$<iterations>$<salt>$<hash>".
class PasswordHasher
{
public:
    static constexpr int DefaultIterations = 120000;

    static QString hash(const QString &password, int iterations = DefaultIterations);
    static bool verify(const QString &password, const QString &stored);
};

} // namespace linecard::server
