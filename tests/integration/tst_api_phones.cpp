// Phone numbers through the API (issue 19, issue 14 item 9): stored in E.164 whatever the
// writing, a 422 that says why for what is no number, digits of any script, the account's
// region, and caller ids from a line with a region of its own.
#include "telephonyfixture.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace linecard::testing;

class TestApiPhones : public QObject
{
    Q_OBJECT

    static QString enc(const QString &s) { return QString::fromLatin1(QUrl::toPercentEncoding(s)); }
    static qint64 idOf(const QJsonObject &o)
    {
        return qint64(o.value(QStringLiteral("id")).toDouble());
    }
    static QList<qint64> ids(const HttpResult &r)
    {
        QList<qint64> out;
        for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
            out << idOf(v.toObject());
        return out;
    }
    static QStringList numbers(const QJsonObject &contact)
    {
        QStringList out;
        for (const QJsonValue &p : contact.value(QStringLiteral("phones")).toArray())
            out << p.toObject().value(QStringLiteral("number")).toString();
        return out;
    }

    QList<qint64> search(TestServer &s, const QString &token, const QString &q)
    {
        return ids(s.get(QStringLiteral("/api/v1/contacts?q=") + enc(q), token));
    }
    QList<qint64> lookup(TestServer &s, const QString &token, const QString &phone)
    {
        return ids(s.get(QStringLiteral("/api/v1/contacts/lookup?phone=") + enc(phone), token));
    }
    HttpResult create(
        TestServer &s, const QString &token, const QString &name, const QStringList &phones)
    {
        return s.post(QStringLiteral("/api/v1/contacts"),
            {{QStringLiteral("name"), name},
                {QStringLiteral("phones"), QJsonArray::fromStringList(phones)}},
            token);
    }

private slots:
    void storedAsE164()
    {
        TestServer s;
        const QString admin = s.bootstrapAdmin();
        const HttpResult anna = create(s, admin, QStringLiteral("Анна Смирнова"),
            {QStringLiteral("8 (916) 123-45-67"), QStringLiteral("+44 20 7946 0123"),
                QStringLiteral("+7 495 123-45-67 доб. 12")});
        QCOMPARE(anna.status, 201);
        QCOMPARE(numbers(anna.json),
            (QStringList {QStringLiteral("+79161234567"), QStringLiteral("+442079460123"),
                QStringLiteral("+74951234567;ext=12")}));
        const qint64 id = idOf(anna.json);
        // Search and caller matching as before: fragments, any writing, a name and digits.
        for (const QString &q : {QStringLiteral("4567"), QStringLiteral("916 123"),
                 QStringLiteral("анна 4567"), QStringLiteral("89161234567"),
                 QStringLiteral("7946 0123"), QStringLiteral("02079460123")})
            QVERIFY2(search(s, admin, q) == QList<qint64> {id}, qPrintable(q));
        QCOMPARE(search(s, admin, QStringLiteral("анна 9999")), QList<qint64>());
        for (const QString &phone : {QStringLiteral("+7 916 123 45 67"),
                 QStringLiteral("89161234567"), QStringLiteral("+442079460123"),
                 QStringLiteral("00 44 20 7946 0123"), QStringLiteral("8 10 44 20 7946 0123")})
            QVERIFY2(lookup(s, admin, phone) == QList<qint64> {id}, qPrintable(phone));
    }

