// linecard-server --import-sqlite (label postgres only): the demo data and some traffic on a
// SQLite server, copied into PostgreSQL by the real program; a server on PostgreSQL then
// gives the same answers — task lists, a contact's view of the threads, calls, read marks —
// signs in with the old passwords, accepts the old tokens, replays the same events with
// `since`, and gives new rows new ids. A database that has data is refused, untouched.
#include "telephonyfixture.h"
#include "testserver.h"

#include "server/demo/demoseeder.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace linecard::testing;
using linecard::server::DemoSeeder;
using linecard::server::LinecardServer;

namespace {

// What a user sees through the API, answer by answer.
struct Answers
{
    QList<QPair<QString, QByteArray>> byPath;

    void read(TestServer &server, const QString &token, const QStringList &paths)
    {
        for (const QString &path : paths) {
            const HttpResult r = server.get(path, token);
            QCOMPARE(r.status, 200);
            byPath.append({path, r.raw});
        }
    }
};

struct ImportRun
{
    int exitCode = -1;
    QByteArray output;
};

ImportRun runImport(const QString &databaseUrl, const QString &dataDir)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(LINECARD_SERVER_BIN),
        {QStringLiteral("--database"), databaseUrl, QStringLiteral("--import-sqlite"), dataDir});
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), process.readAll()};
}

QList<QJsonObject> replayed(const EventStream &stream)
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : stream.messages())
        if (m.contains(QStringLiteral("seq")))
            out.append(m);
    return out;
}

} // namespace

