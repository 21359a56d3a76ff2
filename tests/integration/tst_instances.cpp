// Several server instances on one PostgreSQL database (label postgres only): writes and PBX
// requests on A, event streams on B; a client whose instance goes away catches up on the
// other with `since`; a killed instance loses nothing it acknowledged; the first
// administrator is created once.
#include "telephonyfixture.h"
#include "testserver.h"

#include "server/servercontext.h"
#include "server/store/database.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace linecard::testing;
using linecard::server::LinecardServer;

// tests/postgres/pgcluster.sh with these arguments: a cluster of this test's own.
static bool pgCluster(const QStringList &arguments)
{
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedChannels);
    script.start(QStringLiteral(LINECARD_PGCLUSTER_SCRIPT), arguments);
    return script.waitForFinished(120000) && script.exitStatus() == QProcess::NormalExit
        && script.exitCode() == 0;
}

// The PG_URL a pgcluster.sh state file names.
static QString clusterUrl(const QString &stateFile)
{
    QFile file(stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith("PG_URL="))
            return QString::fromUtf8(line.mid(7));
    return {};
}

class TestInstances : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        if (!TestDatabase::wanted())
            QSKIP("several instances need PostgreSQL (LINECARD_TEST_POSTGRES)");
    }

    // The seqs B's operator hears are A's, in order, with nothing missing or doubled.
    void writesOnAReachStreamsOnB()
    {
        TelephonyFixture f; // instance A
        QVERIFY(f.ready());
        TestServer b([&](LinecardServer::Options &o) { o.databaseUrl = f.server.databaseUrl(); });
        EventStream op1(b, f.op1Token); // A's token is good on B: one service
        EventStream admin(b, f.admin);
        QVERIFY(op1.waitFor(QStringLiteral("hello")));
        QVERIFY(admin.waitFor(QStringLiteral("hello")));

        // A call rings, is answered, another is missed: PBX requests on A.
        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("INCOMING"), QStringLiteral("101")).status,
            200);
        QVERIFY(op1.waitFor(QStringLiteral("call.ringing")));
        f.event(QStringLiteral("c1"), QStringLiteral("ACCEPTED"), QStringLiteral("101"));
        QVERIFY(op1.waitFor(QStringLiteral("call.answered")));
        f.completed(QStringLiteral("c1"), QStringLiteral("101"), QStringLiteral("Success"), 10);
        QVERIFY(op1.waitFor(QStringLiteral("call.ended")));
        f.event(QStringLiteral("m1"), QStringLiteral("INCOMING"), QStringLiteral("101"), {},
            QStringLiteral("+79161230000"));
        f.completed(QStringLiteral("m1"), QStringLiteral("101"), QStringLiteral("Missed"));
        QVERIFY(op1.waitFor(QStringLiteral("call.missed")));
        // The PBX's requests to A are in the integration log that B shows.
        QVERIFY(QTest::qWaitFor(
            [&] {
                QStringList seen;
                for (const QJsonValue &v :
                    b.get(QStringLiteral("/api/v1/telephony/log?callId=c1"), f.admin)
                        .json.value(QStringLiteral("items"))
                        .toArray())
                    seen << v.toObject().value(QStringLiteral("externalId")).toString();
                return seen.size() == 3 && seen.count(QStringLiteral("c1")) == 3;
            },
            10000));

        // A task, a comment and a read mark, written on A.
        const HttpResult task = f.server.post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("Across instances")}}, f.admin);
        QCOMPARE(task.status, 201);
        const qint64 taskId = qint64(task.json.value(QStringLiteral("id")).toDouble());
        QVERIFY(op1.waitFor(QStringLiteral("task.created")));
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId),
                         {{QStringLiteral("text"), QStringLiteral("hello from A")}}, f.admin)
                     .status,
            201);
        QVERIFY(op1.waitFor(QStringLiteral("comment.created")));
        QCOMPARE(op1.lastData(QStringLiteral("comment.created"))
                     .value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("hello from A"));
        QVERIFY(
            f.server
                .request("POST", QStringLiteral("/api/v1/tasks/%1/read").arg(taskId), f.admin, "{}")
                .status
            < 300);
        QVERIFY(admin.waitFor(QStringLiteral("task.read")));

        // Settings changed on A: B's employees hear it, and B applies them itself.
        QVERIFY(f.patchSettings(
            {{QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}}));
        QVERIFY(op1.waitFor(QStringLiteral("settings.updated")));
        QCOMPARE(b.get(QStringLiteral("/api/v1/settings"), f.admin)
                     .json.value(QStringLiteral("callAttachTarget"))
                     .toString(),
            QStringLiteral("lastActiveTask"));

        // Two contacts merged on A.
        const qint64 keep
            = b.createContact(f.admin, {{QStringLiteral("name"), QStringLiteral("Keep")}});
        const qint64 dup
            = b.createContact(f.admin, {{QStringLiteral("name"), QStringLiteral("Dup")}});
        QVERIFY(keep && dup);
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/contacts/%1/merge").arg(keep),
                         {{QStringLiteral("mergeIds"), QJsonArray {dup}}}, f.admin)
                     .status,
            200);
        QVERIFY(op1.waitFor(QStringLiteral("contact.merged")));

        // In seq order, each once.
        qint64 previous = 0;
        for (const QJsonObject &m : op1.messages()) {
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("hello") || type == QLatin1String("resync"))
                continue;
            const qint64 seq = qint64(m.value(QStringLiteral("seq")).toDouble());
            QVERIFY2(
                seq > previous, qPrintable(QStringLiteral("%1 after %2").arg(seq).arg(previous)));
            previous = seq;
        }

        // Signing out on A closes the stream on B.
        QVERIFY(
            f.server.request("POST", QStringLiteral("/api/v1/auth/logout"), f.op1Token, "{}").status
            < 300);
        QVERIFY(op1.waitForClose());
        QCOMPARE(op1.closeCode(), 4401);
    }

    // B goes away; its client reconnects to A with the last seq it heard and gets the rest.
    void clientCatchesUpOnTheOtherInstance()
    {
        auto a = std::make_unique<TestServer>();
        const QString admin = a->bootstrapAdmin();
        TestServer b([&](LinecardServer::Options &o) { o.databaseUrl = a->databaseUrl(); });
        qint64 lastSeq = 0;
        qint64 taskId = 0;
        {
            EventStream onB(b, admin);
            QVERIFY(onB.waitFor(QStringLiteral("hello")));
            const HttpResult task = a->post(QStringLiteral("/api/v1/tasks"),
                {{QStringLiteral("title"), QStringLiteral("Catch up")}}, admin);
            taskId = qint64(task.json.value(QStringLiteral("id")).toDouble());
            QVERIFY(onB.waitFor(QStringLiteral("task.created")));
            lastSeq = qint64(onB.ofType(QStringLiteral("task.created"))
                                 .last()
                                 .value(QStringLiteral("seq"))
                                 .toDouble());
            b.stop();
            QVERIFY(onB.waitForClose());
        }
        for (int i = 0; i < 3; ++i)
            QCOMPARE(a->post(QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId),
                          {{QStringLiteral("text"), QStringLiteral("missed %1").arg(i)}}, admin)
                         .status,
                201);
        EventStream onA(*a, admin, lastSeq);
        QVERIFY(onA.waitFor(QStringLiteral("comment.created"), 3));
        QCOMPARE(onA.count(QStringLiteral("task.created")), 0); // heard it already
        QCOMPARE(onA.count(QStringLiteral("resync")), 0);
    }

    // PostgreSQL commits a change before its WAL flush, and its events go out at once: a crash
    // in between loses events that clients heard, and hands their seqs out again. Played here
    // without the crash — the heard event deleted, the seq wound back, another event logged
    // with that seq, every follower's connection broken as the crash would — B's client is
    // told to resync and then hears what comes next (without the check, B read on after the
    // lost seq: it skipped the new event with that seq, and its client never knew).
    void lostCommitMakesClientsResync()
    {
        TestServer a;
        const QString admin = a.bootstrapAdmin();
        TestServer b([&](LinecardServer::Options &o) { o.databaseUrl = a.databaseUrl(); });
        EventStream onB(b, admin);
        QVERIFY(onB.waitFor(QStringLiteral("hello")));
        const HttpResult task = a.post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("Lost")}}, admin);
        QCOMPARE(task.status, 201);
        QVERIFY(onB.waitFor(QStringLiteral("task.created")));
        const qint64 heard = qint64(onB.ofType(QStringLiteral("task.created"))
                                        .last()
                                        .value(QStringLiteral("seq"))
                                        .toDouble());

        linecard::server::Database &db = a.server().context().db;
        db.exec(
            QStringLiteral("DELETE FROM events WHERE seq = :s"), {{QStringLiteral("s"), heard}});
        db.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('events', 'seq'), :s, false)"),
            {{QStringLiteral("s"), heard}});
        auto newTask = [&](const QString &title) {
            return a
                .post(QStringLiteral("/api/v1/tasks"), {{QStringLiteral("title"), title}}, admin)
                .status;
        };
        QCOMPARE(newTask(QStringLiteral("Same seq, another event")), 201);
        QCOMPARE(db.scalar(QStringLiteral("SELECT MAX(seq) FROM events")).toLongLong(), heard);
        db.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                               "query LIKE '%FROM events WHERE seq >%ORDER BY seq LIMIT%' AND "
                               "pid <> pg_backend_pid()"));

        QVERIFY(onB.waitFor(QStringLiteral("resync"), 1, 15000));
        QVERIFY(
            qint64(
                onB.ofType(QStringLiteral("resync")).last().value(QStringLiteral("seq")).toDouble())
            >= heard);
        QCOMPARE(newTask(QStringLiteral("After the resync")), 201);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return onB.lastData(QStringLiteral("task.created")).value(QStringLiteral("title"))
                    == QStringLiteral("After the resync");
            },
            10000));
    }

    // kill -9 of instance A during a burst of 200 comment POSTs: every comment that got a 2xx
    // is there, read through B.
    void killedInstanceLosesNothingAcknowledged()
    {
        TestServer b;
        const QString admin = b.bootstrapAdmin();
        const qint64 taskId
            = qint64(b.post(QStringLiteral("/api/v1/tasks"),
                          {{QStringLiteral("title"), QStringLiteral("Burst")}}, admin)
                         .json.value(QStringLiteral("id"))
                         .toDouble());
        QVERIFY(taskId > 0);

        ServerProcess a;
        QVERIFY(a.start(QStringLiteral(LINECARD_SERVER_BIN),
            {QStringLiteral("--database"), b.databaseUrl(), QStringLiteral("--data-dir"),
                b.dataDir() + QStringLiteral("/a")}));
        CommentBurst burst(a.port(), admin, taskId, 200);
        QVERIFY(QTest::qWaitFor([&] { return burst.acknowledged >= 60; }, 30000));
        a.process().kill(); // SIGKILL
        QVERIFY(a.process().waitForFinished());
        QVERIFY(QTest::qWaitFor([&] { return burst.finished == 200; }, 30000));
        QVERIFY2(burst.acknowledged < 200, "the burst ended before the kill: nothing was tested");

        const QSet<qint64> stored = commentIdsOf(b, taskId, admin);
        for (qint64 id : burst.acknowledgedIds)
            QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("comment %1 lost").arg(id)));
        qInfo("%d of 200 acknowledged before the kill, all stored", burst.acknowledged);
    }

    // A PBX's 2xx means its call is on the disk. The call commits without waiting for the WAL
    // flush, so that its pop-up goes out at once (DeferredSync), and the PBX is answered after
    // a flush that covers it: PostgreSQL crashed right after the 2xx (its unwritten WAL lost,
    // on a cluster whose WAL writer waits 10 s) still has the call when it comes back.
    void answeredCallSurvivesAPostgresCrash()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("pgcluster.state"));
        QVERIFY(pgCluster({QStringLiteral("start"), state, QStringLiteral("durable")}));
        auto stopCluster = qScopeGuard([&] { pgCluster({QStringLiteral("stop"), state}); });
        const QString url = clusterUrl(state);
        QVERIFY(!url.isEmpty());
        auto onCluster = [url](LinecardServer::Options &o) { o.databaseUrl = url; };

        QString admin;
        {
            TelephonyFixture f(onCluster);
            QVERIFY(f.ready());
            admin = f.admin;
            EventStream op1(f.server, f.op1Token);
            QVERIFY(op1.waitFor(QStringLiteral("hello")));
            for (int i = 0; i < 5; ++i) {
                const QString callId = QStringLiteral("durable-%1").arg(i);
                QCOMPARE(
                    f.event(callId, QStringLiteral("INCOMING"), QStringLiteral("101")).status, 200);
            }
            QVERIFY(pgCluster({QStringLiteral("crash"), state}));
            QVERIFY(op1.waitFor(QStringLiteral("call.ringing"), 5)); // and they popped up
        }
        TestServer after(onCluster);
        const HttpResult calls = after.get(QStringLiteral("/api/v1/calls?limit=50"), admin);
        QCOMPARE(calls.status, 200);
        QSet<QString> stored;
        for (const QJsonValue &c : calls.json.value(QStringLiteral("items")).toArray())
            stored << c.toObject().value(QStringLiteral("externalId")).toString();
        for (int i = 0; i < 5; ++i)
            QVERIFY2(stored.contains(QStringLiteral("durable-%1").arg(i)),
                qPrintable(QStringLiteral("call durable-%1 was answered 200 and is lost").arg(i)));
    }

    // The sign-in throttle counts across instances: five wrong passwords on A lock the
    // account on B too (even for the right password), and only that account.
    void signInThrottleShared()
    {
        TestServer a;
        const QString admin = a.bootstrapAdmin();
        QVERIFY(a.createEmployee(admin, QStringLiteral("op1")));
        QVERIFY(a.createEmployee(admin, QStringLiteral("op2")));
        TestServer b([&](LinecardServer::Options &o) { o.databaseUrl = a.databaseUrl(); });
        auto signIn = [](TestServer &server, const QString &login, const QString &password) {
            return server
                .post(QStringLiteral("/api/v1/auth/login"),
                    {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}})
                .status;
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(a, QStringLiteral("op1"), QStringLiteral("wrong")), 401);
        QCOMPARE(signIn(b, QStringLiteral("op1"), QStringLiteral("op1-password")), 429);
        QCOMPARE(signIn(a, QStringLiteral("op1"), QStringLiteral("op1-password")), 429);
        QCOMPARE(signIn(b, QStringLiteral("op2"), QStringLiteral("op2-password")), 200);
    }

    // Two instances starting together on an empty database create one administrator.
    void firstAdministratorOnce()
    {
        TestServer a;
        LinecardServer::Options options;
        options.databaseUrl = a.databaseUrl();
        options.dataDir = a.dataDir() + QStringLiteral("/b");
        LinecardServer b(options);
        b.start();
        QVERIFY(a.server().isEmpty());
        const bool first = a.server().createFirstAdministrator(
            QStringLiteral("Administrator"), QStringLiteral("admin"), QStringLiteral("pw-one"));
        const bool second = b.createFirstAdministrator(
            QStringLiteral("Administrator"), QStringLiteral("admin2"), QStringLiteral("pw-two"));
        QVERIFY(first);
        QVERIFY(!second);
        QVERIFY(!a.login(QStringLiteral("admin"), QStringLiteral("pw-one")).isEmpty());
        QVERIFY(a.login(QStringLiteral("admin2"), QStringLiteral("pw-two")).isEmpty());
    }

    // Two linecard-server processes started in the same instant on an empty database with
    // --admin-login/--admin-password: one administrator between them, and both serve. A few
    // rounds, each on a fresh database, so that the race gets its chances.
    void twoProcessesStartingTogether()
    {
        QTemporaryDir dirs;
        for (int round = 0; round < 4; ++round) {
            TestDatabase database;
            struct Instance
            {
                QProcess process;
                QByteArray output;
                QUrl url;
            } instances[2];
            for (int i = 0; i < 2; ++i) {
                instances[i].process.setProcessChannelMode(QProcess::MergedChannels);
                instances[i].process.setProgram(QStringLiteral(LINECARD_SERVER_BIN));
                instances[i].process.setArguments({QStringLiteral("--database"), database.url(),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--data-dir"),
                    dirs.filePath(QStringLiteral("%1-%2").arg(round).arg(i)),
                    QStringLiteral("--admin-login"), QStringLiteral("boss"),
                    QStringLiteral("--admin-password"), QStringLiteral("boss-password-%1").arg(i)});
            }
            instances[0].process.start();
            instances[1].process.start();
            for (Instance &instance : instances) {
                QVERIFY(instance.process.waitForStarted());
                QVERIFY2(QTest::qWaitFor(
                             [&] {
                                 instance.output += instance.process.readAll();
                                 return instance.output.contains("listening on")
                                     || instance.process.state() == QProcess::NotRunning;
                             },
                             30000),
                    instance.output.constData());
                QVERIFY2(
                    instance.process.state() == QProcess::Running, instance.output.constData());
                const int at = instance.output.indexOf("listening on ") + 13;
                instance.url = QUrl(QString::fromUtf8(
                    instance.output.mid(at, instance.output.indexOf('\n', at) - at).trimmed()));
                QVERIFY2(instance.url.port() > 0, instance.output.constData());
            }
            const int created = int(instances[0].output.count("Created administrator"))
                + int(instances[1].output.count("Created administrator"));
            QCOMPARE(created, 1);
            const int first = instances[0].output.contains("Created administrator") ? 0 : 1;

            // Both serve; the first one's password signs in on either, the other's on none.
            QNetworkAccessManager net;
            auto call = [&](const QUrl &base, const QString &path, const QByteArray &body,
                            const QString &token = {}) {
                QNetworkRequest request(base.resolved(QUrl(path)));
                request.setHeader(
                    QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
                if (!token.isEmpty())
                    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
                QNetworkReply *reply = body.isNull() ? net.get(request) : net.post(request, body);
                if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
                    qWarning("%s timed out", qPrintable(path));
                reply->deleteLater();
                return HttpResult {
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                    QJsonDocument::fromJson(reply->readAll()).object(), {},
                    reply->rawHeaderPairs()};
            };
            auto signIn = [&](const QUrl &base, int passwordOf) {
                return call(base, QStringLiteral("/api/v1/auth/login"),
                    QJsonDocument(QJsonObject {{QStringLiteral("login"), QStringLiteral("boss")},
                                      {QStringLiteral("password"),
                                          QStringLiteral("boss-password-%1").arg(passwordOf)}})
                        .toJson(QJsonDocument::Compact));
            };
            QString token;
            for (const Instance &instance : instances) {
                const HttpResult ok = signIn(instance.url, first);
                QCOMPARE(ok.status, 200);
                token = ok.json.value(QStringLiteral("token")).toString();
                QCOMPARE(signIn(instance.url, 1 - first).status, 401);
            }
            for (const Instance &instance : instances) {
                const HttpResult people
                    = call(instance.url, QStringLiteral("/api/v1/people"), {}, token);
                QCOMPARE(people.status, 200);
                int administrators = 0;
                for (const QJsonValue &p : people.json.value(QStringLiteral("items")).toArray())
                    administrators
                        += p.toObject().value(QStringLiteral("isAdmin")).toBool() ? 1 : 0;
                QCOMPARE(administrators, 1);
            }
            for (Instance &instance : instances) {
                instance.process.terminate();
                QVERIFY(instance.process.waitForFinished(10000));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestInstances)
#include "tst_instances.moc"
