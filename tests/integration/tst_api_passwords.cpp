// Passwords: Argon2id for new hashes, PBKDF2 hashes of earlier versions still accepted and
// replaced by Argon2id at the next successful sign-in (issue 19).
#include "server/auth/passwordhasher.h"
#include "server/servercontext.h"
#include "testserver.h"

#include <QTest>

#include <sodium.h>

using namespace linecard;
using namespace linecard::testing;
using server::PasswordHasher;

class TestApiPasswords : public QObject
{
    Q_OBJECT

    static QString storedHash(TestServer &server, const QString &login)
    {
        return server.server()
            .context()
            .db
            .scalar(QStringLiteral("SELECT password_hash FROM people WHERE login = :l"),
                {{QStringLiteral("l"), login}})
            .toString();
    }
    static void setStoredHash(TestServer &server, const QString &login, const QString &hash)
    {
        server.server().context().db.exec(
            QStringLiteral("UPDATE people SET password_hash = :h WHERE login = :l"),
            {{QStringLiteral("h"), hash}, {QStringLiteral("l"), login}});
    }

private slots:
    void argon2idHashes()
    {
        const QString hash = PasswordHasher::hash(QStringLiteral("correct horse"));
        QVERIFY2(
            hash.startsWith(QLatin1String("$argon2id$v=19$m=65536,t=2,p=1$")), qPrintable(hash));
        QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse"), hash));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horsE"), hash));
        QVERIFY(!PasswordHasher::verify(QString(), hash));
        QVERIFY(!PasswordHasher::needsRehash(hash));
        // A fresh salt every time.
        QVERIFY(hash != PasswordHasher::hash(QStringLiteral("correct horse")));
        // Non-ASCII passwords are hashed as UTF-8.
        const QString cyrillic = PasswordHasher::hash(QStringLiteral("пароль"));
        QVERIFY(PasswordHasher::verify(QStringLiteral("пароль"), cyrillic));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("парол"), cyrillic));
    }

    void pbkdf2HashesStillVerify()
    {
        const QString old = PasswordHasher::hashPbkdf2(QStringLiteral("correct horse"));
        QVERIFY(old.startsWith(QLatin1String("pbkdf2-sha256$120000$")));
        QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse"), old));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("wrong"), old));
        QVERIFY(PasswordHasher::needsRehash(old));
    }

    void weakerArgon2idAndGarbageNeedRehashOrFail()
    {
        // An Argon2id hash with a lower cost than today's verifies and is marked for rehash.
        const QByteArray password("correct horse");
        char weak[crypto_pwhash_STRBYTES];
        QCOMPARE(crypto_pwhash_str_alg(weak, password.constData(), size_t(password.size()), 1,
                     8 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13),
            0);
        QVERIFY(PasswordHasher::verify(QString::fromLatin1(password), QString::fromLatin1(weak)));
        QVERIFY(PasswordHasher::needsRehash(QString::fromLatin1(weak)));
        for (const QString &garbage : {QString(), QStringLiteral("$argon2id$"),
                 QStringLiteral("pbkdf2-sha256$0$$"), QStringLiteral("plain text")}) {
            QVERIFY(!PasswordHasher::verify(QStringLiteral("plain text"), garbage));
            QVERIFY(PasswordHasher::needsRehash(garbage));
        }
    }

    void signInUpgradesPbkdf2ToArgon2id()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QVERIFY(
            storedHash(server, QStringLiteral("admin")).startsWith(QLatin1String("$argon2id$")));
        QVERIFY(server.createEmployee(admin, QStringLiteral("olga")));
        // Olga's account as an earlier version stored it.
        const QString old = PasswordHasher::hashPbkdf2(QStringLiteral("olga-password"));
        setStoredHash(server, QStringLiteral("olga"), old);

        // A wrong password changes nothing.
        QVERIFY(server.login(QStringLiteral("olga"), QStringLiteral("wrong")).isEmpty());
        QCOMPARE(storedHash(server, QStringLiteral("olga")), old);

        // The right one signs in and leaves an Argon2id hash of the same password.
        const QString token = server.login(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(!token.isEmpty());
        const QString upgraded = storedHash(server, QStringLiteral("olga"));
        QVERIFY2(upgraded.startsWith(QLatin1String("$argon2id$")), qPrintable(upgraded));
        QVERIFY(PasswordHasher::verify(QStringLiteral("olga-password"), upgraded));

        // Signing in again works and keeps the hash (no rehash of a current one).
        QVERIFY(!server.login(QStringLiteral("olga"), QStringLiteral("olga-password")).isEmpty());
        QCOMPARE(storedHash(server, QStringLiteral("olga")), upgraded);
        QVERIFY(server.login(QStringLiteral("olga"), QStringLiteral("wrong")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiPasswords)
#include "tst_api_passwords.moc"
