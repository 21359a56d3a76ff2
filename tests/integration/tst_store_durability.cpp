#include "testserver.h"

#include "server/servercontext.h"
#include "server/store/database.h"
#include "server/store/integrationlogstore.h"
#include "server/store/walcheckpointer.h"
#include "server/telephony/integrationlogwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace linecard;
using namespace linecard::server;
using namespace linecard::testing;

// How the server keeps what it acknowledged while keeping the disk out of the way of the
// calls: commits that sync after their events are out (DeferredSync), the write-ahead log
// copied back on a thread of its own (WalCheckpointer), the integration log in batches.
class TestStoreDurability : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        s = std::make_unique<TestServer>();
        s->bootstrapAdmin();
    }
    void cleanup() { s.reset(); }

    void deferredSyncCommitsAtOnceAndSyncsAfter();
    void deferredSyncInsideATransactionLeavesItAlone();
    void checkpointerCopiesTheLogIntoTheDatabase();
    void integrationLogIsWrittenInBatches();

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

    std::unique_ptr<TestServer> s;
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

QTEST_GUILESS_MAIN(TestStoreDurability)
#include "tst_store_durability.moc"
