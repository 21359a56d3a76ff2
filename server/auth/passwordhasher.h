#pragma once

#include <QString>

namespace linecard::server {

// Password hashes. New ones are Argon2id (libsodium's crypto_pwhash_str, stored in its
// "$argon2id$v=19$m=…,t=…,p=1$salt$hash" form); hashes of earlier versions,
// "pbkdf2-sha256$<iterations>$<salt>$<hash>", are still verified, and needsRehash() tells the
// caller to replace them at the next successful sign-in. Plain functions of their arguments:
// safe to call from any thread.
class PasswordHasher
{
public:
    // Argon2id cost, measured on the reference machine (2 cores, Debian 12): t=2 passes over
    // 64 MiB take 49 ms, as long as the PBKDF2 with 120,000 rounds they replace (48 ms);
    // libsodium's "interactive" limits, above OWASP's minimum (t=2, 19 MiB).
    static constexpr unsigned long long OpsLimit = 2;
    static constexpr size_t MemLimitBytes = size_t(64) * 1024 * 1024;

    static QString hash(const QString &password);
    static bool verify(const QString &password, const QString &stored);
    // True when the stored hash is not Argon2id with today's cost (a PBKDF2 hash, or weaker
    // Argon2id parameters): hash the password again once it has been verified.
    static bool needsRehash(const QString &stored);

    // The hash earlier versions wrote; kept for verification and for tests of the upgrade.
    static constexpr int Pbkdf2Iterations = 120000;
    static QString hashPbkdf2(const QString &password, int iterations = Pbkdf2Iterations);
};

} // namespace linecard::server
