#include "telephonyfixture.h"

#include <QTest>

using namespace linecard::testing;

// Administration of telephony: providers (tokens kept hashed, shown once when generated,
// rotated and revoked) and lines (numbers matched in any formatting).
class TestTelephonyAdmin : public QObject
{
    Q_OBJECT

    std::unique_ptr<TelephonyFixture> m_clean;

    static QString providers() { return QStringLiteral("/api/v1/telephony/providers"); }

private slots:
    void cleanupTestCase() { m_clean.reset(); }

    void providerTokensAreNeverReadBack()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        // A token the admin brings is not echoed; a generated one is shown once.
        HttpResult r = f.server.post(providers(),
            {{QStringLiteral("name"), QStringLiteral("Second PBX")},
                {QStringLiteral("format"), QStringLiteral("planfix")},
                {QStringLiteral("pbxUrl"), QStringLiteral("https://pbx.example/planfix_api.php")},
                {QStringLiteral("pbxToken"), QStringLiteral("pbx-secret-123")}},
            f.admin);
        QCOMPARE(r.status, 201);
        const QString generated = r.json.value(QStringLiteral("token")).toString();
        QVERIFY(generated.size() >= 32);
        const qint64 id = idIn(r.json, QStringLiteral("id"));
        QCOMPARE(r.json.value(QStringLiteral("pbxTokenHint")).toString(), QStringLiteral("…-123"));
        QCOMPARE(
            f.planFix({{QStringLiteral("cmd"), QStringLiteral("ping")}}, generated).status, 200);