    void invalidNumbersAre422()
    {
        TestServer s;
        const QString admin = s.bootstrapAdmin();
        const struct
        {
            QString number, why;
        } cases[] = {{QStringLiteral("916 123"), QStringLiteral("too short for a number in RU")},
            {QStringLiteral("8 916 123 45 67 89"),
                QStringLiteral("the wrong number of digits for a number in RU")},
            {QStringLiteral("+999 123 456 789"), QStringLiteral("no country has this code")},
            {QStringLiteral("call me"), QStringLiteral("no phone number in it")}};
        for (const auto &c : cases) {
            const HttpResult r = create(s, admin, QStringLiteral("Nobody"), {c.number});
            QCOMPARE(r.status, 422);
            QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
            const QString message = r.json.value(QStringLiteral("error"))
                                        .toObject()
                                        .value(QStringLiteral("message"))
                                        .toString();
            QVERIFY2(message.contains(c.why) && message.contains(c.number), qPrintable(message));
        }
        // Nothing was stored.
        QCOMPARE(search(s, admin, QStringLiteral("nobody")), QList<qint64>());

        // An edit with a bad number changes nothing either.
        const HttpResult ok
            = create(s, admin, QStringLiteral("Somebody"), {QStringLiteral("+7 916 000-00-01")});
        QCOMPARE(ok.status, 201);
        const QString path = QStringLiteral("/api/v1/contacts/%1").arg(idOf(ok.json));
        QCOMPARE(s.patch(path,
                      {{QStringLiteral("phones"),
                          QJsonArray {QStringLiteral("+7 916 000-00-02"), QStringLiteral("12")}}},
                      admin)
                     .status,
            422);
        QCOMPARE(numbers(s.get(path, admin).json), QStringList {QStringLiteral("+79160000001")});
    }

    // Issue 14 item 9: digits of other scripts are stored and found as ASCII digits.
    void digitsOfAnyScript()
    {
        TestServer s;
        const QString admin = s.bootstrapAdmin();
        const HttpResult arabic = create(
            s, admin, QStringLiteral("Arabic Keyboard"), {QString::fromUtf8("٨ (٩٠٠) ٥٥٥-١٢-٣٤")});
        QCOMPARE(arabic.status, 201);
        QCOMPARE(numbers(arabic.json), QStringList {QStringLiteral("+79005551234")});
        const HttpResult wide = create(s, admin, QStringLiteral("Wide Keyboard"),
            {QString::fromUtf8("＋７ ９１６ ７７７ ００ ００")});
        QCOMPARE(wide.status, 201);
        QCOMPARE(numbers(wide.json), QStringList {QStringLiteral("+79167770000")});

        const qint64 a = idOf(arabic.json), w = idOf(wide.json);
        QCOMPARE(lookup(s, admin, QStringLiteral("89005551234")), QList<qint64> {a});
        QCOMPARE(search(s, admin, QStringLiteral("1234")), QList<qint64> {a});
        QCOMPARE(lookup(s, admin, QStringLiteral("+79167770000")), QList<qint64> {w});
        // ... and the other way round: a lookup or search typed in those digits.
        QCOMPARE(lookup(s, admin, QString::fromUtf8("٨٩٠٠٥٥٥١٢٣٤")), QList<qint64> {a});
        QCOMPARE(search(s, admin, QString::fromUtf8("١٢٣٤")), QList<qint64> {a});
        QCOMPARE(search(s, admin, QString::fromUtf8("７７７")), QList<qint64> {w});
    }

