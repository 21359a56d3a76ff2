#include "testserver.h"

#include "server/auth/authservice.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace linecard::testing;

// A token's session is kept between requests (TokenCache, SQLite): every way a session can
// end or change takes effect on the very next request, each tried with the token just used
// (so kept). Under the label postgres the same answers, with nothing kept.
class TestApiSessions : public QObject
{
    Q_OBJECT

    static QString person(qint64 id) { return QStringLiteral("/api/v1/people/%1").arg(id); }
    static QString contact(qint64 id) { return QStringLiteral("/api/v1/contacts/%1").arg(id); }
    static QString me() { return QStringLiteral("/api/v1/me"); }

    // A token used twice, so that its session is kept, whatever the store.
    static QString usedToken(TestServer &server, const QString &login)
    {
        const QString token = server.login(login, login + QStringLiteral("-password"));
        for (int i = 0; i < 2; ++i)
            if (server.get(me(), token).status != 200)
                return {};
        return token;
    }

    static qint64 contactWithAccess(
        TestServer &server, const QString &admin, const QString &login, const QString &phone)
    {
        const qint64 id = server.createContact(admin,
            {{QStringLiteral("name"), login}, {QStringLiteral("phones"), QJsonArray {phone}}});
        const HttpResult r = server.put(contact(id) + QStringLiteral("/access"),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), QString(login + QStringLiteral("-password"))}},
            admin);
        return r.status == 200 ? id : 0;
    }

private slots:
    void signOutEndsThatTokenOnly()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QVERIFY(server.createEmployee(admin, QStringLiteral("op")));
        const QString first = usedToken(server, QStringLiteral("op"));
        const QString second = usedToken(server, QStringLiteral("op"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QCOMPARE(server.post(QStringLiteral("/api/v1/auth/logout"), {}, first).status, 204);
        QCOMPARE(server.get(me(), first).status, 401);
        QCOMPARE(server.get(me(), second).status, 200);
    }

    void passwordResetAndDeactivationEndSessions()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 op = server.createEmployee(admin, QStringLiteral("op"));
        QString token = usedToken(server, QStringLiteral("op"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(server
                     .patch(person(op),
                         {{QStringLiteral("password"), QStringLiteral("op-secret-2")}}, admin)
                     .status,
            200);
        QCOMPARE(server.get(me(), token).status, 401);

        token = server.login(QStringLiteral("op"), QStringLiteral("op-secret-2"));
        QCOMPARE(server.get(me(), token).status, 200);
        QCOMPARE(server.patch(person(op), {{QStringLiteral("active"), false}}, admin).status, 200);
        QCOMPARE(server.get(me(), token).status, 401);
    }

    // A role or extensions changed without a sign-out: the kept session must not answer with
    // the person as they were.
    void roleAndExtensionsChangeAtOnce()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 boss
            = server.createEmployee(admin, QStringLiteral("boss"), true, {QStringLiteral("201")});
        QVERIFY(boss);
        const QString token = usedToken(server, QStringLiteral("boss"));
        QCOMPARE(server.get(QStringLiteral("/api/v1/telephony/providers"), token).status, 200);

        QCOMPARE(
            server.patch(person(boss), {{QStringLiteral("isAdmin"), false}}, admin).status, 200);
        QCOMPARE(server.get(QStringLiteral("/api/v1/telephony/providers"), token).status, 403);
        QCOMPARE(server.get(me(), token).json.value(QStringLiteral("isAdmin")).toBool(), false);

        QCOMPARE(
            server
                .patch(person(boss),
                    {{QStringLiteral("extensions"), QJsonArray {QStringLiteral("202")}}}, admin)
                .status,
            200);
        QCOMPARE(server.get(me(), token).json.value(QStringLiteral("extensions")).toArray(),
            QJsonArray {QStringLiteral("202")});
    }

    // A contact's session: access taken away (its tokens deleted by PeopleStore), merged into
    // another contact (deleted by ContactMerger), its phones edited.
    void contactSessionsFollowTheirContact()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 first = contactWithAccess(
            server, admin, QStringLiteral("client"), QStringLiteral("+74951234567"));
        const qint64 second = contactWithAccess(
            server, admin, QStringLiteral("twin"), QStringLiteral("+74951234568"));
        const qint64 third = contactWithAccess(
            server, admin, QStringLiteral("third"), QStringLiteral("+74951234569"));
        QVERIFY(first && second && third);

        const QString client = usedToken(server, QStringLiteral("client"));
        QCOMPARE(server
                     .patch(contact(first),
                         {{QStringLiteral("phones"), QJsonArray {QStringLiteral("+74959999999")}}},
                         admin)
                     .status,
            200);
        const QJsonArray phones
            = server.get(me(), client).json.value(QStringLiteral("phones")).toArray();
        QCOMPARE(phones.size(), 1);
        QVERIFY(phones.first()
                    .toObject()
                    .value(QStringLiteral("number"))
                    .toString()
                    .endsWith(QStringLiteral("9999999")));

        QCOMPARE(server
                     .put(contact(first) + QStringLiteral("/access"),
                         {{QStringLiteral("enabled"), false}}, admin)
                     .status,
            200);
        QCOMPARE(server.get(me(), client).status, 401);

        const QString twin = usedToken(server, QStringLiteral("twin"));
        QVERIFY(!twin.isEmpty());
        QCOMPARE(server
                     .post(contact(third) + QStringLiteral("/merge"),
                         {{QStringLiteral("mergeIds"), QJsonArray {second}}}, admin)
                     .status,
            200);
        QCOMPARE(server.get(me(), twin).status, 401);
    }

    // Another process writing the database file (an administrator's sqlite3, a second tool):
    // its commits end kept sessions too (SQLite only: on PostgreSQL nothing is kept).
    void anotherConnectionsChangesCount()
    {
        TestServer server;
        if (server.usesPostgres())
            QSKIP("SQLite: a second connection to the file");
        const QString admin = server.bootstrapAdmin();
        const qint64 op = server.createEmployee(admin, QStringLiteral("op"));
        QVERIFY(op);
        const QString deleted = usedToken(server, QStringLiteral("op"));
        const QString kept = usedToken(server, QStringLiteral("op"));
        QVERIFY(!deleted.isEmpty() && !kept.isEmpty());
        {
            QSqlDatabase other
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(
                QDir(server.dataDir()).filePath(QStringLiteral("linecard.sqlite")));
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("PRAGMA busy_timeout = 5000")));
            QVERIFY(q.prepare(QStringLiteral("DELETE FROM auth_tokens WHERE token_hash = ?")));
            q.addBindValue(
                QString::fromLatin1(linecard::server::AuthService::hashToken(deleted.toUtf8())));
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
            QCOMPARE(server.get(me(), deleted).status, 401);
            QCOMPARE(server.get(me(), kept).status, 200);

            QVERIFY(q.exec(QStringLiteral("UPDATE people SET active = 0 WHERE id = %1").arg(op)));
            QCOMPARE(server.get(me(), kept).status, 401);
            q.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
};

QTEST_MAIN(TestApiSessions)
#include "tst_api_sessions.moc"