        r = f.server.get(providers(), f.admin);
        QCOMPARE(r.status, 200);
        const QByteArray listing = r.raw;
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 3);
        for (const QByteArray &secret :
            {QByteArray(TelephonyFixture::planFixToken), QByteArray(TelephonyFixture::zammadToken),
                generated.toUtf8(), QByteArray("pbx-secret-123")})
            QVERIFY2(!listing.contains(secret), listing.constData());
        QVERIFY(listing.contains("\"tokenHint\":\"…0001\""));

        // Rotating: the old token stops working at once, the new one works.
        r = f.server.patch(providers() + QStringLiteral("/%1").arg(id),
            {{QStringLiteral("token"), QStringLiteral("rotated-token-42")},
                {QStringLiteral("name"), QStringLiteral("Renamed")}},
            f.admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Renamed"));
        QVERIFY(!r.raw.contains("rotated-token-42"));
        QCOMPARE(
            f.planFix({{QStringLiteral("cmd"), QStringLiteral("ping")}}, generated).status, 401);
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("ping")}},
                      QStringLiteral("rotated-token-42"))
                     .status,
            200);
        // Switching the format moves the token to the other endpoint.
        QCOMPARE(f.server
                     .patch(providers() + QStringLiteral("/%1").arg(id),
                         {{QStringLiteral("format"), QStringLiteral("zammad")}}, f.admin)
                     .status,
            200);
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("ping")}},
                      QStringLiteral("rotated-token-42"))
                     .status,
            403);

        // Removing: the token is refused; the provider's past calls stay listed.
        f.zammad({{QStringLiteral("event"), QStringLiteral("newCall")},
                     {QStringLiteral("callId"), QStringLiteral("before-removal")}},
            QStringLiteral("rotated-token-42"));
        QCOMPARE(
            f.server.request("DELETE", providers() + QStringLiteral("/%1").arg(id), f.admin).status,
            204);
        QCOMPARE(f.zammad({{QStringLiteral("event"), QStringLiteral("newCall")},
                              {QStringLiteral("callId"), QStringLiteral("after")}},
                      QStringLiteral("rotated-token-42"))
                     .status,
            401);
        QCOMPARE(f.call(QStringLiteral("before-removal")).value(QStringLiteral("providerId")),
            QJsonValue());
        QCOMPARE(
            f.server.request("DELETE", providers() + QStringLiteral("/%1").arg(id), f.admin).status,
            404);
    }

    void providerValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        auto with = [](const QJsonObject &extra) {
            QJsonObject o {{QStringLiteral("name"), QStringLiteral("X")},
                {QStringLiteral("format"), QStringLiteral("planfix")}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };
        QTest::newRow("no name") << QJsonObject {{QStringLiteral("format"),
            QStringLiteral("planfix")}}
                                 << 422;
        QTest::newRow("bad format")
            << with({{QStringLiteral("format"), QStringLiteral("asterisk")}}) << 422;
        QTest::newRow("short token")
            << with({{QStringLiteral("token"), QStringLiteral("abc")}}) << 422;
        QTest::newRow("token with slash")
            << with({{QStringLiteral("token"), QStringLiteral("abc/def/ghi")}}) << 422;
        QTest::newRow("taken token")
            << with({{QStringLiteral("token"), QLatin1String(TelephonyFixture::zammadToken)}})
            << 409;
        QTest::newRow("ftp url") << with({{QStringLiteral("pbxUrl"), QStringLiteral("ftp://pbx")}})
                                 << 422;
        QTest::newRow("relative url")
            << with({{QStringLiteral("pbxUrl"), QStringLiteral("/api")}}) << 422;
        QTest::newRow("spaced pbx token")
            << with({{QStringLiteral("pbxToken"), QStringLiteral("two words")}}) << 422;
        QTest::newRow("numeric name") << with({{QStringLiteral("name"), 5}}) << 422;
    }
    void providerValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        // Bad requests store nothing, so one server serves every row.
        if (!m_clean)
            m_clean = std::make_unique<TelephonyFixture>();
        TelephonyFixture &f = *m_clean;
        QVERIFY(f.ready());
        QCOMPARE(f.server.post(providers(), body, f.admin).status, status);
        QCOMPARE(
            f.server.get(providers(), f.admin).json.value(QStringLiteral("items")).toArray().size(),
            2);
    }

    void providersAreForAdmins()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.server.get(providers(), f.op1Token).status, 403);
        QCOMPARE(f.server.get(providers()).status, 401);
        QCOMPARE(f.server
                     .post(providers(),
                         {{QStringLiteral("name"), QStringLiteral("X")},
                             {QStringLiteral("format"), QStringLiteral("planfix")}},
                         f.op1Token)
                     .status,
            403);
        QCOMPARE(f.server
                     .request("DELETE", providers() + QStringLiteral("/%1").arg(f.planFixProvider),
                         f.op1Token)
                     .status,
            403);
        QCOMPARE(
            f.server.get(providers(), f.admin).json.value(QStringLiteral("items")).toArray().size(),
            2);
    }

    // Lines: the dialled number finds its line whatever its formatting; employees and
    // colour are kept; changes are for administrators.
    void lines()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        HttpResult r = f.server.post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("number"), QStringLiteral("8 (812) 300-40-50")},
                {QStringLiteral("name"), QStringLiteral("Support")},
                {QStringLiteral("color"), QStringLiteral("#AA0000")},
                {QStringLiteral("employeeIds"), QJsonArray {f.op2, f.op3}}},
            f.admin);
        QCOMPARE(r.status, 201);
        const qint64 support = idIn(r.json, QStringLiteral("id"));
        QCOMPARE(r.json.value(QStringLiteral("employeeIds")).toArray(), QJsonArray({f.op2, f.op3}));

        r = f.server.get(QStringLiteral("/api/v1/lines"), f.op1Token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 2);

        // Same number, other formatting: taken.
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/lines"),
                         {{QStringLiteral("number"), QStringLiteral("+78123004050")}}, f.admin)
                     .status,
            409);
        for (const QJsonObject &bad :
            {QJsonObject {{QStringLiteral("name"), QStringLiteral("no number")}},
                QJsonObject {{QStringLiteral("number"), QStringLiteral("sales")}},
                QJsonObject {{QStringLiteral("number"), QStringLiteral("100")},
                    {QStringLiteral("color"), QStringLiteral("red")}},
                QJsonObject {{QStringLiteral("number"), QStringLiteral("100")},
                    {QStringLiteral("employeeIds"), QJsonArray {99999}}},
                QJsonObject {{QStringLiteral("number"), QStringLiteral("100")},
                    {QStringLiteral("employeeIds"), QJsonArray {f.op1, -1}}}})
            QCOMPARE(f.server.post(QStringLiteral("/api/v1/lines"), bad, f.admin).status, 422);
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/lines"),
                         {{QStringLiteral("number"), QStringLiteral("100")}}, f.op1Token)
                     .status,
            403);
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/lines"), f.op1Token)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
            2);

        // A call to the line in another formatting finds it, and rings its employees.
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
                               {QStringLiteral("event"), QStringLiteral("INCOMING")},
                               {QStringLiteral("phone"), QStringLiteral("+79161234567")},
                               {QStringLiteral("diversion"), QStringLiteral("78123004050")},
                               {QStringLiteral("callid"), QStringLiteral("to-support")}})
                     .status,
            200);
        QJsonObject call = f.call(QStringLiteral("to-support"));
        QCOMPARE(idIn(call, QStringLiteral("lineId")), support);
        QCOMPARE(call.value(QStringLiteral("targetIds")).toArray(), QJsonArray({f.op2, f.op3}));

        // PUT replaces; the new number is matched from then on.
        r = f.server.put(QStringLiteral("/api/v1/lines/%1").arg(support),
            {{QStringLiteral("number"), QStringLiteral("+7 812 300-40-51")},
                {QStringLiteral("name"), QStringLiteral("Support 2")},
                {QStringLiteral("employeeIds"), QJsonArray {f.op1}}},
            f.admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("color")).toString(), QStringLiteral("#4a90d9"));
        QCOMPARE(f.server
                     .put(QStringLiteral("/api/v1/lines/99999"),
                         {{QStringLiteral("number"), QStringLiteral("1234")}}, f.admin)
                     .status,
            404);
        QCOMPARE(f.server
                     .put(QStringLiteral("/api/v1/lines/%1").arg(support),
                         {{QStringLiteral("number"), QLatin1String(TelephonyFixture::lineNumber)}},
                         f.admin)
                     .status,
            409);
        f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("event"), QStringLiteral("INCOMING")},
            {QStringLiteral("phone"), QStringLiteral("+79161234567")},
            {QStringLiteral("diversion"), QStringLiteral("8-812-300-40-51")},
            {QStringLiteral("callid"), QStringLiteral("to-support-2")}});
        call = f.call(QStringLiteral("to-support-2"));
        QCOMPARE(idIn(call, QStringLiteral("lineId")), support);
        QCOMPARE(call.value(QStringLiteral("targetIds")).toArray(), QJsonArray({f.op1}));

        // A call on a line that exists says so, and names no line of its own.
        QCOMPARE(call.value(QStringLiteral("lineDeleted")), QJsonValue(false));
        QCOMPARE(call.value(QStringLiteral("lineName")), QJsonValue());

        // Removing a line keeps its calls, without the line but with its name, marked deleted.
        QCOMPARE(
            f.server.request("DELETE", QStringLiteral("/api/v1/lines/%1").arg(support), f.admin)
                .status,
            204);
        for (const QString &external :
            {QStringLiteral("to-support"), QStringLiteral("to-support-2")}) {
            const QJsonObject kept = f.call(external);
            QCOMPARE(kept.value(QStringLiteral("lineId")), QJsonValue());
            QCOMPARE(kept.value(QStringLiteral("lineDeleted")), QJsonValue(true));
            QCOMPARE(
                kept.value(QStringLiteral("lineName")), QJsonValue(QStringLiteral("Support 2")));
            // One call read alone says the same.
            const QJsonObject one
                = f.server
                      .get(QStringLiteral("/api/v1/calls/%1").arg(idIn(kept, QStringLiteral("id"))),
                          f.op1Token)
                      .json;
            QCOMPARE(
                one.value(QStringLiteral("lineName")), QJsonValue(QStringLiteral("Support 2")));
            QCOMPARE(one.value(QStringLiteral("lineDeleted")), QJsonValue(true));
        }
        // A call coming in on the number afterwards is on no line, not on the deleted one.
        f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("event"), QStringLiteral("INCOMING")},
            {QStringLiteral("phone"), QStringLiteral("+79161234567")},
            {QStringLiteral("diversion"), QStringLiteral("8-812-300-40-51")},
            {QStringLiteral("callid"), QStringLiteral("after-delete")}});
        call = f.call(QStringLiteral("after-delete"));
        QCOMPARE(call.value(QStringLiteral("lineId")), QJsonValue());
        QCOMPARE(call.value(QStringLiteral("lineDeleted")), QJsonValue(false));
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/lines"), f.admin)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
            1);
    }
};

QTEST_GUILESS_MAIN(TestTelephonyAdmin)
#include "tst_telephony_admin.moc"
