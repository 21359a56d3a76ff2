#include "passwordhasher.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <sodium.h>

#include <stdexcept>

namespace linecard::server {

static const QLatin1String pbkdf2Prefix("pbkdf2-sha256$");
static const QLatin1String argon2idPrefix("$argon2id$");

static void initialiseSodium()
{
    // sodium_init is idempotent and thread-safe; it fails only without a random source.
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

static QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray out(32, Qt::Uninitialized);
    PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
        reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()), iterations,
        EVP_sha256(), int(out.size()), reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QString PasswordHasher::hash(const QString &password)
{
    initialiseSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), OpsLimit, MemLimitBytes,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw std::runtime_error("out of memory hashing a password");
    return QString::fromLatin1(out);
}

QString PasswordHasher::hashPbkdf2(const QString &password, int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    const QByteArray derived = pbkdf2(password.toUtf8(), salt, iterations);
    return pbkdf2Prefix
        + QStringLiteral("%1$%2$%3")
              .arg(iterations)
              .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived.toBase64()));
}

static bool verifyPbkdf2(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4)
        return false;
    const int iterations = parts.at(1).toInt();
    if (iterations < 1)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray derived = pbkdf2(password.toUtf8(), salt, iterations);
    return derived.size() == expected.size()
        && CRYPTO_memcmp(derived.constData(), expected.constData(), size_t(derived.size())) == 0;
}

bool PasswordHasher::verify(const QString &password, const QString &stored)
{
    if (stored.startsWith(pbkdf2Prefix))
        return verifyPbkdf2(password, stored);
    if (!stored.startsWith(argon2idPrefix) || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    initialiseSodium();
    const QByteArray utf8 = password.toUtf8();
    const QByteArray hashText = stored.toLatin1(); // NUL-terminated, as libsodium wants it
    return crypto_pwhash_str_verify(hashText.constData(), utf8.constData(), size_t(utf8.size()))
        == 0;
}

bool PasswordHasher::needsRehash(const QString &stored)
{
    if (!stored.startsWith(argon2idPrefix) || stored.size() >= crypto_pwhash_STRBYTES)
        return true;
    initialiseSodium();
    return crypto_pwhash_str_needs_rehash(stored.toLatin1().constData(), OpsLimit, MemLimitBytes)
        != 0;
}

} // namespace linecard::server
