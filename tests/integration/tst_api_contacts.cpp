#include "testserver.h"

#include <QSet>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace linecard::testing;

// The contacts part of the REST API (SPEC sections 2, 4 and 5), spoken to over real HTTP:
// create/read/patch and their validation, search by any fragment, phone lookup whatever
// the formatting, merge, and giving/taking a contact's login.
class TestApiContacts : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> s;
    QString admin; // the administrator's token

    static QString enc(const QString &text)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    }
    static qint64 idOf(const QJsonObject &o)
    {
        return qint64(o.value(QStringLiteral("id")).toDouble());
    }
    static qint64 idOf(const HttpResult &r) { return idOf(r.json); }
    static QList<qint64> ids(const QJsonValue &array)
    {
        QList<qint64> out;
        for (const QJsonValue &v : array.toArray())
            out << (v.isObject() ? idOf(v.toObject()) : qint64(v.toDouble()));
        return out;
    }
    static QJsonArray jsonIds(const QList<qint64> &list)
    {
        QJsonArray a;
        for (qint64 id : list)
            a.append(id);
        return a;
    }
    static QString contactPath(qint64 id, const QString &tail = {})
    {
        return QStringLiteral("/api/v1/contacts/%1%2").arg(id).arg(tail);
    }

    qint64 contact(const QString &name, const QJsonArray &phones = {},
        const QJsonArray &emails = {}, const QJsonObject &extra = {})
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("name"), name);
        if (!phones.isEmpty())
            body.insert(QStringLiteral("phones"), phones);
        if (!emails.isEmpty())
            body.insert(QStringLiteral("emails"), emails);
        const HttpResult r = s->post(QStringLiteral("/api/v1/contacts"), body, admin);
        if (r.status != 201)
            qWarning("creating %s: %d %s", qPrintable(name), r.status, r.raw.constData());
        return r.status == 201 ? idOf(r) : 0;
    }

    // Every id a search yields, following nextCursor to the end.
    QList<qint64> search(const QString &q, int limit = 200, QString token = {})
    {
        if (token.isEmpty())
            token = admin;
        QList<qint64> out;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QString path = QStringLiteral("/api/v1/contacts?q=%1&limit=%2")
                               .arg(enc(q), QString::number(limit));
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + enc(cursor);
            const HttpResult r = s->get(path, token);
            if (r.status != 200) {
                qWarning("search %s: %d %s", qPrintable(q), r.status, r.raw.constData());
                return {-1};
            }
            out << ids(r.json.value(QStringLiteral("items")));
            const QJsonValue next = r.json.value(QStringLiteral("nextCursor"));
            if (!next.isString())
                break;
            cursor = next.toString();
        }
        return out;
    }

    QList<qint64> lookup(const QString &phone)
    {
        const HttpResult r
            = s->get(QStringLiteral("/api/v1/contacts/lookup?phone=") + enc(phone), admin);
        if (r.status != 200)
            return {-1};
        return ids(r.json.value(QStringLiteral("items")));
    }

    static QSet<qint64> set(const QList<qint64> &l) { return QSet<qint64>(l.begin(), l.end()); }

    // A contact with its own login, signed in; returns the token.
    QString giveAccess(qint64 id, const QString &login)
    {
        const HttpResult r = s->put(contactPath(id, QStringLiteral("/access")),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), QStringLiteral("secret-password")}},
            admin);
        if (r.status != 200)
            return {};
        return s->login(login, QStringLiteral("secret-password"));
    }

