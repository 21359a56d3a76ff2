#include "server/servercontext.h"
#include "server/store/contactgrams.h"
#include "testserver.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <memory>

using namespace linecard::testing;

// Contact search answers in (name, id) order page after page, through the search keys that
// order its rows (server/store/contactsearchorder.h): contacts squeezed into one gap until
// the keys there run out and are spread again, renamed, merged, and a cursor whose contact
// was renamed between two pages.
class TestApiSearchOrder : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> s;
    QString admin;
    QMap<qint64, QString> names; // every contact made here, by id

    static QString enc(const QString &text)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    }

    qint64 contact(const QString &name)
    {
        const HttpResult r = s->post(QStringLiteral("/api/v1/contacts"),
            {{QStringLiteral("name"), name},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("orderly@example.test")}}},
            admin);
        const qint64 id
            = r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
        if (id)
            names.insert(id, name);
        return id;
    }

    bool rename(qint64 id, const QString &name)
    {
        const HttpResult r = s->patch(
            QStringLiteral("/api/v1/contacts/%1").arg(id), {{QStringLiteral("name"), name}}, admin);
        if (r.status == 200)
            names.insert(id, name);
        return r.status == 200;
    }

    struct Page
    {
        QList<qint64> ids;
        QString next;
    };
    Page page(const QString &q, int limit, const QString &cursor = {})
    {
        QString path = QStringLiteral("/api/v1/contacts?q=%1&limit=%2").arg(enc(q)).arg(limit);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + enc(cursor);
        const HttpResult r = s->get(path, admin);
        Page p;
        for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
            p.ids << qint64(v.toObject().value(QStringLiteral("id")).toDouble());
        p.next = r.json.value(QStringLiteral("nextCursor")).toString();
        return p;
    }

    QList<qint64> all(const QString &q, int limit)
    {
        QList<qint64> out;
        Page p = page(q, limit);
        for (int guard = 0; guard < 1000; ++guard) {
            out << p.ids;
            if (p.next.isEmpty())
                break;
            p = page(q, limit, p.next);
        }
        return out;
    }

    // The ids made here in (name, id) order, as the server must answer them.
    QList<qint64> expected(const QList<qint64> &exclude = {}) const
    {
        QList<qint64> ids;
        for (auto it = names.begin(); it != names.end(); ++it)
            if (!exclude.contains(it.key()))
                ids << it.key();
        std::sort(ids.begin(), ids.end(), [this](qint64 a, qint64 b) {
            const QByteArray na = names.value(a).toUtf8(), nb = names.value(b).toUtf8();
            return na != nb ? na < nb : a < b; // SQLite's BINARY order is UTF-8 byte order
        });
        return ids;
    }

    // The stored keys themselves follow (name, id).
    bool keysInOrder()
    {
        auto ids = [this](const QString &order) {
            QSqlQuery q = s->server().context().db.exec(
                QStringLiteral("SELECT id FROM people WHERE search_key IS NOT NULL ORDER BY ")
                + order);
            QList<qint64> out;
            while (q.next())
                out << q.value(0).toLongLong();
            return out;
        };
        return ids(QStringLiteral("search_key")) == ids(QStringLiteral("name, id"));
    }

    // The grams index holds exactly the grams of the rows (store/contactgrams.h): every
    // (token, key) posting a row's text gives, and none that no row gives (a write path that
    // forgot its old grams, or its new ones). fts5vocab lists each posting of the index.
    QString gramsDiffer()
    {
        linecard::server::Database &db = s->server().context().db;
        using linecard::server::ContactGrams;
        const bool pg = s->usesPostgres(); // PostgreSQL keeps the tokens' codes
        QSet<QPair<QString, qint64>> wanted, held;
        QSqlQuery rows = db.exec(QStringLiteral("SELECT rowid, body FROM contact_search"));
        while (rows.next())
            for (const QString &token : ContactGrams::ofBody(rows.value(1).toString()))
                wanted.insert({pg ? QString::number(ContactGrams::code(token)) : token,
                    rows.value(0).toLongLong()});
        if (!pg)
            db.exec(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams_vocab USING "
                                   "fts5vocab(main, contact_grams, instance)"));
        QSqlQuery postings = db.exec(pg ? QStringLiteral("SELECT token, key FROM contact_grams")
                                        : QStringLiteral("SELECT term, doc FROM temp.grams_vocab"));
        while (postings.next())
            held.insert({postings.value(0).toString(), postings.value(1).toLongLong()});
        if (wanted == held)
            return {};
        return QStringLiteral("%1 postings missing, %2 stale of %3")
            .arg((wanted - held).size())
            .arg((held - wanted).size())
            .arg(wanted.size());
    }

    qint64 fullContact(const QString &name, const QStringList &phones, const QString &email,
        qint64 companyId = 0, bool isCompany = false)
    {
        QJsonObject body {{QStringLiteral("name"), name},
            {QStringLiteral("phones"), QJsonArray::fromStringList(phones)},
            {QStringLiteral("emails"), QJsonArray {email}},
            {QStringLiteral("isCompany"), isCompany}};
        if (companyId)
            body.insert(QStringLiteral("companyId"), companyId);
        const HttpResult r = s->post(QStringLiteral("/api/v1/contacts"), body, admin);
        return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
    }