class TestImportSqlite : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        if (!TestDatabase::wanted())
            QSKIP("the import target is PostgreSQL (LINECARD_TEST_POSTGRES)");
    }

    void roundTripOfTheDemoData()
    {
        // SQLite in its own folder; the PostgreSQL database it was given is the import target.
        TestServer sqlite([](LinecardServer::Options &o) { o.databaseUrl.clear(); });
        const QString target = sqlite.databaseUrl();
        QVERIFY(!target.isEmpty());
        QString adminLogin, adminPassword, clientLogin, clientPassword;
        for (const DemoSeeder::Account &a : DemoSeeder(sqlite.server()).seed()) {
            if (a.role == QLatin1String("administrator") && adminLogin.isEmpty())
                std::tie(adminLogin, adminPassword) = std::tie(a.login, a.password);
            if (a.role == QLatin1String("contact") && clientLogin.isEmpty())
                std::tie(clientLogin, clientPassword) = std::tie(a.login, a.password);
        }
        const QString admin = sqlite.login(adminLogin, adminPassword);
        const QString client = sqlite.login(clientLogin, clientPassword);
        QVERIFY(!admin.isEmpty() && !client.isEmpty());

        // Traffic that leaves events, read marks, a call and a merged contact (whose
        // merged_into points to a later row: the import fills such references in last).
        const qint64 dup
            = sqlite.createContact(admin, {{QStringLiteral("name"), QStringLiteral("Dup")}});
        const qint64 keep
            = sqlite.createContact(admin, {{QStringLiteral("name"), QStringLiteral("Keep")}});
        QVERIFY(dup && keep);
        QCOMPARE(sqlite
                     .post(QStringLiteral("/api/v1/contacts/%1/merge").arg(keep),
                         {{QStringLiteral("mergeIds"), QJsonArray {dup}}}, admin)
                     .status,
            200);
        const QJsonArray clientTasks = sqlite.get(QStringLiteral("/api/v1/tasks?limit=200"), client)
                                           .json.value(QStringLiteral("items"))
                                           .toArray();
        QVERIFY(clientTasks.size() >= 2);
        const qint64 taskId
            = qint64(clientTasks.first().toObject().value(QStringLiteral("id")).toDouble());
        QCOMPARE(sqlite
                     .post(QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId),
                         {{QStringLiteral("text"), QStringLiteral("Before the move")},
                             {QStringLiteral("notify"), QJsonArray {}}},
                         admin)
                     .status,
            201);
        QVERIFY(
            sqlite
                .request("POST", QStringLiteral("/api/v1/tasks/%1/read").arg(taskId), client, "{}")
                .status
            < 300);
        const HttpResult ring = sqlite.request("POST", QStringLiteral("/tel/api"), {},
            formBody({{QStringLiteral("cmd"), QStringLiteral("event")},
                {QStringLiteral("type"), QStringLiteral("in")},
                {QStringLiteral("event"), QStringLiteral("INCOMING")},
                {QStringLiteral("phone"), QStringLiteral("+79161234567")},
                {QStringLiteral("ext"), QStringLiteral("101")},
                {QStringLiteral("callid"), QStringLiteral("moved-1")},
                {QStringLiteral("planfix_token"), QLatin1String(DemoSeeder::demoPbxToken)}}),
            "application/x-www-form-urlencoded");
        QCOMPARE(ring.status, 200);

        QStringList adminPaths {QStringLiteral("/api/v1/tasks?limit=200"),
            QStringLiteral("/api/v1/calls?state=all"), QStringLiteral("/api/v1/people"),
            QStringLiteral("/api/v1/lines"), QStringLiteral("/api/v1/settings"),
            QStringLiteral("/api/v1/contacts?limit=200"),
            QStringLiteral("/api/v1/contacts?q=%D0%B5%D1%80%D0%B3%D0%B5&limit=50"),
            QStringLiteral("/api/v1/contacts/%1").arg(keep),
            QStringLiteral("/api/v1/tasks/%1/comments?limit=200").arg(taskId)};
        QStringList clientPaths {QStringLiteral("/api/v1/tasks?limit=200")};
        for (const QJsonValue &t : clientTasks)
            clientPaths << QStringLiteral("/api/v1/tasks/%1/comments?limit=200")
                               .arg(qint64(t.toObject().value(QStringLiteral("id")).toDouble()));
        Answers before, clientBefore;
        before.read(sqlite, admin, adminPaths);
        // The search answers something, so that the grams written anew are compared.
        QVERIFY(!QJsonDocument::fromJson(before.byPath.at(6).second)
                     .object()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .isEmpty());
        clientBefore.read(sqlite, client, clientPaths);
        QList<QJsonObject> eventsBefore;
        {
            EventStream stream(sqlite, admin, 0);
            // The merge's two, then the ringing call's (its caller's card).
            QVERIFY(stream.waitFor(QStringLiteral("contact.updated"), 3));
            eventsBefore = replayed(stream);
        }
        QVERIFY(eventsBefore.size() >= 4);
        const qint64 lastSeq = qint64(eventsBefore.last().value(QStringLiteral("seq")).toDouble());
        sqlite.stop();

        const ImportRun import = runImport(target, sqlite.dataDir());
        QVERIFY2(import.exitCode == 0, import.output.constData());
        QVERIFY2(import.output.contains("Imported"), import.output.constData());

        TestServer pg([&](LinecardServer::Options &o) { o.databaseUrl = target; });
        Answers after, clientAfter;
        after.read(pg, admin, adminPaths); // the old token is good
        clientAfter.read(pg, client, clientPaths);
        for (int i = 0; i < before.byPath.size(); ++i)
            QVERIFY2(after.byPath[i].second == before.byPath[i].second,
                qPrintable(before.byPath[i].first));
        for (int i = 0; i < clientBefore.byPath.size(); ++i)
            QVERIFY2(clientAfter.byPath[i].second == clientBefore.byPath[i].second,
                qPrintable(clientBefore.byPath[i].first));
        QVERIFY(!pg.login(adminLogin, adminPassword).isEmpty());
        QVERIFY(!pg.login(clientLogin, clientPassword).isEmpty());
        QVERIFY(pg.login(adminLogin, QStringLiteral("wrong")).isEmpty());

        // `since` replays the same events with the same seqs.
        {
            EventStream stream(pg, admin, 0);
            QVERIFY(stream.waitFor(QStringLiteral("contact.updated"), 3));
            QCOMPARE(replayed(stream), eventsBefore);
        }
        // New rows continue the old ids and seqs.
        EventStream live(pg, admin, lastSeq);
        QVERIFY(live.waitFor(QStringLiteral("hello")));
        const HttpResult task = pg.post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("After the move")}}, admin);
        QCOMPARE(task.status, 201);
        qint64 highestTask = 0;
        for (const QJsonValue &t : QJsonDocument::fromJson(before.byPath[0].second)
                                       .object()
                                       .value(QStringLiteral("items"))
                                       .toArray())
            highestTask = std::max(
                highestTask, qint64(t.toObject().value(QStringLiteral("id")).toDouble()));
        QVERIFY(qint64(task.json.value(QStringLiteral("id")).toDouble()) > highestTask);
        QVERIFY(live.waitFor(QStringLiteral("task.created")));
        QVERIFY(qint64(live.ofType(QStringLiteral("task.created"))
                           .first()
                           .value(QStringLiteral("seq"))
                           .toDouble())
            > lastSeq);
        QCOMPARE(live.count(QStringLiteral("resync")), 0);
        QVERIFY(pg.createContact(admin, {{QStringLiteral("name"), QStringLiteral("New")}}) > keep);

        // Again into the same database: refused, with the reason, and nothing changes.
        const ImportRun again = runImport(target, sqlite.dataDir());
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.output.contains("not empty"), again.output.constData());
        QCOMPARE(pg.get(QStringLiteral("/api/v1/lines"), admin).raw, before.byPath[3].second);
    }
};

QTEST_GUILESS_MAIN(TestImportSqlite)
#include "tst_import_sqlite.moc"
