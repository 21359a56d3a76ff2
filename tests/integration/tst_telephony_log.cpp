#include "telephonyfixture.h"

#include <QTest>

using namespace linecard::testing;

// The administrators' integration log (GET /api/v1/telephony/log): closed to everyone else,
// never holds a provider token, filters by call id and number, keeps only the newest rows.
class TestTelephonyLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TelephonyFixture> f;

    QJsonArray log(const QString &query = {}, const QString &token = {})
    {
        const HttpResult r = f->server.get(
            QStringLiteral("/api/v1/telephony/log") + query, token.isEmpty() ? f->admin : token);
        return r.status == 200 ? r.json.value(QStringLiteral("items")).toArray() : QJsonArray();
    }

private slots:
    void init()
    {
        qunsetenv("LINECARD_INTEGRATION_LOG_SIZE");
        f = std::make_unique<TelephonyFixture>();
        QVERIFY(f->ready());
    }

    void refusesAllButAdministrators()
    {
        QCOMPARE(f->event(QStringLiteral("c-1"), QStringLiteral("INCOMING"), QStringLiteral("101"))
                     .status,
            200);
        QCOMPARE(f->server.get(QStringLiteral("/api/v1/telephony/log")).status, 401);
        QCOMPARE(f->server.get(QStringLiteral("/api/v1/telephony/log"), f->op1Token).status, 403);
        const qint64 contact = f->server.createContact(
            f->admin, {{QStringLiteral("name"), QStringLiteral("Client With Login")}});
        QVERIFY(contact);
        QCOMPARE(f->server
                     .put(QStringLiteral("/api/v1/contacts/%1/access").arg(contact),
                         {{QStringLiteral("enabled"), true},
                             {QStringLiteral("login"), QStringLiteral("client1")},
                             {QStringLiteral("password"), QStringLiteral("client1-password")}},
                         f->admin)
                     .status,
            200);
        const QString contactToken
            = f->server.login(QStringLiteral("client1"), QStringLiteral("client1-password"));
        QVERIFY(!contactToken.isEmpty());
        const HttpResult asContact
            = f->server.get(QStringLiteral("/api/v1/telephony/log"), contactToken);
        QCOMPARE(asContact.status, 403);
        QVERIFY(!asContact.raw.contains("c-1"));
        QCOMPARE(log().size(), 1);
        // Bad filters are refused, not ignored.
        QCOMPARE(f->server.get(QStringLiteral("/api/v1/telephony/log?number=abc"), f->admin).status,
            400);
        QCOMPARE(
            f->server.get(QStringLiteral("/api/v1/telephony/log?cursor=x"), f->admin).status, 400);
    }

    void hidesTokensAndKeepsTheRest()
    {
        // PlanFix: the token in the form body, and also in a bearer header.
        const QByteArray body = formBody({{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("in")},
            {QStringLiteral("event"), QStringLiteral("INCOMING")},
            {QStringLiteral("phone"), QStringLiteral("+7 916 123-45-67")},
            {QStringLiteral("diversion"), QStringLiteral("74951200001")},
            {QStringLiteral("ext"), QStringLiteral("101")},
            {QStringLiteral("callid"), QStringLiteral("pf-call-7")},
            {QStringLiteral("planfix_token"), QLatin1String(TelephonyFixture::planFixToken)}});
        QCOMPARE(f->server
                     .request("POST", QStringLiteral("/tel/api"),
                         QLatin1String(TelephonyFixture::planFixToken), body,
                         "application/x-www-form-urlencoded")
                     .status,
            200);
        // Zammad: the token in the path.
        QCOMPARE(f->zammad({{QStringLiteral("event"), QStringLiteral("newCall")},
                               {QStringLiteral("direction"), QStringLiteral("in")},
                               {QStringLiteral("from"), QStringLiteral("4930555777")},
                               {QStringLiteral("to"), QStringLiteral("4930123456")},
                               {QStringLiteral("callId"), QStringLiteral("zm-call-9")},
                               {QStringLiteral("user"), QStringLiteral("op2")}})
                     .status,
            200);
        // A wrong token is logged too, masked as well.
        QCOMPARE(f->planFix({{QStringLiteral("cmd"), QStringLiteral("ping")}},
                      QStringLiteral("wrong-secret-123"))
                     .status,
            401);

        const HttpResult r = f->server.get(QStringLiteral("/api/v1/telephony/log"), f->admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.raw.contains(TelephonyFixture::planFixToken));
        QVERIFY(!r.raw.contains(TelephonyFixture::zammadToken));
        QVERIFY(!r.raw.contains("wrong-secret-123"));
        const QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2); // the refused request is kept apart
        const QJsonObject refused = r.json.value(QStringLiteral("rejected")).toObject();
        QCOMPARE(refused.value(QStringLiteral("count")).toInt(), 1);

        const QJsonObject rejected
            = refused.value(QStringLiteral("samples")).toArray().at(0).toObject();
        QCOMPARE(rejected.value(QStringLiteral("status")).toInt(), 401);
        QVERIFY(rejected.value(QStringLiteral("answer"))
                    .toString()
                    .contains(QStringLiteral("unauthorized")));
        QVERIFY(rejected.value(QStringLiteral("body"))
                    .toString()
                    .contains(QStringLiteral("planfix_token=***")));

        const QJsonObject zm = items.at(0).toObject(); // newest first
        QCOMPARE(zm.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/cti/***"));
        QCOMPARE(zm.value(QStringLiteral("providerName")).toString(), QStringLiteral("sipgate"));
        QCOMPARE(zm.value(QStringLiteral("externalId")).toString(), QStringLiteral("zm-call-9"));
        QVERIFY(zm.value(QStringLiteral("body")).toString().contains(QStringLiteral("4930555777")));
        QVERIFY(!zm.value(QStringLiteral("events")).toArray().isEmpty());
        QVERIFY(zm.value(QStringLiteral("callId")).toInteger() > 0);

        const QJsonObject pf = items.at(1).toObject();
        QCOMPARE(pf.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(pf.value(QStringLiteral("path")).toString(), QStringLiteral("/tel/api"));
        QCOMPARE(pf.value(QStringLiteral("providerName")).toString(), QStringLiteral("Office PBX"));
        QCOMPARE(pf.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(pf.value(QStringLiteral("body"))
                    .toString()
                    .contains(QStringLiteral("planfix_token=***")));
        QVERIFY(pf.value(QStringLiteral("body"))
                    .toString()
                    .contains(QStringLiteral("callid=pf-call-7")));
        const QJsonObject headers = pf.value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("authorization")).toString(), QStringLiteral("***"));
        QVERIFY(headers.value(QStringLiteral("content-type"))
                    .toString()
                    .contains(QStringLiteral("x-www-form-urlencoded")));
        QVERIFY(pf.value(QStringLiteral("remoteAddress"))
                    .toString()
                    .contains(QStringLiteral("127.0.0.1")));
        QVERIFY(pf.value(QStringLiteral("answer")).toString().contains(QStringLiteral("callId")));
        QCOMPARE(pf.value(QStringLiteral("events")).toArray().size(), 1);
    }

    void filtersByCallIdAndNumber()
    {
        QCOMPARE(f->event(QStringLiteral("a-1"), QStringLiteral("INCOMING"), QStringLiteral("101"),
                      {}, QStringLiteral("+79161111111"))
                     .status,
            200);
        QCOMPARE(f->event(QStringLiteral("b-2"), QStringLiteral("INCOMING"), QStringLiteral("102"),
                      {}, QStringLiteral("+79162222222"))
                     .status,
            200);
        QCOMPARE(
            f->completed(QStringLiteral("a-1"), QStringLiteral("101"), QStringLiteral("Missed"))
                .status,
            200);
        QCOMPARE(log().size(), 3);
        const QJsonArray a = log(QStringLiteral("?callId=a-1"));
        QCOMPARE(a.size(), 2);
        for (const QJsonValue &v : a)
            QCOMPARE(
                v.toObject().value(QStringLiteral("externalId")).toString(), QStringLiteral("a-1"));
        // Our call id finds the same requests.
        const qint64 ours = a.at(0).toObject().value(QStringLiteral("callId")).toInteger();
        QCOMPARE(log(QStringLiteral("?callId=%1").arg(ours)).size(), 2);
        // Any formatting of the number, any run of its digits.
        const QJsonArray b = log(QStringLiteral("?number=%2B7%20916%20222"));
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.at(0).toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("b-2"));
        QCOMPARE(log(QStringLiteral("?number=2222222&callId=a-1")).size(), 0);
        QCOMPARE(log(QStringLiteral("?callId=nope")).size(), 0);
        // Paging: newest first, with a cursor.
        const HttpResult page
            = f->server.get(QStringLiteral("/api/v1/telephony/log?limit=2"), f->admin);
        QCOMPARE(page.json.value(QStringLiteral("items")).toArray().size(), 2);
        const QString cursor = page.json.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const QJsonArray rest = log(QStringLiteral("?limit=2&cursor=") + cursor);
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.at(0).toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("a-1"));
    }

    void isBounded()
    {
        qputenv("LINECARD_INTEGRATION_LOG_SIZE", "5");
        for (int i = 0; i < 8; ++i)
            QCOMPARE(f->event(QStringLiteral("n-%1").arg(i), QStringLiteral("INCOMING"),
                          QStringLiteral("101"))
                         .status,
                200);
        const QJsonArray items = log(QStringLiteral("?limit=200"));
        QCOMPARE(items.size(), 5);
        QCOMPARE(items.first().toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("n-7"));
        QCOMPARE(items.last().toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("n-3"));
        qunsetenv("LINECARD_INTEGRATION_LOG_SIZE");
    }
};

QTEST_GUILESS_MAIN(TestTelephonyLog)
#include "tst_telephony_log.moc"