private slots:
    void init()
    {
        s = std::make_unique<TestServer>();
        admin = s->bootstrapAdmin();
        QVERIFY(!admin.isEmpty());
    }
    void cleanup() { s.reset(); }

    // POST stores every field (phones as objects or plain strings), GET answers the same.
    void createAndRead()
    {
        const qint64 manager = s->createEmployee(admin, QStringLiteral("manager"));
        QVERIFY(manager);
        const HttpResult company = s->post(QStringLiteral("/api/v1/contacts"),
            {{QStringLiteral("name"), QStringLiteral("Acme Ltd")},
                {QStringLiteral("isCompany"), true}},
            admin);
        QCOMPARE(company.status, 201);
        QCOMPARE(company.json.value(QStringLiteral("isCompany")).toBool(), true);
        QCOMPARE(company.json.value(QStringLiteral("kind")).toString(), QStringLiteral("contact"));

        const QJsonObject fields {{QStringLiteral("inn"), QStringLiteral("7701234567")},
            {QStringLiteral("vip"), true},
            {QStringLiteral("notes"), QJsonObject {{QStringLiteral("a"), 1}}}};
        const HttpResult created = s->post(QStringLiteral("/api/v1/contacts"),
            {{QStringLiteral("name"), QStringLiteral("  Ivan Petrov  ")},
                {QStringLiteral("phones"),
                    QJsonArray {QJsonObject {
                                    {QStringLiteral("number"), QStringLiteral("8 (916) 123-45-67")},
                                    {QStringLiteral("type"), QStringLiteral("mobile")}},
                        QStringLiteral("+7 495 000-11-22")}},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("ivan@example.org")}},
                {QStringLiteral("fields"), fields}, {QStringLiteral("companyId"), idOf(company)},
                {QStringLiteral("responsibleId"), manager}},
            admin);
        QCOMPARE(created.status, 201);
        const qint64 id = idOf(created);
        QVERIFY(id > 0);

        const HttpResult got = s->get(contactPath(id), admin);
        QCOMPARE(got.status, 200);
        const QJsonObject c = got.json;
        QCOMPARE(idOf(c), id);
        QCOMPARE(c.value(QStringLiteral("kind")).toString(), QStringLiteral("contact"));
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Ivan Petrov"));
        QCOMPARE(c.value(QStringLiteral("isCompany")).toBool(), false);
        const QJsonArray phones = c.value(QStringLiteral("phones")).toArray();
        QCOMPARE(phones.size(), 2);
        // Stored in E.164 whatever the writing (issue 19); shown formatted by the clients.
        QCOMPARE(phones[0].toObject().value(QStringLiteral("number")).toString(),
            QStringLiteral("+79161234567"));
        QCOMPARE(phones[0].toObject().value(QStringLiteral("type")).toString(),
            QStringLiteral("mobile"));
        QCOMPARE(phones[1].toObject().value(QStringLiteral("number")).toString(),
            QStringLiteral("+74950001122"));
        QCOMPARE(phones[1].toObject().value(QStringLiteral("type")).toString(), QString());
        QCOMPARE(c.value(QStringLiteral("emails")).toArray(),
            QJsonArray {QStringLiteral("ivan@example.org")});
        QCOMPARE(c.value(QStringLiteral("fields")).toObject(), fields);
        QCOMPARE(qint64(c.value(QStringLiteral("companyId")).toDouble()), idOf(company));
        QCOMPARE(qint64(c.value(QStringLiteral("responsibleId")).toDouble()), manager);
        QCOMPARE(c.value(QStringLiteral("hasAccess")).toBool(), false);
        QVERIFY(c.value(QStringLiteral("mergedInto")).isNull());
        // the creation answer and a later read agree
        QCOMPARE(created.json, c);
        // a contact without phones, emails or company is fine too
        const qint64 bare = contact(QStringLiteral("Bare"));
        QVERIFY(bare);
        QCOMPARE(
            s->get(contactPath(bare), admin).json.value(QStringLiteral("phones")).toArray().size(),
            0);
    }

    // companyId must name a live company, responsibleId an employee: 422 otherwise, and
    // nothing is created.
    void createValidatesReferences()
    {
        const qint64 employee = s->createEmployee(admin, QStringLiteral("emp"));
        const qint64 person = contact(QStringLiteral("Plain Person"));
        const qint64 company = contact(
            QStringLiteral("Real Company"), {}, {}, {{QStringLiteral("isCompany"), true}});
        QVERIFY(employee && person && company);

        const QList<QJsonObject> bad {
            {{QStringLiteral("companyId"), person}}, // a contact, not a company
            {{QStringLiteral("companyId"), employee}},
            {{QStringLiteral("companyId"), 999999}},
            {{QStringLiteral("responsibleId"), person}}, // a contact, not an employee
            {{QStringLiteral("responsibleId"), company}},
            {{QStringLiteral("responsibleId"), 999999}},
        };
        for (QJsonObject body : bad) {
            body.insert(QStringLiteral("name"), QStringLiteral("Refused Contact"));
            const HttpResult r = s->post(QStringLiteral("/api/v1/contacts"), body, admin);
            QVERIFY2(r.status == 422, r.raw.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
        }
        QCOMPARE(search(QStringLiteral("Refused")), QList<qint64>());

        // the valid references are accepted
        const HttpResult ok = s->post(QStringLiteral("/api/v1/contacts"),
            {{QStringLiteral("name"), QStringLiteral("Accepted")},
                {QStringLiteral("companyId"), company},
                {QStringLiteral("responsibleId"), employee}},
            admin);
        QCOMPARE(ok.status, 201);
        // a company cannot stop being one while it has members
        QCOMPARE(
            s->patch(contactPath(company), {{QStringLiteral("isCompany"), false}}, admin).status,
            409);
        // nor can a contact join a contact that is no company, or itself
        QCOMPARE(
            s->patch(contactPath(person), {{QStringLiteral("companyId"), person}}, admin).status,
            422);
        QCOMPARE(
            s->patch(contactPath(person), {{QStringLiteral("companyId"), employee}}, admin).status,
            422);
        QVERIFY(
            s->get(contactPath(person), admin).json.value(QStringLiteral("companyId")).isNull());
    }

    // PATCH changes only what it names; bad values leave the contact as it was.
    void patchIsPartial()
    {
        const qint64 employee = s->createEmployee(admin, QStringLiteral("emp"));
        const qint64 company = contact(
            QStringLiteral("Horns and Hooves"), {}, {}, {{QStringLiteral("isCompany"), true}});
        const qint64 id = contact(QStringLiteral("Olga"), {QStringLiteral("+7 916 111-22-33")},
            {QStringLiteral("olga@example.org")},
            {{QStringLiteral("fields"),
                 QJsonObject {{QStringLiteral("city"), QStringLiteral("Moscow")}}},
                {QStringLiteral("companyId"), company},
                {QStringLiteral("responsibleId"), employee}});
        QVERIFY(id);
        const QJsonObject before = s->get(contactPath(id), admin).json;

        HttpResult r = s->patch(contactPath(id),
            {{QStringLiteral("emails"),
                QJsonArray {QStringLiteral("olga@new.org"), QStringLiteral("o@x.ru")}}},
            admin);
        QCOMPARE(r.status, 200);
        QJsonObject expected = before;
        expected.insert(QStringLiteral("emails"),
            QJsonArray {QStringLiteral("olga@new.org"), QStringLiteral("o@x.ru")});
        QCOMPARE(r.json, expected);
        QCOMPARE(s->get(contactPath(id), admin).json, expected);

        r = s->patch(
            contactPath(id), {{QStringLiteral("name"), QStringLiteral("Olga Smirnova")}}, admin);
        QCOMPARE(r.status, 200);
        expected.insert(QStringLiteral("name"), QStringLiteral("Olga Smirnova"));
        QCOMPARE(s->get(contactPath(id), admin).json, expected);
        // the search index follows the rename
        QCOMPARE(search(QStringLiteral("smirnova")), QList<qint64> {id});

        r = s->patch(contactPath(id),
            {{QStringLiteral("phones"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("number"), QStringLiteral("8 800 555 35 35")},
                        {QStringLiteral("type"), QStringLiteral("work")}}}}},
            admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("phones")).toArray().size(), 1);
        QCOMPARE(
            lookup(QStringLiteral("+7 916 111 22 33")), QList<qint64>()); // the old number is gone
        QCOMPARE(lookup(QStringLiteral("88005553535")), QList<qint64> {id});

        // null clears a reference
        r = s->patch(contactPath(id), {{QStringLiteral("companyId"), QJsonValue()}}, admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("companyId")).isNull());
        QCOMPARE(qint64(r.json.value(QStringLiteral("responsibleId")).toDouble()), employee);
        QCOMPARE(r.json.value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("city"))
                     .toString(),
            QStringLiteral("Moscow"));

        // refused changes change nothing
        const QJsonObject settled = s->get(contactPath(id), admin).json;
        QCOMPARE(s->patch(contactPath(id), {{QStringLiteral("name"), QStringLiteral("   ")}}, admin)
                     .status,
            422);
        QCOMPARE(s->patch(contactPath(id), {{QStringLiteral("name"), 42}}, admin).status, 422);
        QCOMPARE(
            s->patch(contactPath(id),
                 {{QStringLiteral("name"), QStringLiteral("Half Applied")},
                     {QStringLiteral("emails"), QJsonArray {QStringLiteral("not-an-address")}}},
                 admin)
                .status,
            422);
        QCOMPARE(s->get(contactPath(id), admin).json, settled);

        // unknown ids and ids that are not contacts
        QCOMPARE(s->get(contactPath(987654), admin).status, 404);
        QCOMPARE(s->get(contactPath(987654), admin).errorCode(), QStringLiteral("not_found"));
        QCOMPARE(
            s->patch(contactPath(987654), {{QStringLiteral("name"), QStringLiteral("x")}}, admin)
                .status,
            404);
        QCOMPARE(s->get(contactPath(employee), admin).status, 404);
        QCOMPARE(
            s->patch(contactPath(employee), {{QStringLiteral("name"), QStringLiteral("x")}}, admin)
                .status,
            404);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts/abc"), admin).status, 404);
    }

    // Malformed JSON is 400, well-formed JSON with wrong types 422, an oversized body 413;
    // none of them creates anything.
    void badInput()
    {
        auto raw = [this](const QByteArray &body) {
            return s->request("POST", QStringLiteral("/api/v1/contacts"), admin, body);
        };
        for (const QByteArray &body : {QByteArray("{"), QByteArray("{\"name\": }"),
                 QByteArray("not json at all"), QByteArray("{\"name\":\"x\"} trailing"),
                 QByteArray("[{\"name\":\"x\"}]"), QByteArray("\"just a string\"")}) {
            const HttpResult r = raw(body);
            QVERIFY2(r.status == 400, body.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
            QVERIFY(!r.json.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("message"))
                         .toString()
                         .isEmpty());
        }
        // no body at all
        QCOMPARE(s->request("POST", QStringLiteral("/api/v1/contacts"), admin).status, 400);

        const QList<QByteArray> wrongTypes {
            "{}",
            "{\"name\": 5}",
            "{\"name\": null}",
            "{\"name\": [\"x\"]}",
            "{\"name\": \"\"}",
            "{\"name\": \"x\", \"phones\": \"+7 916 123 45 67\"}",
            "{\"name\": \"x\", \"phones\": [5]}",
            "{\"name\": \"x\", \"phones\": [{\"type\": \"work\"}]}",
            "{\"name\": \"x\", \"phones\": [{\"number\": 79161234567}]}",
            "{\"name\": \"x\", \"phones\": [{\"number\": \"\"}]}",
            "{\"name\": \"x\", \"emails\": \"a@b.c\"}",
            "{\"name\": \"x\", \"emails\": [1]}",
            "{\"name\": \"x\", \"emails\": [\"no-at-sign\"]}",
            "{\"name\": \"x\", \"fields\": \"text\"}",
            "{\"name\": \"x\", \"isCompany\": \"yes\"}",
            "{\"name\": \"x\", \"companyId\": \"1\"}",
            "{\"name\": \"x\", \"companyId\": -3}",
            "{\"name\": \"x\", \"companyId\": 1.5}",
            "{\"name\": \"x\", \"responsibleId\": true}",
        };
        for (const QByteArray &body : wrongTypes) {
            const HttpResult r = raw(body);
            QVERIFY2(r.status == 422, body.constData());
            QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
        }
        // text limits: 300 characters of name are fine, 301 are not; a NUL never is
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts"),
                      {{QStringLiteral("name"), QString(301, u'n')}}, admin)
                     .status,
            422);
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts"),
                      {{QStringLiteral("name"),
                          QString(QStringLiteral("nul") + QChar(0) + QStringLiteral("byte"))}},
                      admin)
                     .status,
            422);

        // over a megabyte: 413, the server keeps answering
        QByteArray huge = "{\"name\":\"" + QByteArray(1100 * 1024, 'x') + "\"}";
        const HttpResult tooLarge = raw(huge);
        QCOMPARE(tooLarge.status, 413);
        QCOMPARE(tooLarge.errorCode(), QStringLiteral("too_large"));
        QCOMPARE(s->get(QStringLiteral("/healthz")).status, 200);

        // nothing of the above was stored
        QCOMPARE(search(QString()), QList<qint64>());
        // and the limit itself is fine
        const HttpResult longest = s->post(QStringLiteral("/api/v1/contacts"),
            {{QStringLiteral("name"), QString(300, u'n')}}, admin);
        QCOMPARE(longest.status, 201);
        QCOMPARE(search(QString()), QList<qint64> {idOf(longest)});

        // bad query parameters
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?limit=0"), admin).status, 400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?limit=201"), admin).status, 400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?limit=ten"), admin).status, 400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?cursor=garbage"), admin).status, 400);
        QCOMPARE(
            s->get(QStringLiteral("/api/v1/contacts?q=") + QString(201, u'q'), admin).status, 400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts/lookup"), admin).status, 400);
        // and without a token nothing at all
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts"),
                      {{QStringLiteral("name"), QStringLiteral("x")}})
                     .status,
            401);
    }

    // Unicode of every kind and SQL/LIKE/FTS metacharacters are stored verbatim, found by
    // search as text, and break nothing.
    void oddTextStoredVerbatim()
    {
        const QStringList names {
            QStringLiteral("Robert'); DROP TABLE people;--"),
            QStringLiteral("100% _under_score_ back\\slash"),
            QStringLiteral("\"Quoted\" O'Brien AND NEAR(x) OR *"),
            QString::fromUtf8("Zoë 𝄞 😀 👨‍👩‍👧 Ünïcödé"),
            QString::fromUtf8("مرحبا بالعالم"),
            QString::fromUtf8("e\xCC\x81\xE2\x80\x8B\xE2\x80\xAEreversed"), // combining, ZWSP, RLO
            QStringLiteral("<script>alert(1)</script>&amp;"),
            QString::fromUtf8("Алёна Ёжикова"),
        };
        QList<qint64> created;
        for (const QString &name : names) {
            const qint64 id
                = contact(name, {}, {}, {{QStringLiteral("fields"), QJsonObject {{name, name}}}});
            QVERIFY2(id, qPrintable(name));
            created << id;
        }
        for (int i = 0; i < names.size(); ++i) {
            const HttpResult r = s->get(contactPath(created[i]), admin);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(QStringLiteral("name")).toString(), names[i]);
            QCOMPARE(r.json.value(QStringLiteral("fields")).toObject(),
                (QJsonObject {{names[i], names[i]}}));
        }
        // the tables are all still there, everything is listed
        QCOMPARE(set(search(QString())), set(created));
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), admin).status, 200);

        // searching for the metacharacters finds exactly the text that holds them
        QCOMPARE(search(QStringLiteral("DROP TABLE")), QList<qint64> {created[0]});
        QCOMPARE(search(QStringLiteral("');")), QList<qint64> {created[0]});
        QCOMPARE(search(QStringLiteral("100%")), QList<qint64> {created[1]});
        QCOMPARE(search(QStringLiteral("_under_")), QList<qint64> {created[1]});
        QCOMPARE(search(QStringLiteral("back\\sl")), QList<qint64> {created[1]});
        QCOMPARE(search(QStringLiteral("\"Quoted\"")), QList<qint64> {created[2]});
        QCOMPARE(search(QStringLiteral("o'brien")), QList<qint64> {created[2]});
        QCOMPARE(search(QStringLiteral("NEAR(x)")), QList<qint64> {created[2]});
        QCOMPARE(search(QString::fromUtf8("😀")), QList<qint64> {created[3]});
        QCOMPARE(search(QString::fromUtf8("ünï")), QList<qint64> {created[3]});
        QCOMPARE(search(QString::fromUtf8("بالعالم")), QList<qint64> {created[4]});
        QCOMPARE(search(QStringLiteral("<script>")), QList<qint64> {created[6]});
        QCOMPARE(search(QString::fromUtf8("ёжик")), QList<qint64> {created[7]});
        // short fragments (below the trigram length) are text too, not LIKE wildcards
        QCOMPARE(search(QStringLiteral("%")), QList<qint64> {created[1]});
        QCOMPARE(search(QStringLiteral("_")), QList<qint64> {created[1]});
        QCOMPARE(search(QStringLiteral("*")), QList<qint64> {created[2]});
        // operators of the query languages are plain words: every one must be in the text
        QCOMPARE(search(QStringLiteral("' OR 1=1 --")), QList<qint64>());
        QCOMPARE(search(QStringLiteral("\" OR \"")), QList<qint64> {created[2]});
        QCOMPARE(search(QStringLiteral("\" OR \" XYZ")), QList<qint64>());
    }

    // A name fragment in any case finds the contact, Cyrillic included.
    void searchByName()
    {
        const qint64 ivan = contact(QString::fromUtf8("Иван Петров"));
        const qint64 maria = contact(QString::fromUtf8("Мария Иванова"));
        const qint64 latin = contact(QStringLiteral("Ivan Sidorov"));
        const qint64 other = contact(QStringLiteral("Olga Kuznetsova"));
        QVERIFY(ivan && maria && latin && other);

        QCOMPARE(set(search(QString::fromUtf8("иван"))), (QSet<qint64> {ivan, maria}));
        QCOMPARE(set(search(QString::fromUtf8("ИВАН"))), (QSet<qint64> {ivan, maria}));
        QCOMPARE(set(search(QString::fromUtf8("ИвАн"))), (QSet<qint64> {ivan, maria}));
        QCOMPARE(search(QString::fromUtf8("петр")), QList<qint64> {ivan});
        QCOMPARE(search(QString::fromUtf8("иванова")), QList<qint64> {maria});
        QCOMPARE(search(QStringLiteral("ivan")), QList<qint64> {latin});
        QCOMPARE(search(QStringLiteral("IDOR")), QList<qint64> {latin});
        QCOMPARE(search(QStringLiteral("kuzn")), QList<qint64> {other});
        QCOMPARE(search(QStringLiteral("zzz")), QList<qint64>());
        // two words of one name
        QCOMPARE(search(QString::fromUtf8("иван петров")), QList<qint64> {ivan});
        QCOMPARE(search(QString::fromUtf8("петров иван")), QList<qint64> {ivan});
        // an empty query lists everyone, sorted by name
        QCOMPARE(search(QString()).size(), 4);
        QCOMPARE(search(QStringLiteral("   ")).size(), 4);
        // a two-letter fragment (below the trigram length) still finds, in any case
        QCOMPARE(search(QStringLiteral("ol")), QList<qint64> {other});
        QCOMPARE(set(search(QString::fromUtf8("ив"))), (QSet<qint64> {ivan, maria}));
        QCOMPARE(set(search(QString::fromUtf8("ИВ"))), (QSet<qint64> {ivan, maria}));
        QCOMPARE(search(QString::fromUtf8("ив петр")), QList<qint64> {ivan});
        QCOMPARE(search(QStringLiteral("ov OL")), QList<qint64> {other});
    }

    // A member is found by its company's name (also after the company is renamed), any
    // contact by a fragment of an email.
    void searchByCompanyAndEmail()
    {
        const qint64 company = contact(
            QString::fromUtf8("Рога и Копыта"), {}, {}, {{QStringLiteral("isCompany"), true}});
        const qint64 ostap = contact(QString::fromUtf8("Остап Бендер"), {},
            {QStringLiteral("ostap.bender@example.org")}, {{QStringLiteral("companyId"), company}});
        const qint64 shura
            = contact(QStringLiteral("Shura"), {}, {QStringLiteral("shura@mail.ru")});
        QVERIFY(company && ostap && shura);

        QCOMPARE(set(search(QString::fromUtf8("копыта"))), (QSet<qint64> {company, ostap}));
        QCOMPARE(search(QString::fromUtf8("остап копыта")), QList<qint64> {ostap});
        QCOMPARE(search(QStringLiteral("bender@exam")), QList<qint64> {ostap});
        QCOMPARE(search(QStringLiteral("EXAMPLE.ORG")), QList<qint64> {ostap});
        QCOMPARE(search(QStringLiteral("mail.ru")), QList<qint64> {shura});
        QCOMPARE(search(QStringLiteral("@")).size(), 2);

        // the company is renamed: its members follow
        QCOMPARE(s->patch(contactPath(company),
                      {{QStringLiteral("name"), QStringLiteral("Hooves Inc")}}, admin)
                     .status,
            200);
        QCOMPARE(set(search(QStringLiteral("hooves"))), (QSet<qint64> {company, ostap}));
        QCOMPARE(search(QString::fromUtf8("копыта")), QList<qint64>());
        // a member leaves the company: no longer found by its name
        QCOMPARE(s->patch(contactPath(ostap), {{QStringLiteral("companyId"), QJsonValue()}}, admin)
                     .status,
            200);
        QCOMPARE(search(QStringLiteral("hooves")), QList<qint64> {company});
        // the email changes: the old address no longer finds it
        QCOMPARE(s->patch(contactPath(shura),
                      {{QStringLiteral("emails"), QJsonArray {QStringLiteral("shura@gmail.com")}}},
                      admin)
                     .status,
            200);
        QCOMPARE(search(QStringLiteral("mail.ru")), QList<qint64>());
        QCOMPARE(search(QStringLiteral("gmail")), QList<qint64> {shura});
    }

    // Any run of 3+ digits of a phone, written in any formatting, finds the contact.
    void searchByPhoneFragment_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("found");
        QTest::newRow("tail 4") << QStringLiteral("4567") << true;
        QTest::newRow("middle run") << QStringLiteral("916123") << true;
        QTest::newRow("+7 916") << QStringLiteral("+7 916") << true;
        QTest::newRow("dashed") << QStringLiteral("123-45") << true;
        QTest::newRow("brackets") << QStringLiteral("(916)") << true;
        QTest::newRow("3 digits") << QStringLiteral("234") << true;
        QTest::newRow("national") << QStringLiteral("89161234567") << true;
        QTest::newRow("e164") << QStringLiteral("+79161234567") << true;
        QTest::newRow("e164 spaced") << QStringLiteral("+7 916 123 45 67") << true;
        QTest::newRow("ten digits") << QStringLiteral("9161234567") << true;
        QTest::newRow("dotted") << QStringLiteral("916.123.45.67") << true;
        QTest::newRow("wrong tail") << QStringLiteral("4568") << false;
        QTest::newRow("absent run") << QStringLiteral("999") << false;
        QTest::newRow("other number") << QStringLiteral("89161234568") << false;
    }
    void searchByPhoneFragment()
    {
        QFETCH(QString, query);
        QFETCH(bool, found);
        const qint64 id
            = contact(QStringLiteral("Phone Owner"), {QStringLiteral("8 (916) 123-45-67")});
        const qint64 other
            = contact(QStringLiteral("Someone Else"), {QStringLiteral("+7 495 765-43-21")});
        QVERIFY(id && other);
        QCOMPARE(search(query), found ? QList<qint64> {id} : QList<qint64>());
        // the other contact is found by its own digits in the same way
        QCOMPARE(search(QStringLiteral("765-43")), QList<qint64> {other});
    }

    // Every word of a query must match ("ivan 4567"), whatever each word matched by.
    void searchCombinations()
    {
        const qint64 ivanP = contact(QStringLiteral("Ivan Petrov"),
            {QStringLiteral("8 (916) 123-45-67")}, {QStringLiteral("petrov@corp.com")});
        const qint64 ivanS
            = contact(QStringLiteral("Ivan Sidorov"), {QStringLiteral("+7 916 000-11-11")});
        const qint64 olga = contact(QStringLiteral("Olga"), {QStringLiteral("+7 495 123-45-67")},
            {QStringLiteral("olga@corp.com")});
        QVERIFY(ivanP && ivanS && olga);

        QCOMPARE(set(search(QStringLiteral("ivan"))), (QSet<qint64> {ivanP, ivanS}));
        QCOMPARE(set(search(QStringLiteral("4567"))), (QSet<qint64> {ivanP, olga}));
        QCOMPARE(search(QStringLiteral("ivan 4567")), QList<qint64> {ivanP});
        QCOMPARE(search(QStringLiteral("4567 IVAN")), QList<qint64> {ivanP});
        QCOMPARE(search(QStringLiteral("  ivan   4567  ")), QList<qint64> {ivanP});
        QCOMPARE(search(QStringLiteral("corp.com 4567")).size(), 2);
        QCOMPARE(search(QStringLiteral("corp.com 916")), QList<qint64> {ivanP});
        QCOMPARE(search(QStringLiteral("ivan 9999")), QList<qint64>());
        QCOMPARE(search(QStringLiteral("olga 916")), QList<qint64>());
        QCOMPARE(search(QStringLiteral("ivan sidorov 1111")), QList<qint64> {ivanS});
    }

    // Cursor paging walks a long result once: every contact exactly once, ties on the name
    // included, pages no longer than the limit.
    void searchPaging()
    {
        QSet<qint64> all;
        for (int i = 0; i < 23; ++i)
            all << contact(QStringLiteral("Pager %1").arg(i, 2, 10, QChar(u'0')));
        for (int i = 0; i < 6; ++i) // same name: the id breaks the tie
            all << contact(QStringLiteral("Pager Same"));
        const qint64 outsider = contact(QStringLiteral("Outsider"));
        QVERIFY(!all.contains(0) && outsider);
        QCOMPARE(all.size(), 29);

        for (int limit : {1, 5, 7, 29, 200}) {
            QList<qint64> seen;
            QString cursor;
            QStringList names;
            for (int page = 0; page < 100; ++page) {
                QString path = QStringLiteral("/api/v1/contacts?q=pager&limit=%1").arg(limit);
                if (!cursor.isEmpty())
                    path += QStringLiteral("&cursor=") + enc(cursor);
                const HttpResult r = s->get(path, admin);
                QCOMPARE(r.status, 200);
                const QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
                QVERIFY(items.size() <= limit);
                for (const QJsonValue &v : items) {
                    seen << idOf(v.toObject());
                    names << v.toObject().value(QStringLiteral("name")).toString();
                }
                if (!r.json.value(QStringLiteral("nextCursor")).isString())
                    break;
                QVERIFY(!items.isEmpty());
                cursor = r.json.value(QStringLiteral("nextCursor")).toString();
            }
            QCOMPARE(seen.size(), 29); // nothing twice …
            QCOMPARE(set(seen), all); // … nothing missed
            QStringList sorted = names;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(names, sorted);
        }
    }

    // The same number written differently finds the contact; other numbers do not; every
    // contact sharing a number is returned.
    void lookupByPhone()
    {
        const qint64 a = contact(QStringLiteral("Shared A"), {QStringLiteral("8 (916) 123-45-67")});
        const qint64 b = contact(QStringLiteral("Shared B"),
            {QStringLiteral("+7 495 000 00 00"), QStringLiteral("+79161234567")});
        const qint64 c
            = contact(QStringLiteral("Neighbour"), {QStringLiteral("8 (916) 123-45-68")});
        QVERIFY(a && b && c);

        for (const QString &phone :
            {QStringLiteral("+7 916 1234567"), QStringLiteral("89161234567"),
                QStringLiteral("9161234567"), QStringLiteral("+7 (916) 123-45-67"),
                QStringLiteral("79161234567"), QStringLiteral("8-916-123-45-67")}) {
            QCOMPARE(set(lookup(phone)), (QSet<qint64> {a, b}));
        }
        QCOMPARE(lookup(QStringLiteral("+7 916 123-45-68")), QList<qint64> {c});
        QCOMPARE(lookup(QStringLiteral("84950000000")), QList<qint64> {b});
        QCOMPARE(lookup(QStringLiteral("+7 916 123-45-69")), QList<qint64>());
        QCOMPARE(lookup(QStringLiteral("4567")), QList<qint64>()); // a fragment is no number
        QCOMPARE(lookup(QStringLiteral("anonymous")), QList<qint64>());
        // the answer is a list page of full contacts
        const HttpResult r
            = s->get(QStringLiteral("/api/v1/contacts/lookup?phone=89161234567"), admin);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("nextCursor")).isNull());
        QCOMPARE(r.json.value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("kind"))
                     .toString(),
            QStringLiteral("contact"));
        // a number removed from a contact no longer leads to it
        QCOMPARE(s->patch(contactPath(b),
                      {{QStringLiteral("phones"), QJsonArray {QStringLiteral("+7 495 000 00 00")}}},
                      admin)
                     .status,
            200);
        QCOMPARE(lookup(QStringLiteral("89161234567")), QList<qint64> {a});
        // merged contacts drop out
        QCOMPARE(s->post(contactPath(c, QStringLiteral("/merge")),
                      {{QStringLiteral("mergeIds"), QJsonArray {a}}}, admin)
                     .status,
            200);
        QCOMPARE(lookup(QStringLiteral("89161234567")), QList<qint64> {c});
    }

    // Merge moves tasks (every role), comment authorship, notified/visibleTo lists, card
    // comments, phones and emails to the survivor, in one go.
    void mergeMovesEverything()
    {
        const qint64 emp = s->createEmployee(admin, QStringLiteral("emp"));
        const qint64 other = contact(QStringLiteral("Other Client"));
        const qint64 survivor = contact(QStringLiteral("Survivor Smith"),
            {QStringLiteral("+7 916 000-00-01")}, {QStringLiteral("s@x.org")});
        const qint64 dup = contact(QStringLiteral("Duplicate Smyth"),
            {QStringLiteral("8 916 000-00-02"), QStringLiteral("8 (916) 000-00-01")},
            {QStringLiteral("d@x.org"), QStringLiteral("S@X.org")});
        QVERIFY(emp && other && survivor && dup);
        const QString dupToken = giveAccess(dup, QStringLiteral("dup-login"));
        QVERIFY(!dupToken.isEmpty());

        auto task = [this](const QString &title, qint64 counterparty,
                        const QList<qint64> &assignees, const QList<qint64> &participants) {
            const HttpResult r = s->post(QStringLiteral("/api/v1/tasks"),
                {{QStringLiteral("title"), title}, {QStringLiteral("counterpartyId"), counterparty},
                    {QStringLiteral("assigneeIds"), jsonIds(assignees)},
                    {QStringLiteral("participantIds"), jsonIds(participants)}},
                admin);
            return r.status == 201 ? idOf(r) : 0;
        };
        const qint64 t1 = task(QStringLiteral("Dup is the counterparty"), dup, {emp}, {});
        const qint64 t2 = task(QStringLiteral("Both are assignees"), other, {dup, survivor}, {dup});
        const qint64 t3 = task(QStringLiteral("Dup participates"), other, {emp}, {dup});
        const qint64 t4 = task(QStringLiteral("Unrelated"), other, {emp}, {});
        QVERIFY(t1 && t2 && t3 && t4);

        auto comment = [this](const QString &path, const QJsonObject &body, const QString &token) {
            const HttpResult r = s->post(path, body, token);
            if (r.status != 201)
                qWarning("comment: %d %s", r.status, r.raw.constData());
            return r.status == 201 ? idOf(r) : 0;
        };
        const QString t1Comments = QStringLiteral("/api/v1/tasks/%1/comments").arg(t1);
        const QString t2Comments = QStringLiteral("/api/v1/tasks/%1/comments").arg(t2);
        const qint64 byDup = comment(
            t1Comments, {{QStringLiteral("text"), QStringLiteral("from the dup")}}, dupToken);
        const qint64 notifying = comment(t2Comments,
            {{QStringLiteral("text"), QStringLiteral("for dup and emp")},
                {QStringLiteral("notifiedIds"), jsonIds({dup, emp})}},
            admin);
        const qint64 notifyingBoth = comment(t2Comments,
            {{QStringLiteral("text"), QStringLiteral("for both")},
                {QStringLiteral("notifiedIds"), jsonIds({survivor, dup})}},
            admin);
        const qint64 hidden = comment(t2Comments,
            {{QStringLiteral("text"), QStringLiteral("private to dup")},
                {QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), jsonIds({dup})}},
            admin);
        const qint64 onCard = comment(contactPath(dup, QStringLiteral("/comments")),
            {{QStringLiteral("text"), QStringLiteral("card note")}}, admin);
        const qint64 onCardByDup = comment(contactPath(dup, QStringLiteral("/comments")),
            {{QStringLiteral("text"), QStringLiteral("my own card")}}, dupToken);
        QVERIFY(byDup && notifying && notifyingBoth && hidden && onCard && onCardByDup);
        const QJsonObject t4Before = s->get(QStringLiteral("/api/v1/tasks/%1").arg(t4), admin).json;

        const HttpResult merged = s->post(contactPath(survivor, QStringLiteral("/merge")),
            {{QStringLiteral("mergeIds"), jsonIds({dup})}}, admin);
        QCOMPARE(merged.status, 200);
        QCOMPARE(idOf(merged), survivor);
        QCOMPARE(
            merged.json.value(QStringLiteral("name")).toString(), QStringLiteral("Survivor Smith"));

        // phones and emails: moved, the same number / address (any case) only once
        QStringList numbers;
        for (const QJsonValue &p : merged.json.value(QStringLiteral("phones")).toArray())
            numbers << p.toObject().value(QStringLiteral("number")).toString();
        QCOMPARE(numbers,
            (QStringList {QStringLiteral("+79160000001"), QStringLiteral("+79160000002")}));
        QCOMPARE(merged.json.value(QStringLiteral("emails")).toArray(),
            (QJsonArray {QStringLiteral("s@x.org"), QStringLiteral("d@x.org")}));
        QCOMPARE(s->get(contactPath(survivor), admin).json, merged.json);
        QCOMPARE(lookup(QStringLiteral("89160000002")), QList<qint64> {survivor});
        QCOMPARE(lookup(QStringLiteral("89160000001")), QList<qint64> {survivor});

        // tasks, in every role
        auto getTask = [this](qint64 id) {
            return s->get(QStringLiteral("/api/v1/tasks/%1").arg(id), admin).json;
        };
        QCOMPARE(qint64(getTask(t1).value(QStringLiteral("counterpartyId")).toDouble()), survivor);
        QCOMPARE(ids(getTask(t1).value(QStringLiteral("assigneeIds"))), QList<qint64> {emp});
        QCOMPARE(ids(getTask(t2).value(QStringLiteral("assigneeIds"))), QList<qint64> {survivor});
        QCOMPARE(
            ids(getTask(t2).value(QStringLiteral("participantIds"))), QList<qint64> {survivor});
        QCOMPARE(
            ids(getTask(t3).value(QStringLiteral("participantIds"))), QList<qint64> {survivor});
        QCOMPARE(getTask(t4), t4Before);
        const HttpResult tasks = s->get(contactPath(survivor, QStringLiteral("/tasks")), admin);
        QCOMPARE(tasks.status, 200);
        QCOMPARE(set(ids(tasks.json.value(QStringLiteral("items")))), (QSet<qint64> {t1, t2, t3}));

        // comments: authorship, notified and visibleTo lists, card comments
        auto getComment = [this](qint64 id) {
            return s->get(QStringLiteral("/api/v1/comments/%1").arg(id), admin).json;
        };
        QCOMPARE(qint64(getComment(byDup).value(QStringLiteral("authorId")).toDouble()), survivor);
        QCOMPARE(set(ids(getComment(notifying).value(QStringLiteral("notifiedIds")))),
            (QSet<qint64> {survivor, emp}));
        QCOMPARE(ids(getComment(notifyingBoth).value(QStringLiteral("notifiedIds"))),
            QList<qint64> {survivor});
        QCOMPARE(ids(getComment(hidden).value(QStringLiteral("visibleToIds"))),
            QList<qint64> {survivor});
        const HttpResult card = s->get(contactPath(survivor, QStringLiteral("/comments")), admin);
        QCOMPARE(card.status, 200);
        QCOMPARE(
            ids(card.json.value(QStringLiteral("items"))), (QList<qint64> {onCard, onCardByDup}));
        for (const QJsonValue &c : card.json.value(QStringLiteral("items")).toArray())
            QCOMPARE(qint64(c.toObject().value(QStringLiteral("contactId")).toDouble()), survivor);
        QCOMPARE(
            qint64(getComment(onCardByDup).value(QStringLiteral("authorId")).toDouble()), survivor);
        // so the survivor now sees, by the visibility rule, what was meant for the duplicate
        const HttpResult preview = s->get(
            QStringLiteral("/api/v1/tasks/%1/comments?as=%2").arg(t2).arg(survivor), admin);
        QCOMPARE(preview.status, 200);
        QCOMPARE(set(ids(preview.json.value(QStringLiteral("items")))),
            (QSet<qint64> {notifying, notifyingBoth, hidden}));

        // the merged id answers with the survivor, marked
        const HttpResult old = s->get(contactPath(dup), admin);
        QCOMPARE(old.status, 200);
        QCOMPARE(idOf(old), survivor);
        QCOMPARE(qint64(old.json.value(QStringLiteral("mergedInto")).toDouble()), survivor);
        QCOMPARE(
            old.json.value(QStringLiteral("name")).toString(), QStringLiteral("Survivor Smith"));
        // the duplicate's login is gone with it
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), dupToken).status, 401);
        QVERIFY(s->login(QStringLiteral("dup-login"), QStringLiteral("secret-password")).isEmpty());
        // and search no longer lists it, even by what it used to be found by
        QCOMPARE(search(QStringLiteral("smyth")), QList<qint64>());
        QCOMPARE(search(QStringLiteral("smith")), QList<qint64> {survivor});
        QCOMPARE(search(QStringLiteral("0002")), QList<qint64> {survivor});
        QCOMPARE(search(QStringLiteral("d@x.org")), QList<qint64> {survivor});
        QVERIFY(!search(QString()).contains(dup));
    }

    // Merging again changes nothing; bad merge requests are refused and change nothing;
    // a company's members follow it; chains of merges lead to the last survivor.
    void mergeEdgeCases()
    {
        const qint64 emp = s->createEmployee(admin, QStringLiteral("emp"));
        const qint64 a = contact(QStringLiteral("Alpha"), {QStringLiteral("+7 900 111-11-11")});
        const qint64 b = contact(QStringLiteral("Beta"), {QStringLiteral("+7 900 222-22-22")});
        const qint64 c = contact(QStringLiteral("Gamma"));
        QVERIFY(emp && a && b && c);
        const HttpResult t = s->post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("task of b")},
                {QStringLiteral("counterpartyId"), b}},
            admin);
        QCOMPARE(t.status, 201);

        const QString mergeIntoA = contactPath(a, QStringLiteral("/merge"));
        auto mergeBody = [](const QList<qint64> &list) {
            return QJsonObject {{QStringLiteral("mergeIds"), jsonIds(list)}};
        };
        // refused: itself, unknown, an employee, nothing, wrong types
        const QJsonObject aBefore = s->get(contactPath(a), admin).json;
        for (const QJsonObject &body : {mergeBody({a}), mergeBody({123456}), mergeBody({emp}),
                 mergeBody({b, 123456}), mergeBody({}), QJsonObject {},
                 QJsonObject {{QStringLiteral("mergeIds"), QStringLiteral("b")}},
                 QJsonObject {{QStringLiteral("mergeIds"), QJsonArray {QStringLiteral("x")}}}}) {
            const HttpResult r = s->post(mergeIntoA, body, admin);
            QVERIFY2(r.status == 422, QJsonDocument(body).toJson().constData());
            QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
        }
        QCOMPARE(
            s->post(contactPath(123456, QStringLiteral("/merge")), mergeBody({b}), admin).status,
            404);
        QCOMPARE(
            s->post(contactPath(emp, QStringLiteral("/merge")), mergeBody({b}), admin).status, 404);
        QCOMPARE(s->get(contactPath(a), admin).json, aBefore); // b was not merged by the mix above
        QVERIFY(s->get(contactPath(b), admin).json.value(QStringLiteral("mergedInto")).isNull());

        const HttpResult first = s->post(mergeIntoA, mergeBody({b}), admin);
        QCOMPARE(first.status, 200);
        const QJsonObject afterFirst = s->get(contactPath(a), admin).json;
        const QJsonObject taskAfterFirst
            = s->get(QStringLiteral("/api/v1/tasks/%1").arg(idOf(t)), admin).json;
        QCOMPARE(qint64(taskAfterFirst.value(QStringLiteral("counterpartyId")).toDouble()), a);
        QCOMPARE(afterFirst.value(QStringLiteral("phones")).toArray().size(), 2);

        // the same merge again: 200, nothing changes
        const HttpResult second = s->post(mergeIntoA, mergeBody({b}), admin);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json, afterFirst);
        QCOMPARE(s->get(contactPath(a), admin).json, afterFirst);
        QCOMPARE(
            s->get(QStringLiteral("/api/v1/tasks/%1").arg(idOf(t)), admin).json, taskAfterFirst);
        // a merged contact can be neither a merge target nor edited
        QCOMPARE(
            s->post(contactPath(b, QStringLiteral("/merge")), mergeBody({c}), admin).status, 409);
        QCOMPARE(
            s->patch(contactPath(b), {{QStringLiteral("name"), QStringLiteral("x")}}, admin).status,
            409);
        // nor merged into yet another contact
        QCOMPARE(
            s->post(contactPath(c, QStringLiteral("/merge")), mergeBody({b}), admin).status, 409);
        QVERIFY(s->get(contactPath(c), admin).json.value(QStringLiteral("mergedInto")).isNull());

        // a chain: a goes into c, so b (merged into a) now answers c
        QCOMPARE(
            s->post(contactPath(c, QStringLiteral("/merge")), mergeBody({a}), admin).status, 200);
        const HttpResult viaB = s->get(contactPath(b), admin);
        QCOMPARE(idOf(viaB), c);
        QCOMPARE(qint64(viaB.json.value(QStringLiteral("mergedInto")).toDouble()), c);
        QCOMPARE(search(QString()), QList<qint64> {c});
        QCOMPARE(
            s->get(contactPath(c), admin).json.value(QStringLiteral("phones")).toArray().size(), 2);

        // merging companies: the members follow to the surviving company
        const qint64 co1
            = contact(QStringLiteral("Company One"), {}, {}, {{QStringLiteral("isCompany"), true}});
        const qint64 co2
            = contact(QStringLiteral("Company Two"), {}, {}, {{QStringLiteral("isCompany"), true}});
        const qint64 member
            = contact(QStringLiteral("Member"), {}, {}, {{QStringLiteral("companyId"), co2}});
        QCOMPARE(
            s->post(contactPath(co1, QStringLiteral("/merge")), mergeBody({co2}), admin).status,
            200);
        QCOMPARE(qint64(s->get(contactPath(member), admin)
                            .json.value(QStringLiteral("companyId"))
                            .toDouble()),
            co1);
        QCOMPARE(set(search(QStringLiteral("company one"))), (QSet<qint64> {co1, member}));
        QCOMPARE(search(QStringLiteral("company two")), QList<qint64>());
    }

    // PUT access gives a contact a login (it signs in and reads /me) and takes it away
    // (its token stops working at once).
    void accessLifecycle()
    {
        const qint64 emp = s->createEmployee(admin, QStringLiteral("emp"));
        const qint64 id = contact(QStringLiteral("Client With Access"));
        const qint64 other = contact(QStringLiteral("Another Client"));
        QVERIFY(emp && id && other);
        const QString accessPath = contactPath(id, QStringLiteral("/access"));

        auto put = [&](const QJsonObject &body) { return s->put(accessPath, body, admin); };
        HttpResult r = put(
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), QStringLiteral("client")},
                {QStringLiteral("password"), QStringLiteral("short")}});
        QCOMPARE(r.status, 422);
        r = put({{QStringLiteral("enabled"), true},
            {QStringLiteral("login"), QStringLiteral("client")}});
        QCOMPARE(r.status, 422); // a first grant needs a password
        r = put({{QStringLiteral("enabled"), true},
            {QStringLiteral("login"), QStringLiteral("has space")},
            {QStringLiteral("password"), QStringLiteral("long-enough")}});
        QCOMPARE(r.status, 422);
        r = put({{QStringLiteral("login"), QStringLiteral("client")},
            {QStringLiteral("password"), QStringLiteral("long-enough")}});
        QCOMPARE(r.status, 422); // "enabled" is required
        r = put({{QStringLiteral("enabled"), QStringLiteral("yes")},
            {QStringLiteral("login"), QStringLiteral("client")},
            {QStringLiteral("password"), QStringLiteral("long-enough")}});
        QCOMPARE(r.status, 422);
        r = put(
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), QStringLiteral("admin")},
                {QStringLiteral("password"), QStringLiteral("long-enough")}});
        QCOMPARE(r.status, 409); // an employee's login
        QCOMPARE(r.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(
            s->get(contactPath(id), admin).json.value(QStringLiteral("hasAccess")).toBool(), false);

        r = put(
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), QStringLiteral("client")},
                {QStringLiteral("password"), QStringLiteral("long-enough")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("hasAccess")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("login")).toString(), QStringLiteral("client"));
        QCOMPARE(
            s->get(contactPath(id), admin).json.value(QStringLiteral("hasAccess")).toBool(), true);

        // another contact cannot take the same login
        r = s->put(contactPath(other, QStringLiteral("/access")),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), QStringLiteral("client")},
                {QStringLiteral("password"), QStringLiteral("long-enough")}},
            admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(s->get(contactPath(other), admin).json.value(QStringLiteral("hasAccess")).toBool(),
            false);

        const QString token = s->login(QStringLiteral("client"), QStringLiteral("long-enough"));
        QVERIFY(!token.isEmpty());
        const HttpResult me = s->get(QStringLiteral("/api/v1/me"), token);
        QCOMPARE(me.status, 200);
        QCOMPARE(idOf(me), id);
        QCOMPARE(me.json.value(QStringLiteral("kind")).toString(), QStringLiteral("contact"));
        // a contact sees its own card, nothing of the directory (403) or other cards (404)
        QCOMPARE(s->get(contactPath(id), token).status, 200);
        QCOMPARE(s->get(contactPath(other), token).status, 404);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?q=client"), token).status, 403);
        QCOMPARE(
            s->get(QStringLiteral("/api/v1/contacts/lookup?phone=89161234567"), token).status, 403);
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts"),
                      {{QStringLiteral("name"), QStringLiteral("x")}}, token)
                     .status,
            403);
        QCOMPARE(s->patch(contactPath(id), {{QStringLiteral("name"), QStringLiteral("x")}}, token)
                     .status,
            403);
        QCOMPARE(s->put(accessPath, {{QStringLiteral("enabled"), false}}, token).status, 403);
        QCOMPARE(s->post(contactPath(other, QStringLiteral("/merge")),
                      {{QStringLiteral("mergeIds"), jsonIds({id})}}, token)
                     .status,
            403);
        QCOMPARE(s->put(contactPath(99999, QStringLiteral("/access")),
                      {{QStringLiteral("enabled"), false}}, admin)
                     .status,
            404);

        // the password can be changed while access stays; the login is kept when omitted
        r = put({{QStringLiteral("enabled"), true},
            {QStringLiteral("password"), QStringLiteral("another-one")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("login")).toString(), QStringLiteral("client"));
        const QString second = s->login(QStringLiteral("client"), QStringLiteral("another-one"));
        QVERIFY(!second.isEmpty());

        // taking access away: every token of the contact stops working, sign-in fails
        r = put({{QStringLiteral("enabled"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("hasAccess")).toBool(), false);
        QVERIFY(!r.json.contains(QStringLiteral("login")));
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), token).status, 401);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), second).status, 401);
        QCOMPARE(s->get(contactPath(id), second).status, 401);
        QVERIFY(s->login(QStringLiteral("client"), QStringLiteral("another-one")).isEmpty());
        // granting again needs a new password; the freed login can be given to someone else
        QCOMPARE(put({{QStringLiteral("enabled"), true},
                         {QStringLiteral("login"), QStringLiteral("client")}})
                     .status,
            422);
        QCOMPARE(s->put(contactPath(other, QStringLiteral("/access")),
                      {{QStringLiteral("enabled"), true},
                          {QStringLiteral("login"), QStringLiteral("client")},
                          {QStringLiteral("password"), QStringLiteral("long-enough")}},
                      admin)
                     .status,
            200);
        const QString otherToken
            = s->login(QStringLiteral("client"), QStringLiteral("long-enough"));
        QCOMPARE(idOf(s->get(QStringLiteral("/api/v1/me"), otherToken)), other);
    }
};

QTEST_GUILESS_MAIN(TestApiContacts)
#include "tst_api_contacts.moc"