    void accountRegion()
    {
        TestServer s;
        const QString admin = s.bootstrapAdmin();
        // The server's locale in the tests names no country: RU.
        QCOMPARE(s.get(QStringLiteral("/api/v1/settings"), admin)
                     .json.value(QStringLiteral("phoneRegion"))
                     .toString(),
            QStringLiteral("RU"));
        QCOMPARE(
            create(s, admin, QStringLiteral("London"), {QStringLiteral("020 7946 0123")}).status,
            422);

        for (const QString &bad : {QStringLiteral("XX"), QStringLiteral("gbr"), QString()}) {
            const HttpResult r = s.patch(
                QStringLiteral("/api/v1/settings"), {{QStringLiteral("phoneRegion"), bad}}, admin);
            QCOMPARE(r.status, 422);
        }
        QCOMPARE(s.patch(QStringLiteral("/api/v1/settings"),
                      {{QStringLiteral("phoneRegion"), QStringLiteral("GB")}}, admin)
                     .status,
            200);
        const HttpResult london
            = create(s, admin, QStringLiteral("London"), {QStringLiteral("020 7946 0123")});
        QCOMPARE(london.status, 201);
        QCOMPARE(numbers(london.json), QStringList {QStringLiteral("+442079460123")});
        // Numbers with their country code are unaffected by the region.
        const HttpResult moscow
            = create(s, admin, QStringLiteral("Moscow"), {QStringLiteral("+7 916 123-45-67")});
        QCOMPARE(numbers(moscow.json), QStringList {QStringLiteral("+79161234567")});
        QCOMPARE(
            lookup(s, admin, QStringLiteral("020 7946 0123")), QList<qint64> {idOf(london.json)});

        // The region survives a restart.
        s.restart();
        const QString again = s.login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QCOMPARE(
            lookup(s, again, QStringLiteral("020 7946 0123")), QList<qint64> {idOf(london.json)});
        QCOMPARE(s.patch(QStringLiteral("/api/v1/settings"),
                      {{QStringLiteral("phoneRegion"), QStringLiteral("RU")}}, again)
                     .status,
            200);
    }

    // Schema version 8 reads the numbers stored before again: a database as version 7 left it
    // (numbers as typed, no E.164 for foreign habits, search forms of the old parser) comes
    // out with E.164 numbers, keys and search forms; what is no number stays as written.
    void migrationRenormalisesStoredNumbers()
    {
        TestServer s;
        if (s.usesPostgres())
            QSKIP("SQLite's migrations 0001-0008: a PostgreSQL database starts at version 8");
        const QString admin = s.bootstrapAdmin();
        const qint64 anna = idOf(create(s, admin, QStringLiteral("Anna"),
            {QStringLiteral("+7 916 123-45-67"), QStringLiteral("+44 20 7946 0123")})
                                     .json);
        const qint64 boris = idOf(
            create(s, admin, QStringLiteral("Boris"), {QStringLiteral("+7 495 000-00-01")}).json);
        QVERIFY(anna && boris);
        s.stop();
        {
            // Back to version 7, as an earlier server wrote it.
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version5"));
            db.setDatabaseName(QDir(s.dataDir()).filePath(QStringLiteral("linecard.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : {QStringLiteral("UPDATE phones SET number = '8 (916) "
                                                      "123-45-67', e164 = '+79161234567', "
                                                      "tail_key = '9161234567' WHERE position = 0 "
                                                      "AND person_id = %1")
                                           .arg(anna),
                     QStringLiteral("UPDATE phones SET number = '0044 20 7946 0123', e164 = "
                                    "NULL, tail_key = NULL WHERE position = 1 AND person_id = %1")
                         .arg(anna),
                     QStringLiteral("UPDATE phones SET number = 'ask the secretary', e164 = NULL, "
                                    "tail_key = NULL WHERE person_id = %1")
                         .arg(boris),
                     // the search index as if it held names only
                     QStringLiteral("UPDATE contact_search SET body = (SELECT name FROM people p "
                                    "WHERE p.search_key = contact_search.rowid)"),
                     QStringLiteral("DELETE FROM schema_version WHERE version >= 8"),
                     QStringLiteral("ALTER TABLE lines DROP COLUMN region"),
                     // what version 11 added
                     QStringLiteral("ALTER TABLE calls DROP COLUMN deleted_line_name")})
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + u' ' + sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("version5"));

        s.restart();
        const QString token = s.login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QCOMPARE(numbers(s.get(QStringLiteral("/api/v1/contacts/%1").arg(anna), token).json),
            (QStringList {QStringLiteral("+79161234567"), QStringLiteral("+442079460123")}));
        QCOMPARE(numbers(s.get(QStringLiteral("/api/v1/contacts/%1").arg(boris), token).json),
            QStringList {QStringLiteral("ask the secretary")});
        QCOMPARE(lookup(s, token, QStringLiteral("+44 20 7946 0123")), QList<qint64> {anna});
        QCOMPARE(search(s, token, QStringLiteral("4567")), QList<qint64> {anna});
        QCOMPARE(search(s, token, QStringLiteral("anna 7946")), QList<qint64> {anna});
        QCOMPARE(search(s, token, QStringLiteral("boris")), QList<qint64> {boris});
        // Lines have their region column again.
        QCOMPARE(s.post(QStringLiteral("/api/v1/lines"),
                      {{QStringLiteral("number"), QStringLiteral("+44 20 7946 0000")},
                          {QStringLiteral("region"), QStringLiteral("GB")}},
                      token)
                     .status,
            201);
    }

