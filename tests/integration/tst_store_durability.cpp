#include "testserver.h"

#include "server/servercontext.h"
#include "server/store/database.h"
#include "server/store/groupcommit.h"
#include "server/store/integrationlogstore.h"
#include "server/store/walcheckpointer.h"
#include "server/telephony/integrationlogwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace linecard;
using namespace linecard::server;
using namespace linecard::testing;

// How the server keeps what it acknowledged while keeping the disk out of the way of the
// calls: commits that sync after their events are out (DeferredSync), the write-ahead log
// copied back on a thread of its own (WalCheckpointer), the integration log in batches, and
// the API's writes answered after a shared flush of the log (GroupCommit).
class TestStoreDurability : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        s = std::make_unique<TestServer>();
        admin = s->bootstrapAdmin();
    }
    void cleanup() { s.reset(); }

    void deferredSyncCommitsAtOnceAndSyncsAfter();
    void deferredSyncInsideATransactionLeavesItAlone();
    void checkpointerCopiesTheLogIntoTheDatabase();
    void integrationLogIsWrittenInBatches();
    void aWriteIsAnsweredOnlyOnceTheFlushAfterItsCommitIsDone();
    void writesCommittedMeanwhileShareTheNextFlush();
    void requestsThatWroteNothingWaitForNoFlush();
    void killedServerLosesNothingAcknowledged();

private:
    Database &db() { return s->server().context().db; }
    QString file() const { return QDir(s->dataDir()).filePath(QStringLiteral("linecard.sqlite")); }
    int synchronous() { return db().scalar(QStringLiteral("PRAGMA synchronous")).toInt(); }
    // What another connection (another process, after a crash) finds in the file.
    int rowsSeenFromOutside(const QString &table)
    {
        int rows = -1;
        {
            QSqlDatabase other
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("outside"));
            other.setDatabaseName(file());
            if (other.open()) {
                QSqlQuery q(other);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                    rows = q.value(0).toInt();
            }
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("outside"));
        return rows;
    }

    // A task created through the API without waiting for the answer.
    QNetworkReply *postTask(QNetworkAccessManager &net, const QString &title)
    {
        QNetworkRequest request(s->url(QStringLiteral("/api/v1/tasks")));
        request.setRawHeader("Authorization", "Bearer " + admin.toUtf8());
        request.setRawHeader("Content-Type", "application/json");
        return net.post(request,
            QJsonDocument(QJsonObject {{QStringLiteral("title"), title}})
                .toJson(QJsonDocument::Compact));
    }
    int tasksSeenFromOutside() { return rowsSeenFromOutside(QStringLiteral("tasks")); }
    QNetworkReply *postJson(
        QNetworkAccessManager &net, const QString &path, const QJsonObject &body)
    {
        return s->send(
            net, "POST", path, admin, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    std::unique_ptr<TestServer> s;
    QString admin;
};

void TestStoreDurability::deferredSyncCommitsAtOnceAndSyncsAfter()
{
    db().exec(QStringLiteral("CREATE TABLE scratch(n INTEGER)"));
    QCOMPARE(synchronous(), 2); // FULL: the server's own mode
    {
        DeferredSync durable(db());
        QCOMPARE(synchronous(), 1); // this change's commit does not wait for the disk
        {
            Transaction tx(db());
            db().exec(QStringLiteral("INSERT INTO scratch(n) VALUES (1)"));
            tx.commit();
        }
        // Committed: every other connection sees it before the sync.
        QCOMPARE(rowsSeenFromOutside(QStringLiteral("scratch")), 1);
        durable.sync();
        QCOMPARE(synchronous(), 2);
        durable.sync(); // once is enough; a second is harmless
        QCOMPARE(synchronous(), 2);
    }
    // A change that fails is rolled back and the mode is restored all the same.
    try {
        DeferredSync durable(db());
        Transaction tx(db());
        db().exec(QStringLiteral("INSERT INTO scratch(n) VALUES (2)"));
        db().exec(QStringLiteral("INSERT INTO no_such_table(n) VALUES (3)"));
        tx.commit();
        QFAIL("the second statement should have failed");
    } catch (const StoreError &) { }
    QCOMPARE(synchronous(), 2);
    QCOMPARE(rowsSeenFromOutside(QStringLiteral("scratch")), 1);
    QVERIFY(db().syncWriteAheadLog());
}

void TestStoreDurability::deferredSyncInsideATransactionLeavesItAlone()
{
    Transaction outer(db());
    DeferredSync durable(db());
    QCOMPARE(synchronous(), 2); // the outer transaction commits, the ordinary way
    durable.sync();
    QCOMPARE(synchronous(), 2);
    outer.commit();
}

void TestStoreDurability::checkpointerCopiesTheLogIntoTheDatabase()
{
    // The requests' connection leaves the copying to the checkpointer (a thousand pages, SQLite's
    // default, would have been copied back by the commit that crossed them).
    QCOMPARE(db().scalar(QStringLiteral("PRAGMA wal_autocheckpoint")).toInt(),
        WalCheckpointer::FallbackPages);
    db().exec(QStringLiteral("CREATE TABLE scratch(b BLOB)"));
    const qint64 before = QFileInfo(file()).size();
    db().exec(QStringLiteral("INSERT INTO scratch(b) VALUES (randomblob(4 * 1024 * 1024))"));
    QVERIFY(QFileInfo(file() + QStringLiteral("-wal")).size() > 4 * 1024 * 1024);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file()).size() >= before + 4 * 1024 * 1024, 5000);
}

