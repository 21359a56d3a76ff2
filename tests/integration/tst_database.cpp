// Database::exec binds values (":name") on either dialect; on PostgreSQL they go into the
// statement as quoted literals (one round trip, see Database::exec): quotes, backslashes,
// colons, SQL in a value, big integers, flags, fractions and NULL come back as they were sent,
// and "::type" casts and colons inside string literals are left alone.
#include "testserver.h"

#include "server/servercontext.h"
#include "server/store/database.h"

#include <QSqlQuery>
#include <QTest>

using namespace linecard::testing;
using linecard::server::Database;
using linecard::server::StoreError;

class TestDatabaseExec : public QObject
{
    Q_OBJECT
private slots:
    void valuesComeBackAsSent_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("quote") << QVariant(QStringLiteral("it's"));
        QTest::newRow("quotes") << QVariant(QStringLiteral("''' \"x\" '"));
        QTest::newRow("backslash") << QVariant(QStringLiteral("back\\slash\\'"));
        QTest::newRow("colon") << QVariant(QStringLiteral("at :t and ::text, 12:30"));
        QTest::newRow("sql") << QVariant(QStringLiteral("'); DROP TABLE people; --"));
        QTest::newRow("unicode") << QVariant(QStringLiteral("Ольга 📞 $1 $$"));
        QTest::newRow("empty") << QVariant(QStringLiteral(""));
        QTest::newRow("null") << QVariant(QMetaType(QMetaType::QString));
        QTest::newRow("bytes") << QVariant(QByteArray("raw 'bytes'"));
    }
    void valuesComeBackAsSent()
    {
        QFETCH(QVariant, value);
        TestServer server;
        Database &db = server.server().context().db;
        db.exec(QStringLiteral("CREATE TEMP TABLE probe (id BIGINT, txt TEXT)"));
        db.exec(QStringLiteral("INSERT INTO probe(id, txt) VALUES (:id, :txt)"),
            {{QStringLiteral("id"), 1}, {QStringLiteral("txt"), value}});
        const QVariant back = db.scalar(
            QStringLiteral("SELECT txt FROM probe WHERE id = :id"), {{QStringLiteral("id"), 1}});
        QCOMPARE(back.isNull(), value.isNull());
        QCOMPARE(back.toString(), value.toString());
        QVERIFY(db.scalar(QStringLiteral("SELECT COUNT(*) FROM probe WHERE txt = :txt"),
                      {{QStringLiteral("txt"), value}})
                    .toInt()
            == (value.isNull() ? 0 : 1));
        QVERIFY(db.scalar(QStringLiteral("SELECT COUNT(*) FROM people")).toInt() >= 0);
    }

    // SQLite keeps the statements of run(), scalar() and insert() prepared (Database::run). A
    // kept statement must not hold its connection's read snapshot: a reader thread's connection
    // would then answer without what the writer committed since. The first scalar() reads one
    // of two rows; the next statements on that connection see the writer's later commit.
    void keptStatementsLeaveNoReadOpen()
    {
        TestServer server;
        if (server.usesPostgres())
            QSKIP("statements are kept on SQLite only");
        Database &writer = server.server().context().db;
        std::unique_ptr<Database> reader = Database::openSqlite(writer.connection().databaseName());
        writer.run(QStringLiteral("CREATE TABLE probe (id INTEGER PRIMARY KEY)"));
        writer.run(QStringLiteral("INSERT INTO probe(id) VALUES (1), (2)"));
        QCOMPARE(reader->scalar(QStringLiteral("SELECT id FROM probe ORDER BY id")).toInt(), 1);
        QCOMPARE(writer.run(QStringLiteral("INSERT INTO probe(id) VALUES (:id)"),
                     {{QStringLiteral("id"), 3}}),
            1);
        QCOMPARE(reader->scalar(QStringLiteral("SELECT MAX(id) FROM probe")).toInt(), 3);
        QCOMPARE(reader->insert(QStringLiteral("INSERT INTO probe(id) VALUES (:id)"),
                     {{QStringLiteral("id"), 4}}),
            4);
        QCOMPARE(writer.scalar(QStringLiteral("SELECT COUNT(*) FROM probe")).toInt(), 4);
    }

    void numbersFlagsAndCasts()
    {
        TestServer server;
        Database &db = server.server().context().db;
        db.exec(QStringLiteral(
            "CREATE TEMP TABLE probe (n BIGINT, f INTEGER, x DOUBLE PRECISION, t TEXT)"));
        const qint64 big = 9007199254740993LL; // not a double
        db.exec(QStringLiteral("INSERT INTO probe(n, f, x, t) VALUES (:n, :f, :x, :t)"),
            {{QStringLiteral("n"), big}, {QStringLiteral("f"), true}, {QStringLiteral("x"), 0.1},
                {QStringLiteral("t"), 42}});
        QSqlQuery q = db.exec(QStringLiteral("SELECT n, f, x, t FROM probe WHERE n = :n AND f = "
                                             ":f AND t = :t AND 'a:b' <> :t"),
            {{QStringLiteral("n"), big}, {QStringLiteral("f"), true}, {QStringLiteral("t"), 42}});
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), big);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toDouble(), 0.1);
        QCOMPARE(q.value(3).toString(), QStringLiteral("42"));
        if (!server.usesPostgres())
            return;
        QCOMPARE(db.scalar(QStringLiteral("SELECT :n::bigint + 1"), {{QStringLiteral("n"), 41}})
                     .toLongLong(),
            42);
        QVERIFY_THROWS_EXCEPTION(
            StoreError, db.exec(QStringLiteral("SELECT :missing"), {{QStringLiteral("other"), 1}}));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseExec)
#include "tst_database.moc"