    // A number stored before libphonenumber that the library finds possible but not valid
    // (here Ofcom's 01632 960xxx, which no telephone has) is no number to accept anew (422),
    // but after schema version 9 it matches its caller again: by lookup, and for a PBX's call
    // through a UK line. A caller with such a number makes no new contact.
    void possibleNumbersStillMatchCallers()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        if (f.server.usesPostgres())
            QSKIP("It rewinds a SQLite file to version 8; a PostgreSQL database never held "
                  "numbers stored before version 9");
        const HttpResult line = f.server.post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("number"), QStringLiteral("+44 20 7946 0000")},
                {QStringLiteral("name"), QStringLiteral("London")},
                {QStringLiteral("region"), QStringLiteral("GB")}},
            f.admin);
        QCOMPARE(line.status, 201);
        QCOMPARE(
            create(f.server, f.admin, QStringLiteral("New"), {QStringLiteral("+44 1632 960000")})
                .status,
            422);
        const qint64 old = idOf(create(f.server, f.admin, QStringLiteral("Old Number Ltd"),
            {QStringLiteral("+44 20 7946 0999")})
                                    .json);
        QVERIFY(old);
        f.server.stop();
        {
            // As an earlier server kept it: the number as written, no E.164, no key; version 8.
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version8"));
            db.setDatabaseName(
                QDir(f.server.dataDir()).filePath(QStringLiteral("linecard.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql :
                {QStringLiteral("UPDATE phones SET number = '+44 1632 960000', "
                                "e164 = NULL, tail_key = NULL WHERE person_id = %1")
                        .arg(old),
                    QStringLiteral("DELETE FROM schema_version WHERE version >= 9"),
                    // what version 11 added
                    QStringLiteral("ALTER TABLE calls DROP COLUMN deleted_line_name")})
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + u' ' + sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("version8"));
        f.server.restart();
        const QString token
            = f.server.login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QCOMPARE(numbers(f.server.get(QStringLiteral("/api/v1/contacts/%1").arg(old), token).json),
            QStringList {QStringLiteral("+44 1632 960000")}); // still as written
        QCOMPARE(lookup(f.server, token, QStringLiteral("+44 1632 960000")), QList<qint64> {old});
        QCOMPARE(lookup(f.server, token, QStringLiteral("0044 1632 960 000")), QList<qint64> {old});
        QCOMPARE(search(f.server, token, QStringLiteral("1632 960")), QList<qint64> {old});

        const qint64 contactsBefore = f.contactCount();
        auto ring = [&](const QString &callId, const QString &phone) {
            return f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
                {QStringLiteral("type"), QStringLiteral("in")},
                {QStringLiteral("event"), QStringLiteral("INCOMING")},
                {QStringLiteral("phone"), phone},
                {QStringLiteral("diversion"), QStringLiteral("442079460000")},
                {QStringLiteral("ext"), QStringLiteral("101")},
                {QStringLiteral("callid"), callId}});
        };
        QCOMPARE(ring(QStringLiteral("old-1"), QStringLiteral("01632 960000")).status, 200);
        QCOMPARE(idIn(f.call(QStringLiteral("old-1")), QStringLiteral("contactId")), old);
        // Another possible-only caller: nobody's card, and no contact made of it.
        QCOMPARE(ring(QStringLiteral("old-2"), QStringLiteral("01632 960001")).status, 200);
        QCOMPARE(idIn(f.call(QStringLiteral("old-2")), QStringLiteral("contactId")), 0);
        QCOMPARE(f.contactCount(), contactsBefore);
    }

    // A UK trunk sends national numbers: caller ids from its line are read in GB, and find
    // the contact stored with +44; the same digits on the Russian line are no UK number.
    void callerIdFromALineWithItsOwnRegion()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const HttpResult line = f.server.post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("number"), QStringLiteral("+44 20 7946 0000")},
                {QStringLiteral("name"), QStringLiteral("London")},
                {QStringLiteral("region"), QStringLiteral("GB")},
                {QStringLiteral("color"), QStringLiteral("#1565c0")}},
            f.admin);
        QCOMPARE(line.status, 201);
        QCOMPARE(line.json.value(QStringLiteral("region")).toString(), QStringLiteral("GB"));
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/lines"),
                         {{QStringLiteral("number"), QStringLiteral("+44 20 7946 0001")},
                             {QStringLiteral("region"), QStringLiteral("Britain")}},
                         f.admin)
                     .status,
            422);
        const HttpResult john = create(
            f.server, f.admin, QStringLiteral("John Smith"), {QStringLiteral("+44 20 7946 0123")});
        QCOMPARE(john.status, 201);

        // Through the London line: the caller is John.
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
                               {QStringLiteral("type"), QStringLiteral("in")},
                               {QStringLiteral("event"), QStringLiteral("INCOMING")},
                               {QStringLiteral("phone"), QStringLiteral("020 7946 0123")},
                               {QStringLiteral("diversion"), QStringLiteral("442079460000")},
                               {QStringLiteral("ext"), QStringLiteral("101")},
                               {QStringLiteral("callid"), QStringLiteral("uk-1")}})
                     .status,
            200);
        const QJsonObject uk = f.call(QStringLiteral("uk-1"));
        QCOMPARE(qint64(uk.value(QStringLiteral("lineId")).toDouble()), idOf(line.json));
        QCOMPARE(qint64(uk.value(QStringLiteral("contactId")).toDouble()), idOf(john.json));

        // Through the Russian line the same digits are no valid number: nobody's card, and
        // no contact is made of them.
        f.event(QStringLiteral("ru-1"), QStringLiteral("INCOMING"), QStringLiteral("101"), {},
            QStringLiteral("020 7946 0123"));
        const QJsonObject ru = f.call(QStringLiteral("ru-1"));
        QCOMPARE(qint64(ru.value(QStringLiteral("lineId")).toDouble()), f.lineId);
        QVERIFY(ru.value(QStringLiteral("contactId")).isNull()
            || ru.value(QStringLiteral("contactId")).toDouble() == 0);

        // An unknown caller on the London line becomes a contact with its E.164 number,
        // named in international format.
        f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("in")},
            {QStringLiteral("event"), QStringLiteral("INCOMING")},
            {QStringLiteral("phone"), QStringLiteral("07911 123456")},
            {QStringLiteral("diversion"), QStringLiteral("442079460000")},
            {QStringLiteral("ext"), QStringLiteral("101")},
            {QStringLiteral("callid"), QStringLiteral("uk-2")}});
        const qint64 created
            = qint64(f.call(QStringLiteral("uk-2")).value(QStringLiteral("contactId")).toDouble());
        QVERIFY(created);
        const QJsonObject contact
            = f.server.get(QStringLiteral("/api/v1/contacts/%1").arg(created), f.admin).json;
        QCOMPARE(
            contact.value(QStringLiteral("name")).toString(), QStringLiteral("+44 7911 123456"));
        QCOMPARE(numbers(contact), QStringList {QStringLiteral("+447911123456")});
    }
};

QTEST_GUILESS_MAIN(TestApiPhones)
#include "tst_api_phones.moc"