private slots:
    void init()
    {
        s = std::make_unique<TestServer>();
        admin = s->bootstrapAdmin();
        names.clear();
    }

    void squeezedIntoOneGap()
    {
        QVERIFY(contact(QStringLiteral("A")));
        QVERIFY(contact(QStringLiteral("B")));
        // Each new name sorts just before the previous one: the gap after "A" halves
        // every time and runs out after 32, so keys get spread again, more than once.
        for (int i = 99; i >= 0; --i)
            QVERIFY(contact(QStringLiteral("A %1").arg(i, 3, 10, QLatin1Char('0'))));
        // and some duplicates of one name (ordered by id), some before everything
        for (int i = 0; i < 5; ++i)
            QVERIFY(contact(QStringLiteral("A 050")));
        for (int i = 0; i < 40; ++i)
            QVERIFY(contact(QString(u'0' + QString::number(40 - i))));
        QVERIFY(keysInOrder());
        QCOMPARE(all(QStringLiteral("orderly"), 7), expected());
        QCOMPARE(all(QStringLiteral("orderly"), 200), expected());
        QCOMPARE(all(QString(), 11), expected()); // no terms: the name index, same order
        // two terms, one under 3 characters (matched with LIKE, not the trigram index)
        QList<qint64> with05;
        for (qint64 id : expected())
            if (names.value(id).contains(QLatin1String("05")))
                with05 << id;
        QCOMPARE(with05.size(), 17);
        QCOMPARE(all(QStringLiteral("A 05"), 3), with05);
    }

    void squeezedBetweenManyNeighbours()
    {
        // Neighbours on both sides, so a spread moves a window and keeps the keys beyond it.
        for (int i = 0; i < 60; ++i)
            QVERIFY(contact(QStringLiteral("M %1").arg(i, 3, 10, QLatin1Char('0'))));
        for (int i = 0; i < 70; ++i)
            QVERIFY(contact(QStringLiteral("M 029 %1").arg(99 - i)));
        QVERIFY(keysInOrder());
        QCOMPARE(all(QStringLiteral("orderly"), 13), expected());
    }

    void renamesMoveContacts()
    {
        QList<qint64> ids;
        for (const char *name : {"Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"})
            ids << contact(QString::fromLatin1(name));
        QVERIFY(!ids.contains(0));
        QVERIFY(rename(ids.at(0), QStringLiteral("Zulu"))); // to the end
        QVERIFY(rename(ids.at(5), QStringLiteral("Alpha"))); // to the start
        QVERIFY(rename(ids.at(3), QStringLiteral("Charlie"))); // next to a namesake
        QVERIFY(rename(ids.at(2), QString::fromUtf8("Дельта"))); // after every Latin name
        QVERIFY(rename(ids.at(1), QStringLiteral("Charlie"))); // unchanged name
        QVERIFY(keysInOrder());
        QCOMPARE(all(QStringLiteral("orderly"), 2), expected());
    }

    void mergedContactsLeaveTheOrder()
    {
        QList<qint64> ids;
        for (const char *name : {"Kilo", "Lima", "Mike", "November"})
            ids << contact(QString::fromLatin1(name));
        const HttpResult r = s->post(QStringLiteral("/api/v1/contacts/%1/merge").arg(ids.at(0)),
            {{QStringLiteral("mergeIds"), QJsonArray {ids.at(2)}}}, admin);
        QCOMPARE(r.status, 200);
        QVERIFY(keysInOrder());
        QCOMPARE(all(QStringLiteral("orderly"), 1), expected({ids.at(2)}));
    }

    // Every write path that changes a search row keeps its grams: a new contact, a changed
    // name, phone and email, a renamed company (its members' rows), keys spread in a crowded
    // gap (rows moved), merge (rows gone). Searches through the grams then find what the rows
    // say, and nothing that was.
    void gramsFollowEveryWrite()
    {
        const qint64 acme = fullContact(
            QStringLiteral("Acme Trading"), {}, QStringLiteral("office@acme.test"), 0, true);
        const qint64 ivan = fullContact(QStringLiteral("Ivan Petrov"),
            {QStringLiteral("+7 495 123-45-67")}, QStringLiteral("ivan@acme.test"), acme);
        const qint64 olga = fullContact(QStringLiteral("Olga Ivanova"),
            {QStringLiteral("+7 916 555-01-02"), QStringLiteral("+44 20 7946 0123")},
            QStringLiteral("olga.2024@mail.test"), acme);
        QVERIFY(acme && ivan && olga);
        QCOMPARE(gramsDiffer(), QString());
        const auto found = [this](const QString &q) {
            const QList<qint64> ids = all(q, 50);
            return QSet<qint64>(ids.cbegin(), ids.cend());
        };
        QCOMPARE(found(QStringLiteral("4567")), QSet<qint64> {ivan});
        QCOMPARE(found(QStringLiteral("acme")), (QSet<qint64> {acme, ivan, olga}));
        QCOMPARE(found(QStringLiteral("ИВАН")), QSet<qint64> {});
        QCOMPARE(found(QStringLiteral("ivan 2024")), QSet<qint64> {olga}); // "Ivanova"

        // name, phones and email changed
        QCOMPARE(
            s->patch(QStringLiteral("/api/v1/contacts/%1").arg(ivan),
                 {{QStringLiteral("name"), QString::fromUtf8("Иван Петров")},
                     {QStringLiteral("phones"), QJsonArray {QStringLiteral("+7 812 765-43-21")}},
                     {QStringLiteral("emails"), QJsonArray {QStringLiteral("petrov@x.test")}}},
                 admin)
                .status,
            200);
        QCOMPARE(gramsDiffer(), QString());
        QCOMPARE(found(QStringLiteral("4567")), QSet<qint64> {});
        QCOMPARE(found(QStringLiteral("ИВАН 4321")), QSet<qint64> {ivan});
        QCOMPARE(found(QStringLiteral("8812")), QSet<qint64> {ivan}); // the national form

        // the company renamed: its members' rows carry the new name
        QCOMPARE(s->patch(QStringLiteral("/api/v1/contacts/%1").arg(acme),
                      {{QStringLiteral("name"), QStringLiteral("Zenith Group")}}, admin)
                     .status,
            200);
        QCOMPARE(gramsDiffer(), QString());
        QCOMPARE(found(QStringLiteral("zenith")), (QSet<qint64> {acme, ivan, olga}));
        QCOMPARE(found(QStringLiteral("trading")), QSet<qint64> {});

        // a crowded gap: keys spread, rows moved with their grams
        for (int i = 40; i > 0; --i)
            QVERIFY(fullContact(QStringLiteral("Olga Ivanova %1").arg(i, 2, 10, QLatin1Char('0')),
                {QStringLiteral("+7 916 000-00-%1").arg(i, 2, 10, QLatin1Char('0'))},
                QStringLiteral("crowd@mail.test")));
        QCOMPARE(gramsDiffer(), QString());
        QCOMPARE(found(QStringLiteral("9160000")).size(), 40);

        // merged: the duplicate's row and grams are gone, the survivor has both numbers
        const qint64 dup = fullContact(QStringLiteral("Olga I."),
            {QStringLiteral("+7 903 111-22-33")}, QStringLiteral("olga@dup.test"));
        QVERIFY(dup);
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts/%1/merge").arg(olga),
                      {{QStringLiteral("mergeIds"), QJsonArray {dup}}}, admin)
                     .status,
            200);
        QCOMPARE(gramsDiffer(), QString());
        QCOMPARE(found(QStringLiteral("1112233")), QSet<qint64> {olga});
        QCOMPARE(found(QStringLiteral("olga i.")), QSet<qint64> {});
    }

    // Several terms: the postings read first are the sparsest term's (PostgreSQL counts them),
    // whatever the order the terms come in, with grams shared between terms, candidates whose
    // grams all match but whose text does not (read on in later batches of the same plan),
    // and pages of a few: the answer is every match in (name, id) order, on both dialects.
    void severalTermsFindEveryMatchInOrder()
    {
        QList<qint64> wanted;
        for (int i = 0; i < 60; ++i) {
            const bool sparse = i % 6 == 0;
            const qint64 id = fullContact(
                QStringLiteral("Natalia Z%1").arg(i, 2, 10, QLatin1Char('0')),
                {(sparse ? QStringLiteral("+7 916 777-70-%1") : QStringLiteral("+7 916 123-40-%1"))
                        .arg(i, 2, 10, QLatin1Char('0'))},
                QStringLiteral("n%1@mail.test").arg(i));
            QVERIFY(id);
            if (sparse)
                wanted << id;
        }
        for (int i = 0; i < 20; ++i) {
            // the digits without the name; "nat" and "ata" without "nata"
            QVERIFY(fullContact(QStringLiteral("Oleg Y%1").arg(i, 2, 10, QLatin1Char('0')),
                {QStringLiteral("+7 916 777-71-%1").arg(i, 2, 10, QLatin1Char('0'))},
                QStringLiteral("o%1@mail.test").arg(i)));
            QVERIFY(fullContact(QStringLiteral("Nat Batalov %1").arg(i, 2, 10, QLatin1Char('0')),
                {QStringLiteral("+7 916 777-72-%1").arg(i, 2, 10, QLatin1Char('0'))},
                QStringLiteral("b%1@mail.test").arg(i)));
        }
        QCOMPARE(wanted.size(), 10);
        for (const QString &q : {QStringLiteral("nata 7777"), QStringLiteral("7777 NATA"),
                 QStringLiteral("nata atal 67777"), QStringLiteral("atal nata 7777 9167")})
            for (int limit : {1, 3, 50})
                QVERIFY2(all(q, limit) == wanted, qPrintable(q + u' ' + QString::number(limit)));
        QCOMPARE(all(QStringLiteral("nat batal 7777"), 7).size(), 20);
    }

    // Candidates that hold every token but fail the check on the row ("Nat Atalov" holds
    // "nat", "ata" and the digits, not "nata") fill a first batch (limit + 8 candidates): the
    // match just past it is still found, in both of PostgreSQL's ways of reading two terms —
    // the lead's and the second token's postings merged (the digits lead, here as sparse as
    // the name) and the second token probed (four digits in many contacts, once the Olegs
    // hold them too: the name leads).
    void matchJustPastTheFirstBatch()
    {
        for (int i = 0; i < 30; ++i)
            QVERIFY(fullContact(QStringLiteral("Nat Atalov %1").arg(i, 2, 10, QLatin1Char('0')),
                {QStringLiteral("+7 916 777-73-%1").arg(i, 2, 10, QLatin1Char('0'))},
                QStringLiteral("a%1@mail.test").arg(i)));
        const qint64 natalia = fullContact(QStringLiteral("Natalia Last"),
            {QStringLiteral("+7 916 777-74-00")}, QStringLiteral("last@mail.test"));
        QVERIFY(natalia);
        const QList<qint64> wanted {natalia};
        auto check = [&](const QString &round) {
            for (const QString &q : {QStringLiteral("nata 7777"), QStringLiteral("7777 nata"),
                     QStringLiteral("nata 9167777")})
                for (int limit : {1, 3, 50})
                    QVERIFY2(all(q, limit) == wanted,
                        qPrintable(round + u' ' + q + u' ' + QString::number(limit)));
        };
        check(QStringLiteral("sparse digits:"));
        for (int i = 0; i < 40; ++i)
            QVERIFY(fullContact(QStringLiteral("Oleg W%1").arg(i, 2, 10, QLatin1Char('0')),
                {QStringLiteral("+7 916 777-75-%1").arg(i, 2, 10, QLatin1Char('0'))},
                QStringLiteral("w%1@mail.test").arg(i)));
        check(QStringLiteral("dense digits:"));
        QCOMPARE(all(QStringLiteral("nat atal 7777"), 7).size(), 31); // Natalia too
    }

    // Schema version 12 writes the grams of the rows already there.
    void migrationWritesTheGrams()
    {
        if (s->usesPostgres())
            QSKIP("It rewinds a SQLite file to version 11");
        const qint64 ivan = fullContact(QStringLiteral("Ivan Petrov"),
            {QStringLiteral("+7 495 123-45-67")}, QStringLiteral("ivan@acme.test"));
        QVERIFY(ivan);
        s->stop();
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rewind"));
            db.setDatabaseName(QDir(s->dataDir()).filePath(QStringLiteral("linecard.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : {QStringLiteral("DROP TABLE contact_grams"),
                     QStringLiteral("DELETE FROM schema_version WHERE version >= 12")})
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + u' ' + sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rewind"));
        s->restart();
        admin = s->login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QCOMPARE(gramsDiffer(), QString());
        QCOMPARE(all(QStringLiteral("4567"), 10), QList<qint64> {ivan});
        QCOMPARE(all(QStringLiteral("petr"), 10), QList<qint64> {ivan});
    }

    // On PostgreSQL the server settles the grams itself once the migration that wrote them has
    // committed: statistics for the planner, a vacuum for the visibility map that index-only
    // reads want (without either, search at 1,000,000 contacts waited for autovacuum).
    void migrationSettlesTheGrams()
    {
        if (!s->usesPostgres())
            QSKIP("PostgreSQL's statistics");
        QSqlQuery q = s->server().context().db.exec(
            QStringLiteral("SELECT last_analyze IS NOT NULL, last_vacuum IS NOT NULL FROM "
                           "pg_stat_user_tables WHERE relname = 'contact_grams'"));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toBool(), "contact_grams not analysed after the migration");
        QVERIFY2(q.value(1).toBool(), "contact_grams not vacuumed after the migration");
    }

    void cursorOfARenamedContact()
    {
        for (const char *name : {"Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango"})
            QVERIFY(contact(QString::fromLatin1(name)));
        const Page first = page(QStringLiteral("orderly"), 3);
        QCOMPARE(first.ids, expected().mid(0, 3));
        // "Quebec" ended the page; renamed, the next page still starts after "Quebec"
        QVERIFY(rename(first.ids.last(), QStringLiteral("Whiskey")));
        const Page second = page(QStringLiteral("orderly"), 3, first.next);
        QCOMPARE(second.ids,
            (QList<qint64> {names.key(QStringLiteral("Romeo")), names.key(QStringLiteral("Sierra")),
                names.key(QStringLiteral("Tango"))}));
    }
};

QTEST_GUILESS_MAIN(TestApiSearchOrder)
#include "tst_api_search_order.moc"