void TestStoreDurability::integrationLogIsWrittenInBatches()
{
    IntegrationLogWriter &writer = s->server().context().integrationLog;
    IntegrationLogEntry entry;
    entry.receivedAt = QStringLiteral("2026-11-26T10:00:00.000Z");
    entry.method = QStringLiteral("POST");
    entry.path = QStringLiteral("/tel/api");
    entry.status = 200;
    writer.enqueue(entry);
    writer.enqueue(entry);
    QCOMPARE(writer.pendingCount(), 2);
    QCOMPARE(rowsSeenFromOutside(QStringLiteral("integration_log")), 0);
    // The batch goes by itself within a quarter of a second, in one transaction.
    QTRY_COMPARE_WITH_TIMEOUT(writer.pendingCount(), 0, 2000);
    QCOMPARE(rowsSeenFromOutside(QStringLiteral("integration_log")), 2);
    QCOMPARE(synchronous(), 2);
    const QList<IntegrationLogEntry> rows = IntegrationLogStore(db()).list({}, {}, 10, 0);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.first().receivedAt, entry.receivedAt); // when it came, not when written
    // A reader flushes first: nothing waiting is missing from its answer.
    writer.enqueue(entry);
    writer.flush();
    QCOMPARE(writer.pendingCount(), 0);
    QCOMPARE(rowsSeenFromOutside(QStringLiteral("integration_log")), 3);
}

// The answer to a write waits for a flush of the log that began after its commit: while the
// flush is held the change is committed (visible to every connection, its event sent) but
// unanswered.
void TestStoreDurability::aWriteIsAnsweredOnlyOnceTheFlushAfterItsCommitIsDone()
{
    GroupCommit *group = s->server().groupCommit();
    QVERIFY(group);
    HeldFlushes held(*s);
    const int tasksBefore = tasksSeenFromOutside();

    QNetworkAccessManager net;
    QNetworkReply *reply = postTask(net, QStringLiteral("Durable"));
    QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 10000));
    QCOMPARE(tasksSeenFromOutside(), tasksBefore + 1); // committed
    QCOMPARE(synchronous(), 2); // the connection's own mode is back for everyone else
    QTest::qWait(300);
    QVERIFY2(!reply->isFinished(), "answered before its change was on the disk");

    held.release.release();
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    delete reply;
}

