#include "telephonyfixture.h"

#include <QTest>

using namespace linecard::testing;

// Administration over the API: editing employees (PATCH /people/{id}), deactivation that
// revokes tokens and closes streams at once, the last administrator kept, 422s that name
// their field, person.* / line.* / provider.* events, and the provider's test call.
class TestApiAdmin : public QObject
{
    Q_OBJECT

    static QString person(qint64 id) { return QStringLiteral("/api/v1/people/%1").arg(id); }
    static QString providers() { return QStringLiteral("/api/v1/telephony/providers"); }
    static QString fieldOf(const HttpResult &r)
    {
        return r.json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("field"))
            .toString();
    }
    static qint64 idIn(const QJsonObject &o)
    {
        return qint64(o.value(QStringLiteral("id")).toDouble());
    }

private slots:
    void editEmployeeRoundTrip()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 op
            = server.createEmployee(admin, QStringLiteral("op"), false, {QStringLiteral("101")});
        QVERIFY(op);
        EventStream adminStream(server, admin);
        QVERIFY(adminStream.waitForOpen());

        HttpResult r = server.patch(person(op),
            {{QStringLiteral("name"), QStringLiteral("Olga Petrova")},
                {QStringLiteral("extensions"),
                    QJsonArray {QStringLiteral("150"), QStringLiteral("151")}},
                {QStringLiteral("isAdmin"), true}},
            admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Olga Petrova"));
        QCOMPARE(r.json.value(QStringLiteral("login")).toString(), QStringLiteral("op"));
        QCOMPARE(r.json.value(QStringLiteral("extensions")).toArray().size(), 2);
        QCOMPARE(r.json.value(QStringLiteral("isAdmin")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("active")).toBool(), true);
        QVERIFY(adminStream.waitFor(QStringLiteral("person.updated")));
        QCOMPARE(adminStream.lastData(QStringLiteral("person.updated"))
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("Olga Petrova"));
        // 101 is free again; the old password still works until it is reset.
        QVERIFY(
            server.createEmployee(admin, QStringLiteral("other"), false, {QStringLiteral("101")}));
        QVERIFY(!server.login(QStringLiteral("op"), QStringLiteral("op-password")).isEmpty());

        // Reset the password: the old one stops, so do the sessions signed in with it.
        const QString before = server.login(QStringLiteral("op"), QStringLiteral("op-password"));
        EventStream opStream(server, before);
        QVERIFY(opStream.waitForOpen());
        QCOMPARE(server
                     .patch(person(op),
                         {{QStringLiteral("password"), QStringLiteral("new-secret-1")}}, admin)
                     .status,
            200);
        QVERIFY(opStream.waitForClose());
        QCOMPARE(opStream.closeCode(), 4401);
        QCOMPARE(server.get(QStringLiteral("/api/v1/me"), before).status, 401);
        QVERIFY(server.login(QStringLiteral("op"), QStringLiteral("op-password")).isEmpty());
        QVERIFY(!server.login(QStringLiteral("op"), QStringLiteral("new-secret-1")).isEmpty());

        // A created employee is announced too.
        QVERIFY(server.createEmployee(admin, QStringLiteral("third")));
        QVERIFY(adminStream.waitFor(QStringLiteral("person.created")));
    }

    void validationNamesTheFieldAndChangesNothing()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 op
            = server.createEmployee(admin, QStringLiteral("op"), false, {QStringLiteral("101")});
        QVERIFY(
            server.createEmployee(admin, QStringLiteral("taken"), false, {QStringLiteral("102")}));
        const QByteArray before
            = server.get(QStringLiteral("/api/v1/people?kind=employee"), admin).raw;

        struct Case
        {
            QJsonObject body;
            int status;
            QString field;
        };
        const QList<Case> cases {
            {{{QStringLiteral("name"), QString()}}, 422, QStringLiteral("name")},
            {{{QStringLiteral("name"), 5}}, 422, QStringLiteral("name")},
            {{{QStringLiteral("login"), QStringLiteral("has space")}}, 422,
                QStringLiteral("login")},
            {{{QStringLiteral("password"), QStringLiteral("short")}}, 422,
                QStringLiteral("password")},
            {{{QStringLiteral("extensions"), QJsonArray {QString()}}}, 422,
                QStringLiteral("extensions")},
            {{{QStringLiteral("extensions"), QStringLiteral("101")}}, 422,
                QStringLiteral("extensions")},
            {{{QStringLiteral("isAdmin"), QStringLiteral("yes")}}, 422, QStringLiteral("isAdmin")},
            {{{QStringLiteral("login"), QStringLiteral("TAKEN")}}, 409, QStringLiteral("login")},
            {{{QStringLiteral("name"), QStringLiteral("Changed")},
                 {QStringLiteral("extensions"), QJsonArray {QStringLiteral("102")}}},
                409, QStringLiteral("extensions")},
        };
        for (const Case &c : cases) {
            const HttpResult r = server.patch(person(op), c.body, admin);
            QCOMPARE(r.status, c.status);
            QCOMPARE(fieldOf(r), c.field);
        }
        // Creating checks the same way.
        const HttpResult r = server.post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), QStringLiteral("N")},
                {QStringLiteral("login"), QStringLiteral("n")},
                {QStringLiteral("password"), QStringLiteral("1234")}},
            admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("password"));
        QCOMPARE(server.get(QStringLiteral("/api/v1/people?kind=employee"), admin).raw, before);
        QCOMPARE(server.patch(person(999), {{QStringLiteral("name"), QStringLiteral("X")}}, admin)
                     .status,
            404);
    }

    void onlyAdministratorsAdminister()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 op = server.createEmployee(admin, QStringLiteral("op"));
        const QString opToken = server.login(QStringLiteral("op"), QStringLiteral("op-password"));
        const qint64 contact
            = server.createContact(admin, {{QStringLiteral("name"), QStringLiteral("Client")}});
        QCOMPARE(server
                     .put(QStringLiteral("/api/v1/contacts/%1/access").arg(contact),
                         {{QStringLiteral("enabled"), true},
                             {QStringLiteral("login"), QStringLiteral("client")},
                             {QStringLiteral("password"), QStringLiteral("client-password")}},
                         admin)
                     .status,
            200);
        const QString contactToken
            = server.login(QStringLiteral("client"), QStringLiteral("client-password"));
        QVERIFY(!opToken.isEmpty() && !contactToken.isEmpty());
        const QJsonObject rename {{QStringLiteral("name"), QStringLiteral("Boss")}};
        for (const QString &token : {opToken, contactToken}) {
            QCOMPARE(server.patch(person(op), rename, token).status, 403);
            QCOMPARE(
                server.patch(person(op), {{QStringLiteral("isAdmin"), true}}, token).status, 403);
            QCOMPARE(
                server
                    .get(QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"), token)
                    .status,
                403);
            QCOMPARE(server.get(providers(), token).status, 403);
            QCOMPARE(
                server.post(providers() + QStringLiteral("/1/test-call"), {}, token).status, 403);
            QCOMPARE(server
                         .post(QStringLiteral("/api/v1/lines"),
                             {{QStringLiteral("number"), QStringLiteral("+15550001")}}, token)
                         .status,
                403);
            QCOMPARE(
                server.request("DELETE", QStringLiteral("/api/v1/lines/1"), token).status, 403);
        }
        QCOMPARE(server.get(QStringLiteral("/api/v1/people?kind=employee"), admin)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
            2);
    }

    void lastAdministratorStays()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 adminId = idIn(server.get(QStringLiteral("/api/v1/me"), admin).json);
        HttpResult r = server.patch(person(adminId), {{QStringLiteral("isAdmin"), false}}, admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(fieldOf(r), QStringLiteral("isAdmin"));
        QVERIFY(r.json.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("last active administrator")));
        // With a second administrator the first may step down, but not the second too.
        const qint64 second = server.createEmployee(admin, QStringLiteral("second"), true);
        QCOMPARE(
            server.patch(person(adminId), {{QStringLiteral("isAdmin"), false}}, admin).status, 200);
        const QString secondToken
            = server.login(QStringLiteral("second"), QStringLiteral("second-password"));
        r = server.patch(person(second), {{QStringLiteral("active"), false}}, secondToken);
        QCOMPARE(r.status, 409);
        QCOMPARE(fieldOf(r), QStringLiteral("active"));
        QCOMPARE(
            server.patch(person(second), {{QStringLiteral("isAdmin"), false}}, secondToken).status,
            409);
        // Nobody deactivates themselves.
        QCOMPARE(
            server.patch(person(adminId), {{QStringLiteral("isAdmin"), true}}, secondToken).status,
            200);
        QCOMPARE(
            server.patch(person(second), {{QStringLiteral("active"), false}}, secondToken).status,
            409);
    }

    void deactivationRevokesAtOnce()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        const qint64 op
            = server.createEmployee(admin, QStringLiteral("op"), false, {QStringLiteral("101")});
        const qint64 task = idIn(server
                                     .post(QStringLiteral("/api/v1/tasks"),
                                         {{QStringLiteral("title"), QStringLiteral("Kept")},
                                             {QStringLiteral("assigneeIds"), QJsonArray {op}}},
                                         admin)
                                     .json);
        const QString opToken = server.login(QStringLiteral("op"), QStringLiteral("op-password"));
        EventStream opStream(server, opToken);
        QVERIFY(opStream.waitForOpen());
        QCOMPARE(server.get(QStringLiteral("/api/v1/me"), opToken).status, 200);

        const HttpResult r = server.patch(person(op), {{QStringLiteral("active"), false}}, admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("active")).toBool(), false);
        QVERIFY(opStream.waitForClose());
        QCOMPARE(opStream.closeCode(), 4401);
        QCOMPARE(server.get(QStringLiteral("/api/v1/me"), opToken).status, 401);
        QVERIFY(server.login(QStringLiteral("op"), QStringLiteral("op-password")).isEmpty());
        // Gone from pickers, listed for administrators, the task keeps its assignee.
        const auto idsIn = [&](const QString &path) {
            QList<qint64> ids;
            for (const QJsonValue &v :
                server.get(path, admin).json.value(QStringLiteral("items")).toArray())
                ids << idIn(v.toObject());
            return ids;
        };
        QVERIFY(!idsIn(QStringLiteral("/api/v1/people?kind=employee")).contains(op));
        QVERIFY(idsIn(QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"))
                    .contains(op));
        QCOMPARE(server.get(QStringLiteral("/api/v1/tasks/%1").arg(task), admin)
                     .json.value(QStringLiteral("assigneeIds"))
                     .toArray()
                     .first()
                     .toInteger(),
            op);
        QCOMPARE(idsIn(QStringLiteral("/api/v1/people?ids=%1").arg(op)), QList<qint64> {op});

        // Reactivated: signs in again with the same password.
        QCOMPARE(server.patch(person(op), {{QStringLiteral("active"), true}}, admin).status, 200);
        QVERIFY(!server.login(QStringLiteral("op"), QStringLiteral("op-password")).isEmpty());
    }

    void providerEventsReachAdministratorsOnly()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream adminStream(f.server, f.admin);
        EventStream opStream(f.server, f.op1Token);
        QVERIFY(adminStream.waitForOpen() && opStream.waitForOpen());
        HttpResult r = f.server.post(providers(),
            {{QStringLiteral("name"), QStringLiteral("New PBX")},
                {QStringLiteral("format"), QStringLiteral("zammad")}},
            f.admin);
        QCOMPARE(r.status, 201);
        const qint64 id = idIn(r.json);
        QVERIFY(adminStream.waitFor(QStringLiteral("provider.created")));
        // The event never carries the token.
        QVERIFY(!adminStream.lastData(QStringLiteral("provider.created"))
                     .contains(QStringLiteral("token")));
        r = f.server.patch(providers() + QStringLiteral("/%1").arg(id),
            {{QStringLiteral("regenerateToken"), true}}, f.admin);
        QCOMPARE(r.status, 200);
        const QString token = r.json.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 32);
        QVERIFY(adminStream.waitFor(QStringLiteral("provider.updated")));
        QCOMPARE(f.zammad({{QStringLiteral("event"), QStringLiteral("newCall")},
                              {QStringLiteral("callId"), QStringLiteral("z1")}},
                      token)
                     .status,
            200);
        r = f.server.patch(providers() + QStringLiteral("/%1").arg(id),
            {{QStringLiteral("pbxUrl"), QStringLiteral("not a url")}}, f.admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("pbxUrl"));
        QCOMPARE(
            f.server.request("DELETE", providers() + QStringLiteral("/%1").arg(id), f.admin).status,
            204);
        QVERIFY(adminStream.waitFor(QStringLiteral("provider.deleted")));
        // Its last requests, still waiting for their batch, reached the log before it went.
        const QJsonArray log
            = f.server.get(QStringLiteral("/api/v1/telephony/log?callId=z1"), f.admin)
                  .json.value(QStringLiteral("items"))
                  .toArray();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().toObject().value(QStringLiteral("providerName")).toString(),
            QStringLiteral("New PBX"));
        // Lines: everyone who takes calls hears of them.
        r = f.server.put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
            {{QStringLiteral("number"), QLatin1String(TelephonyFixture::lineNumber)},
                {QStringLiteral("name"), QStringLiteral("Support")},
                {QStringLiteral("color"), QStringLiteral("#aa00aa")}},
            f.admin);
        QCOMPARE(r.status, 200);
        QVERIFY(opStream.waitFor(QStringLiteral("line.updated")));
        r = f.server.put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
            {{QStringLiteral("number"), QLatin1String(TelephonyFixture::lineNumber)},
                {QStringLiteral("color"), QStringLiteral("purple")}},
            f.admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("color"));
        QCOMPARE(opStream.count(QStringLiteral("provider.created"))
                + opStream.count(QStringLiteral("provider.updated"))
                + opStream.count(QStringLiteral("provider.deleted")),
            0);
    }

    void testCallRingsTheAdministrator()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const qint64 adminId = idIn(f.server.get(QStringLiteral("/api/v1/me"), f.admin).json);
        // Without an extension there is nobody to ring.
        HttpResult r = f.server.post(
            providers() + QStringLiteral("/%1/test-call").arg(f.zammadProvider), {}, f.admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(
            f.server
                .patch(person(adminId),
                    {{QStringLiteral("extensions"), QJsonArray {QStringLiteral("100")}}}, f.admin)
                .status,
            200);
        const QString admin
            = f.server.login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        EventStream adminStream(f.server, admin);
        EventStream opStream(f.server, f.op1Token);
        QVERIFY(adminStream.waitForOpen() && opStream.waitForOpen());
        for (const qint64 provider : {f.planFixProvider, f.zammadProvider}) {
            const int before = adminStream.count(QStringLiteral("call.ringing"));
            r = f.server.post(
                providers() + QStringLiteral("/%1/test-call").arg(provider), {}, admin);
            QCOMPARE(r.status, 202);
            QCOMPARE(r.json.value(QStringLiteral("extension")).toString(), QStringLiteral("100"));
            QVERIFY(adminStream.waitFor(QStringLiteral("call.ringing"), before + 1));
            const QJsonObject ringing = adminStream.lastData(QStringLiteral("call.ringing"));
            QCOMPARE(ringing.value(QStringLiteral("line"))
                         .toObject()
                         .value(QStringLiteral("color"))
                         .toString(),
                QStringLiteral("#2e7d32"));
            const QString externalId = r.json.value(QStringLiteral("externalId")).toString();
            QCOMPARE(f.call(externalId).value(QStringLiteral("providerId")).toInteger(), provider);
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return f.call(externalId).value(QStringLiteral("state")).toString()
                        == QLatin1String("ended");
                },
                15000));
            // The integration log shows the three requests as that provider's.
            const QJsonArray log
                = f.server.get(QStringLiteral("/api/v1/telephony/log?callId=") + externalId, admin)
                      .json.value(QStringLiteral("items"))
                      .toArray();
            QCOMPARE(log.size(), 3);
            for (const QJsonValue &entry : log) {
                QCOMPARE(entry.toObject().value(QStringLiteral("status")).toInt(), 200);
                QCOMPARE(
                    entry.toObject().value(QStringLiteral("providerId")).toInteger(), provider);
            }
        }
        // Only the administrator's extension rang.
        QCOMPARE(opStream.count(QStringLiteral("call.ringing")), 0);
        QCOMPARE(
            f.server.post(providers() + QStringLiteral("/999/test-call"), {}, admin).status, 404);
        r = f.server.post(providers() + QStringLiteral("/%1/test-call").arg(f.zammadProvider),
            {{QStringLiteral("lineId"), 999}}, admin);
        QCOMPARE(r.status, 422);
        QCOMPARE(fieldOf(r), QStringLiteral("lineId"));
    }
};

QTEST_GUILESS_MAIN(TestApiAdmin)
#include "tst_api_admin.moc"
