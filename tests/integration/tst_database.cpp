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

    // exec() keeps its statements too (Database::Rows): rows let go of half-read leave no read
    // snapshot behind on the connection, a statement run again while its rows are still being
    // read gets one of its own (the outer loop goes on undisturbed), and texts beyond the
    // bound make room without disturbing anything.
    void keptReadStatementsLeaveNoReadOpen()
    {
        TestServer server;
        if (server.usesPostgres())
            QSKIP("statements are kept on SQLite only");
        Database &writer = server.server().context().db;
        std::unique_ptr<Database> reader = Database::openSqlite(writer.connection().databaseName());
        writer.run(QStringLiteral("CREATE TABLE probe (id INTEGER PRIMARY KEY)"));
        writer.run(QStringLiteral("INSERT INTO probe(id) VALUES (1), (2)"));
        const QString all = QStringLiteral("SELECT id FROM probe ORDER BY id");
        auto countOf = [&] {
            Database::Rows q = reader->exec(QStringLiteral("SELECT COUNT(*) FROM probe"));
            return q.next() ? q.value(0).toInt() : -1;
        };
        QCOMPARE(countOf(), 2);

        QList<int> pairs; // the same text inside the loop over its own rows
        for (int round = 0; round < 2; ++round) {
            Database::Rows outer = reader->exec(all);
            while (outer.next()) {
                Database::Rows inner = reader->exec(all);
                while (inner.next())
                    pairs << outer.value(0).toInt() * 10 + inner.value(0).toInt();
            }
        }
        QCOMPARE(pairs, (QList<int> {11, 12, 21, 22, 11, 12, 21, 22}));

        {
            Database::Rows half = reader->exec(all);
            QVERIFY(half.next()); // one of two rows read, then let go
        }
        writer.run(QStringLiteral("INSERT INTO probe(id) VALUES (3)"));
        QCOMPARE(countOf(), 3);
        {
            QSqlQuery plain = reader->exec(all); // taken as a plain query: not kept
            QVERIFY(plain.next());
        }
        writer.run(QStringLiteral("INSERT INTO probe(id) VALUES (4)"));
        QCOMPARE(countOf(), 4);
        for (int i = 0; i < 300; ++i) { // more texts than are kept: the oldest make room
            Database::Rows q
                = reader->exec(QStringLiteral("SELECT %1 FROM probe WHERE id = 1").arg(i));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), i);
        }
        writer.run(QStringLiteral("INSERT INTO probe(id) VALUES (5)"));
        QCOMPARE(countOf(), 5);
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