// Only a request whose transaction committed waits for a flush: a refused write and a
// failed sign-in are answered while every flush is held, and none was even started for them.
void TestStoreDurability::requestsThatWroteNothingWaitForNoFlush()
{
    GroupCommit *group = s->server().groupCommit();
    QVERIFY(group);
    HeldFlushes held(*s);
    const int tasksBefore = tasksSeenFromOutside();
    const int syncsBefore = group->syncs();

    QNetworkAccessManager net;
    std::unique_ptr<QNetworkReply> refused(
        postJson(net, QStringLiteral("/api/v1/tasks"), {{QStringLiteral("title"), QString()}}));
    std::unique_ptr<QNetworkReply> wrongPassword(postJson(net, QStringLiteral("/api/v1/auth/login"),
        {{QStringLiteral("login"), QStringLiteral("admin")},
            {QStringLiteral("password"), QStringLiteral("not the password")}}));
    QVERIFY(QTest::qWaitFor(
        [&] { return refused->isFinished() && wrongPassword->isFinished(); }, 10000));
    QCOMPARE(refused->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 422);
    QCOMPARE(wrongPassword->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(held.flushing.available(), 0);
    QCOMPARE(group->syncs(), syncsBefore);
    QCOMPARE(tasksSeenFromOutside(), tasksBefore);
}

// A burst of writes does not pay a flush each: those committed while one flush runs are all
// answered after the next.
void TestStoreDurability::writesCommittedMeanwhileShareTheNextFlush()
{
    GroupCommit *group = s->server().groupCommit();
    QVERIFY(group);
    HeldFlushes held(*s);
    const int tasksBefore = tasksSeenFromOutside();
    const int syncsBefore = group->syncs();

    QNetworkAccessManager net;
    QList<QNetworkReply *> replies {postTask(net, QStringLiteral("First"))};
    QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 10000));
    for (int i = 0; i < 5; ++i) // one connection each: Qt opens six to a host
        replies << postTask(net, QStringLiteral("Burst %1").arg(i));
    QVERIFY(QTest::qWaitFor([&] { return tasksSeenFromOutside() == tasksBefore + 6; }, 10000));
    for (QNetworkReply *reply : replies)
        QVERIFY(!reply->isFinished());

    held.release.release(1000);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(
                replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); });
        },
        10000));
    for (QNetworkReply *reply : replies)
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    // The first write's flush, then one for the five committed meanwhile.
    QCOMPARE(group->syncs() - syncsBefore, 2);
    qDeleteAll(replies);
}

// kill -9 of a linecard-server process during a burst of 200 comment POSTs: every comment that
// got a 2xx is in the file (the SQLite twin of tst_instances' test for PostgreSQL).
void TestStoreDurability::killedServerLosesNothingAcknowledged()
{
    const qint64 taskId = qint64(s->post(QStringLiteral("/api/v1/tasks"),
                                      {{QStringLiteral("title"), QStringLiteral("Burst")}}, admin)
                                     .json.value(QStringLiteral("id"))
                                     .toDouble());
    QVERIFY(taskId > 0);
    s->stop();

    ServerProcess server;
    QVERIFY(server.start(
        QStringLiteral(LINECARD_SERVER_BIN), {QStringLiteral("--data-dir"), s->dataDir()}));
    CommentBurst burst(server.port(), admin, taskId, 200);
    QVERIFY(QTest::qWaitFor([&] { return burst.acknowledged >= 60; }, 30000));
    server.process().kill(); // SIGKILL
    QVERIFY(server.process().waitForFinished());
    QVERIFY(QTest::qWaitFor([&] { return burst.finished == 200; }, 30000));
    QVERIFY2(burst.acknowledged < 200, "the burst ended before the kill: nothing was tested");

    s->restart();
    const QSet<qint64> stored = commentIdsOf(*s, taskId, admin);
    for (qint64 id : burst.acknowledgedIds)
        QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("comment %1 lost").arg(id)));
    qInfo("%d of 200 acknowledged before the kill, all stored", burst.acknowledged);
}

QTEST_GUILESS_MAIN(TestStoreDurability)
#include "tst_store_durability.moc"
