#include "testserver.h"

#include <QTest>

using namespace linecard::testing;

// The server starts on a fresh data directory, answers health checks without a token,
// signs the first administrator in and refuses everything else without one.
class TestApiSmoke : public QObject
{
    Q_OBJECT
private slots:
    void startsAndSignsIn()
    {
        TestServer server;
        QCOMPARE(server.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(server.get(QStringLiteral("/api/v1/me")).status, 401);
        const QString token = server.bootstrapAdmin();
        QVERIFY(!token.isEmpty());
        const HttpResult me = server.get(QStringLiteral("/api/v1/me"), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("login")).toString(), QStringLiteral("admin"));
        QCOMPARE(me.json.value(QStringLiteral("isAdmin")).toBool(), true);
        QCOMPARE(server.get(QStringLiteral("/api/v1/nope"), token).status, 404);
        QCOMPARE(server.get(QStringLiteral("/api/v1/nope"), token).errorCode(),
            QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestApiSmoke)
#include "tst_api_smoke.moc"
