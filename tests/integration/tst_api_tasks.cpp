#include "server/servercontext.h"
#include "testserver.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <memory>

using namespace linecard::testing;

// Readable failure messages for JSON comparisons.
namespace QTest {
template<> inline char *toString(const QJsonObject &o)
{
    return qstrdup(QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
}
template<> inline char *toString(const QJsonArray &a)
{
    return qstrdup(QJsonDocument(a).toJson(QJsonDocument::Compact).constData());
}
} // namespace QTest

// The REST contract of SPEC section 5 for sign-in, people, settings and tasks, spoken to over
// real HTTP: what succeeds, what is refused with which status, and that a refused request
// changes nothing (section 8).
namespace {

QString enc(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

qint64 idOf(const QJsonValue &value)
{
    return qint64(value.toObject().value(QStringLiteral("id")).toDouble());
}

QList<qint64> idsOf(const QJsonArray &items)
{
    QList<qint64> out;
    for (const QJsonValue &v : items)
        out.append(idOf(v));
    return out;
}

QList<qint64> numbers(const QJsonValue &array)
{
    QList<qint64> out;
    for (const QJsonValue &v : array.toArray())
        out.append(qint64(v.toDouble()));
    return out;
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

QJsonArray items(const HttpResult &r)
{
    return r.json.value(QStringLiteral("items")).toArray();
}

// Follows nextCursor from the first page of path; every page must be a 200 list page with at
// most limit items, and only a full page may name a next cursor.
bool walkPages(TestServer &server, const QString &path, const QString &token, int limit,
    QJsonArray *all, QString *why)
{
    const QChar sep = path.contains(u'?') ? u'&' : u'?';
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QString url = path + sep + QStringLiteral("limit=") + QString::number(limit);
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + enc(cursor);
        const HttpResult r = server.get(url, token);
        if (r.status != 200) {
            *why = QStringLiteral("%1 answered %2: %3")
                       .arg(url)
                       .arg(r.status)
                       .arg(QString::fromUtf8(r.raw));
            return false;
        }
        const QJsonArray pageItems = items(r);
        if (pageItems.size() > limit) {
            *why = QStringLiteral("%1 gave %2 items").arg(url).arg(pageItems.size());
            return false;
        }
        for (const QJsonValue &v : pageItems)
            all->append(v);
        const QJsonValue next = r.json.value(QStringLiteral("nextCursor"));
        if (next.isNull())
            return true;
        if (!next.isString() || next.toString().isEmpty() || pageItems.size() < limit) {
            *why = QStringLiteral("%1: bad nextCursor after %2 items")
                       .arg(url)
                       .arg(pageItems.size());
            return false;
        }
        cursor = next.toString();
    }
    *why = QStringLiteral("%1 never ends").arg(path);
    return false;
}

} // namespace

class TestApiTasks : public QObject
{
    Q_OBJECT

    // A shared server for the tests that do not need an empty database.
    std::unique_ptr<TestServer> m_server;
    QString m_admin; // the administrator's token
    QString m_clerk; // a non-admin employee's token
    qint64 m_adminId = 0;
    qint64 m_clerkId = 0;
    qint64 m_contactId = 0;

    TestServer &s() { return *m_server; }

    int taskCount()
    {
        const HttpResult r = s().get(QStringLiteral("/api/v1/tasks?limit=200"), m_admin);
        return r.status == 200 ? items(r).size() : -1;
    }
    int employeeCount()
    {
        const HttpResult r = s().get(QStringLiteral("/api/v1/people?kind=employee"), m_admin);
        return r.status == 200 ? items(r).size() : -1;
    }
    qint64 createTask(const QJsonObject &body, const QString &token = {})
    {
        const HttpResult r
            = s().post(QStringLiteral("/api/v1/tasks"), body, token.isEmpty() ? m_admin : token);
        return r.status == 201 ? idOf(r.json) : 0;
    }
    QList<qint64> listIds(const QString &query)
    {
        const HttpResult r = s().get(QStringLiteral("/api/v1/tasks?limit=200&") + query, m_admin);
        if (r.status != 200)
            return {-qint64(r.status)};
        return sorted(idsOf(items(r)));
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_admin = s().bootstrapAdmin();
        QVERIFY(!m_admin.isEmpty());
        m_adminId = idOf(s().get(QStringLiteral("/api/v1/me"), m_admin).json);
        m_clerkId = s().createEmployee(m_admin, QStringLiteral("clerk"));
        QVERIFY(m_clerkId > 0);
        m_clerk = s().login(QStringLiteral("clerk"), QStringLiteral("clerk-password"));
        QVERIFY(!m_clerk.isEmpty());
        m_contactId
            = s().createContact(m_admin, {{QStringLiteral("name"), QStringLiteral("Client One")}});
        QVERIFY(m_contactId > 0);
    }

    // --- auth -----------------------------------------------------------------------------

    void loginSucceeds()
    {
        const HttpResult r = s().post(QStringLiteral("/api/v1/auth/login"),
            {{QStringLiteral("login"), QStringLiteral("clerk")},
                {QStringLiteral("password"), QStringLiteral("clerk-password")}});
        QCOMPARE(r.status, 200);
        const QString token = r.json.value(QStringLiteral("token")).toString();
        QVERIFY(token.size() >= 32);
        const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
        QCOMPARE(idOf(user), m_clerkId);
        QCOMPARE(user.value(QStringLiteral("kind")).toString(), QStringLiteral("employee"));
        QCOMPARE(user.value(QStringLiteral("login")).toString(), QStringLiteral("clerk"));
        QCOMPARE(user.value(QStringLiteral("isAdmin")).toBool(true), false);
        // No secret ever leaves the server.
        QVERIFY(!r.raw.contains("pbkdf2"));
        QVERIFY(!user.contains(QStringLiteral("password")));
        QVERIFY(!user.contains(QStringLiteral("passwordHash")));
        // The token works.
        QCOMPARE(idOf(s().get(QStringLiteral("/api/v1/me"), token).json), m_clerkId);
        // Two sign-ins get two different tokens.
        const QString second = s().login(QStringLiteral("clerk"), QStringLiteral("clerk-password"));
        QVERIFY(!second.isEmpty());
        QVERIFY(second != token);
    }

    void loginRejectsWrongCredentials()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QVERIFY(server.createEmployee(admin, QStringLiteral("wrongpw")) > 0);
        const QString path = QStringLiteral("/api/v1/auth/login");
        const HttpResult wrong = server.post(path,
            {{QStringLiteral("login"), QStringLiteral("wrongpw")},
                {QStringLiteral("password"), QStringLiteral("not-the-password")}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), QStringLiteral("unauthorized"));
        QVERIFY(!wrong.json.contains(QStringLiteral("token")));
        // An unknown login answers the same as a wrong password: logins are not enumerable.
        const HttpResult unknown = server.post(path,
            {{QStringLiteral("login"), QStringLiteral("nobody-here")},
                {QStringLiteral("password"), QStringLiteral("not-the-password")}});
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.raw, wrong.raw);
        // Bad input is not a failed sign-in.
        QCOMPARE(
            server.post(path, {{QStringLiteral("login"), QStringLiteral("wrongpw")}}).status, 422);
        QCOMPARE(server
                     .post(path,
                         {{QStringLiteral("login"), 42},
                             {QStringLiteral("password"), QStringLiteral("x")}})
                     .status,
            422);
        QCOMPARE(server.request("POST", path, {}, "{\"login\": \"wrongpw\", ").status, 400);
        QCOMPARE(server.request("POST", path, {}, "[\"wrongpw\"]").status, 400);
        // No token, an unknown token, a malformed header: 401 with the error shape.
        const HttpResult none = server.get(QStringLiteral("/api/v1/me"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.errorCode(), QStringLiteral("unauthorized"));
        QCOMPARE(
            server.get(QStringLiteral("/api/v1/me"), QStringLiteral("forged-token")).status, 401);
        QCOMPARE(server.get(QStringLiteral("/api/v1/tasks"), QStringLiteral("forged")).status, 401);
        // The right password still works after one failure.
        QVERIFY(
            !server.login(QStringLiteral("wrongpw"), QStringLiteral("wrongpw-password")).isEmpty());
    }

    void loginIsRateLimited()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QVERIFY(server.createEmployee(admin, QStringLiteral("hammered")) > 0);
        QVERIFY(server.createEmployee(admin, QStringLiteral("bystander")) > 0);
        const QString path = QStringLiteral("/api/v1/auth/login");
        const QJsonObject bad {{QStringLiteral("login"), QStringLiteral("hammered")},
            {QStringLiteral("password"), QStringLiteral("guess-guess")}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(server.post(path, bad).status, 401);
        const HttpResult limited = server.post(path, bad);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
        // While limited, even the right password is refused (no oracle for a guesser) ...
        const HttpResult right = server.post(path,
            {{QStringLiteral("login"), QStringLiteral("hammered")},
                {QStringLiteral("password"), QStringLiteral("hammered-password")}});
        QCOMPARE(right.status, 429);
        QVERIFY(!right.json.contains(QStringLiteral("token")));
        // ... the limit is per login, case-insensitively ...
        QCOMPARE(server
                     .post(path,
                         {{QStringLiteral("login"), QStringLiteral("HAMMERED")},
                             {QStringLiteral("password"), QStringLiteral("guess-guess")}})
                     .status,
            429);
        // ... and other people still sign in from the same address.
        QVERIFY(!server.login(QStringLiteral("bystander"), QStringLiteral("bystander-password"))
                     .isEmpty());
    }

    void logoutRevokesTheToken()
    {
        const QString first = s().login(QStringLiteral("clerk"), QStringLiteral("clerk-password"));
        const QString second = s().login(QStringLiteral("clerk"), QStringLiteral("clerk-password"));
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QCOMPARE(s().get(QStringLiteral("/api/v1/me"), first).status, 200);
        const HttpResult out = s().post(QStringLiteral("/api/v1/auth/logout"), {}, first);
        QCOMPARE(out.status, 204);
        QCOMPARE(s().get(QStringLiteral("/api/v1/me"), first).status, 401);
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks"), first).status, 401);
        QCOMPARE(s().post(QStringLiteral("/api/v1/auth/logout"), {}, first).status, 401);
        // Only that token: the same user's other session goes on.
        QCOMPARE(s().get(QStringLiteral("/api/v1/me"), second).status, 200);
        QCOMPARE(s().post(QStringLiteral("/api/v1/auth/logout"), {}).status, 401);
    }

    void meDescribesTheViewer()
    {
        const HttpResult admin = s().get(QStringLiteral("/api/v1/me"), m_admin);
        QCOMPARE(admin.status, 200);
        QCOMPARE(idOf(admin.json), m_adminId);
        QCOMPARE(admin.json.value(QStringLiteral("kind")).toString(), QStringLiteral("employee"));
        QCOMPARE(admin.json.value(QStringLiteral("isAdmin")).toBool(), true);
        const HttpResult clerk = s().get(QStringLiteral("/api/v1/me"), m_clerk);
        QCOMPARE(clerk.status, 200);
        QCOMPARE(idOf(clerk.json), m_clerkId);
        QCOMPARE(clerk.json.value(QStringLiteral("login")).toString(), QStringLiteral("clerk"));
        QCOMPARE(clerk.json.value(QStringLiteral("name")).toString(), QStringLiteral("clerk"));
        QCOMPARE(clerk.json.value(QStringLiteral("isAdmin")).toBool(true), false);
        QVERIFY(!clerk.raw.contains("pbkdf2"));
    }

    // --- people ---------------------------------------------------------------------------

    void peopleListsEmployees()
    {
        for (const QString &token : {m_admin, m_clerk}) {
            const HttpResult r = s().get(QStringLiteral("/api/v1/people?kind=employee"), token);
            QCOMPARE(r.status, 200);
            QVERIFY(r.json.contains(QStringLiteral("nextCursor")));
            const QJsonArray list = items(r);
            QVERIFY(idsOf(list).contains(m_adminId));
            QVERIFY(idsOf(list).contains(m_clerkId));
            QVERIFY(!idsOf(list).contains(m_contactId)); // contacts are not employees
            for (const QJsonValue &v : list) {
                QCOMPARE(v.toObject().value(QStringLiteral("kind")).toString(),
                    QStringLiteral("employee"));
                QVERIFY(!v.toObject().contains(QStringLiteral("password")));
            }
            QVERIFY(!r.raw.contains("pbkdf2"));
        }
        QCOMPARE(s().get(QStringLiteral("/api/v1/people?kind=contact"), m_admin).status, 400);
        QCOMPARE(s().get(QStringLiteral("/api/v1/people")).status, 401);
    }

    void peopleCreateByAdmin()
    {
        const int before = employeeCount();
        const HttpResult r = s().post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), QStringLiteral("Ирина Петрова")},
                {QStringLiteral("login"), QStringLiteral("irina")},
                {QStringLiteral("password"), QStringLiteral("irina-secret")},
                {QStringLiteral("extensions"),
                    QJsonArray {QStringLiteral("201"), QStringLiteral("202")}},
                {QStringLiteral("isAdmin"), true}},
            m_admin);
        QCOMPARE(r.status, 201);
        const qint64 id = idOf(r.json);
        QVERIFY(id > 0);
        QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("employee"));
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Ирина Петрова"));
        QCOMPARE(r.json.value(QStringLiteral("login")).toString(), QStringLiteral("irina"));
        QCOMPARE(r.json.value(QStringLiteral("isAdmin")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("extensions")).toArray(),
            (QJsonArray {QStringLiteral("201"), QStringLiteral("202")}));
        QVERIFY(!r.raw.contains("irina-secret"));
        QCOMPARE(employeeCount(), before + 1);
        // The new employee signs in, and is an administrator.
        const QString token = s().login(QStringLiteral("irina"), QStringLiteral("irina-secret"));
        QVERIFY(!token.isEmpty());
        const HttpResult me = s().get(QStringLiteral("/api/v1/me"), token);
        QCOMPARE(idOf(me.json), id);
        QCOMPARE(me.json.value(QStringLiteral("isAdmin")).toBool(), true);
        // Minimal body: extensions and isAdmin are optional (isAdmin defaults to false).
        const HttpResult plain = s().post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), QStringLiteral("Plain")},
                {QStringLiteral("login"), QStringLiteral("plain")},
                {QStringLiteral("password"), QStringLiteral("plain-password")}},
            m_admin);
        QCOMPARE(plain.status, 201);
        QCOMPARE(plain.json.value(QStringLiteral("isAdmin")).toBool(true), false);
        QCOMPARE(employeeCount(), before + 2);
    }

    void peopleCreateRefusesNonAdmin()
    {
        const int before = employeeCount();
        const HttpResult r = s().post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), QStringLiteral("Sneaky")},
                {QStringLiteral("login"), QStringLiteral("sneaky")},
                {QStringLiteral("password"), QStringLiteral("sneaky-password")},
                {QStringLiteral("isAdmin"), true}},
            m_clerk);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(employeeCount(), before);
        QVERIFY(s().login(QStringLiteral("sneaky"), QStringLiteral("sneaky-password")).isEmpty());
        QCOMPARE(s().post(QStringLiteral("/api/v1/people"),
                        {{QStringLiteral("name"), QStringLiteral("Anon")},
                            {QStringLiteral("login"), QStringLiteral("anon")},
                            {QStringLiteral("password"), QStringLiteral("anon-password")}})
                     .status,
            401);
        QCOMPARE(employeeCount(), before);
    }

    void peopleCreateRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString conflict = QStringLiteral("conflict");
        const QString invalid = QStringLiteral("invalid");
        const QString bad = QStringLiteral("bad_request");
        QTest::newRow("duplicate login")
            << QByteArray("{\"name\":\"Dup\",\"login\":\"clerk\",\"password\":\"long-enough\"}")
            << 409 << conflict;
        QTest::newRow("duplicate extension")
            << QByteArray("{\"name\":\"Ext\",\"login\":\"ext-dup\",\"password\":\"long-enough\","
                          "\"extensions\":[\"201\"]}")
            << 409 << conflict;
        QTest::newRow("missing name")
            << QByteArray("{\"login\":\"noname\",\"password\":\"long-enough\"}") << 422 << invalid;
        QTest::newRow("missing login")
            << QByteArray("{\"name\":\"No Login\",\"password\":\"long-enough\"}") << 422 << invalid;
        QTest::newRow("missing password")
            << QByteArray("{\"name\":\"No Password\",\"login\":\"nopw\"}") << 422 << invalid;
        QTest::newRow("short password")
            << QByteArray("{\"name\":\"Short\",\"login\":\"shortpw\",\"password\":\"short\"}")
            << 422 << invalid;
        QTest::newRow("name is a number")
            << QByteArray("{\"name\":7,\"login\":\"numname\",\"password\":\"long-enough\"}") << 422
            << invalid;
        QTest::newRow("login is an array")
            << QByteArray("{\"name\":\"Arr\",\"login\":[\"x\"],\"password\":\"long-enough\"}")
            << 422 << invalid;
        QTest::newRow("isAdmin is a string") << QByteArray(
            "{\"name\":\"Str\",\"login\":\"stradmin\",\"password\":\"long-enough\","
            "\"isAdmin\":\"yes\"}") << 422 << invalid;
        QTest::newRow("extensions is a string") << QByteArray(
            "{\"name\":\"Ext\",\"login\":\"extstr\",\"password\":\"long-enough\","
            "\"extensions\":\"101\"}") << 422 << invalid;
        QTest::newRow("extensions holds numbers") << QByteArray(
            "{\"name\":\"Ext\",\"login\":\"extnum\",\"password\":\"long-enough\","
            "\"extensions\":[101]}") << 422 << invalid;
        QTest::newRow("login with a space")
            << QByteArray("{\"name\":\"Sp\",\"login\":\"two words\",\"password\":\"long-enough\"}")
            << 422 << invalid;
        QTest::newRow("malformed JSON")
            << QByteArray("{\"name\":\"Broken\",\"login\":\"broken\",") << 400 << bad;
        QTest::newRow("not an object") << QByteArray("[\"name\",\"login\"]") << 400 << bad;
        QTest::newRow("empty body") << QByteArray() << 400 << bad;
    }

    void peopleCreateRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        // "201" belongs to irina (peopleCreateByAdmin); make sure it is taken either way.
        s().post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), QStringLiteral("Holder")},
                {QStringLiteral("login"), QStringLiteral("holder")},
                {QStringLiteral("password"), QStringLiteral("holder-password")},
                {QStringLiteral("extensions"), QJsonArray {QStringLiteral("201")}}},
            m_admin);
        const HttpResult before = s().get(QStringLiteral("/api/v1/people?kind=employee"), m_admin);
        const HttpResult r = s().request("POST", QStringLiteral("/api/v1/people"), m_admin, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        const HttpResult after = s().get(QStringLiteral("/api/v1/people?kind=employee"), m_admin);
        QCOMPARE(after.json, before.json); // nothing changed
    }

    // --- settings -------------------------------------------------------------------------

    void settingsReadByEmployee()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QVERIFY(server.createEmployee(admin, QStringLiteral("reader")) > 0);
        const QString reader
            = server.login(QStringLiteral("reader"), QStringLiteral("reader-password"));
        const HttpResult r = server.get(QStringLiteral("/api/v1/settings"), reader);
        QCOMPARE(r.status, 200);
        // The SPEC's defaults on a fresh account.
        QCOMPARE(r.json.value(QStringLiteral("contactsSeeOnlyNotified")).toBool(false), true);
        QCOMPARE(r.json.value(QStringLiteral("shareWithinCompany")).toBool(true), false);
        QCOMPARE(r.json.value(QStringLiteral("createUnknownCallers")).toBool(false), true);
        QVERIFY(r.json.value(QStringLiteral("callAttachHidden")).isBool());
        const QString target = r.json.value(QStringLiteral("callAttachTarget")).toString();
        QVERIFY(target == QLatin1String("contact") || target == QLatin1String("lastActiveTask"));
        QCOMPARE(server.get(QStringLiteral("/api/v1/settings"), admin).json, r.json);
        QCOMPARE(server.get(QStringLiteral("/api/v1/settings")).status, 401);
    }

    void settingsPatchByAdmin()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QVERIFY(server.createEmployee(admin, QStringLiteral("reader")) > 0);
        const QString reader
            = server.login(QStringLiteral("reader"), QStringLiteral("reader-password"));
        const QJsonObject before = server.get(QStringLiteral("/api/v1/settings"), admin).json;
        const HttpResult r = server.patch(QStringLiteral("/api/v1/settings"),
            {{QStringLiteral("shareWithinCompany"), true},
                {QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}},
            admin);
        QCOMPARE(r.status, 200);
        QJsonObject expected = before;
        expected.insert(QStringLiteral("shareWithinCompany"), true);
        expected.insert(QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask"));
        QCOMPARE(r.json, expected);
        // Everyone reads the new values at once; untouched keys keep theirs.
        QCOMPARE(server.get(QStringLiteral("/api/v1/settings"), reader).json, expected);
        const HttpResult back = server.patch(QStringLiteral("/api/v1/settings"),
            {{QStringLiteral("contactsSeeOnlyNotified"), false}}, admin);
        QCOMPARE(back.status, 200);
        expected.insert(QStringLiteral("contactsSeeOnlyNotified"), false);
        QCOMPARE(back.json, expected);
        QCOMPARE(server.get(QStringLiteral("/api/v1/settings"), reader).json, expected);
        // An empty patch changes nothing.
        QCOMPARE(server.patch(QStringLiteral("/api/v1/settings"), {}, admin).json, expected);
    }

    void settingsPatchRefusesNonAdmin()
    {
        const QJsonObject before = s().get(QStringLiteral("/api/v1/settings"), m_admin).json;
        const bool share = before.value(QStringLiteral("shareWithinCompany")).toBool();
        const HttpResult r = s().patch(QStringLiteral("/api/v1/settings"),
            {{QStringLiteral("shareWithinCompany"), !share}}, m_clerk);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(s().patch(QStringLiteral("/api/v1/settings"),
                        {{QStringLiteral("shareWithinCompany"), !share}})
                     .status,
            401);
        QCOMPARE(s().get(QStringLiteral("/api/v1/settings"), m_admin).json, before);
    }

    void settingsPatchRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString invalid = QStringLiteral("invalid");
        QTest::newRow("unknown key") << QByteArray("{\"colour\":\"red\"}") << 422 << invalid;
        QTest::newRow("unknown key next to a good one")
            << QByteArray("{\"shareWithinCompany\":true,\"nonsense\":1}") << 422 << invalid;
        QTest::newRow("bool as string")
            << QByteArray("{\"contactsSeeOnlyNotified\":\"false\"}") << 422 << invalid;
        QTest::newRow("bool as number")
            << QByteArray("{\"shareWithinCompany\":1}") << 422 << invalid;
        QTest::newRow("bad one after a good one")
            << QByteArray("{\"shareWithinCompany\":true,\"createUnknownCallers\":\"no\"}") << 422
            << invalid;
        QTest::newRow("unknown target")
            << QByteArray("{\"shareWithinCompany\":true,\"callAttachTarget\":\"phone\"}") << 422
            << invalid;
        QTest::newRow("target as number")
            << QByteArray("{\"callAttachTarget\":3}") << 422 << invalid;
        QTest::newRow("malformed JSON")
            << QByteArray("{\"shareWithinCompany\":") << 400 << QStringLiteral("bad_request");
        QTest::newRow("array") << QByteArray("[true]") << 400 << QStringLiteral("bad_request");
    }

    void settingsPatchRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        // Start from a known state where shareWithinCompany is false.
        QCOMPARE(s().patch(QStringLiteral("/api/v1/settings"),
                        {{QStringLiteral("shareWithinCompany"), false}}, m_admin)
                     .status,
            200);
        const QJsonObject before = s().get(QStringLiteral("/api/v1/settings"), m_admin).json;
        const HttpResult r
            = s().request("PATCH", QStringLiteral("/api/v1/settings"), m_admin, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        QCOMPARE(s().get(QStringLiteral("/api/v1/settings"), m_admin).json, before);
    }

    // --- tasks ----------------------------------------------------------------------------

    void taskCreateWithAllFields()
    {
        const int before = taskCount();
        const QJsonObject body {{QStringLiteral("title"), QStringLiteral("  Install the PBX  ")},
            {QStringLiteral("description"), QStringLiteral("Rack **B**, port 7.\nCall first.")},
            {QStringLiteral("counterpartyId"), m_contactId},
            {QStringLiteral("assigneeIds"), QJsonArray {m_clerkId, m_adminId}},
            {QStringLiteral("participantIds"), QJsonArray {m_contactId}}};
        const HttpResult r = s().post(QStringLiteral("/api/v1/tasks"), body, m_clerk);
        QCOMPARE(r.status, 201);
        const QJsonObject task = r.json;
        const qint64 id = idOf(task);
        QVERIFY(id > 0);
        QCOMPARE(task.value(QStringLiteral("title")).toString(), QStringLiteral("Install the PBX"));
        QCOMPARE(task.value(QStringLiteral("description")).toString(),
            QStringLiteral("Rack **B**, port 7.\nCall first."));
        QCOMPARE(task.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(qint64(task.value(QStringLiteral("counterpartyId")).toDouble()), m_contactId);
        QCOMPARE(numbers(task.value(QStringLiteral("assigneeIds"))),
            (QList<qint64> {m_clerkId, m_adminId}));
        QCOMPARE(
            numbers(task.value(QStringLiteral("participantIds"))), (QList<qint64> {m_contactId}));
        for (const QString &key : QStringList {QStringLiteral("createdAt"),
                 QStringLiteral("updatedAt"), QStringLiteral("lastActivityAt")}) {
            const QDateTime t
                = QDateTime::fromString(task.value(key).toString(), Qt::ISODateWithMs);
            QVERIFY2(t.isValid(), qPrintable(key));
            QCOMPARE(t.timeSpec(), Qt::UTC);
            QVERIFY(qAbs(t.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        }
        QCOMPARE(taskCount(), before + 1);
        // It reads back the same, and appears in the list.
        const HttpResult got = s().get(QStringLiteral("/api/v1/tasks/%1").arg(id), m_admin);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json, task);
        QVERIFY(listIds(QString()).contains(id));
        // Title only is enough; the rest defaults.
        const HttpResult minimal = s().post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("Minimal")}}, m_admin);
        QCOMPARE(minimal.status, 201);
        QVERIFY(minimal.json.value(QStringLiteral("counterpartyId")).isNull());
        QCOMPARE(minimal.json.value(QStringLiteral("assigneeIds")).toArray().size(), 0);
        QCOMPARE(minimal.json.value(QStringLiteral("description")).toString(), QString());
        QCOMPARE(taskCount(), before + 2);
    }

    void taskCreateRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString invalid = QStringLiteral("invalid");
        const QString bad = QStringLiteral("bad_request");
        auto json
            = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        const QString title = QStringLiteral("title");
        const QString t = QStringLiteral("Should not exist");
        QTest::newRow("malformed JSON") << QByteArray("{\"title\": \"half") << 400 << bad;
        QTest::newRow("trailing garbage") << QByteArray("{\"title\":\"x\"} x") << 400 << bad;
        QTest::newRow("array body") << QByteArray("[{\"title\":\"x\"}]") << 400 << bad;
        QTest::newRow("string body") << QByteArray("\"title\"") << 400 << bad;
        QTest::newRow("empty body") << QByteArray() << 400 << bad;
        QTest::newRow("missing title")
            << QByteArray("{\"description\":\"no title\"}") << 422 << invalid;
        QTest::newRow("null title") << QByteArray("{\"title\":null}") << 422 << invalid;
        QTest::newRow("blank title") << QByteArray("{\"title\":\"   \\n\\t \"}") << 422 << invalid;
        QTest::newRow("title is a number") << QByteArray("{\"title\":42}") << 422 << invalid;
        QTest::newRow("title is an object")
            << QByteArray("{\"title\":{\"text\":\"x\"}}") << 422 << invalid;
        QTest::newRow("description is a bool")
            << json({{title, t}, {QStringLiteral("description"), true}}) << 422 << invalid;
        QTest::newRow("counterpartyId is a string")
            << json({{title, t}, {QStringLiteral("counterpartyId"), QString::number(m_contactId)}})
            << 422 << invalid;
        QTest::newRow("counterpartyId is fractional")
            << json({{title, t}, {QStringLiteral("counterpartyId"), 1.5}}) << 422 << invalid;
        QTest::newRow("counterpartyId is negative")
            << json({{title, t}, {QStringLiteral("counterpartyId"), -3}}) << 422 << invalid;
        QTest::newRow("assigneeIds is a number")
            << json({{title, t}, {QStringLiteral("assigneeIds"), m_clerkId}}) << 422 << invalid;
        QTest::newRow("assigneeIds holds strings") << json(
            {{title, t}, {QStringLiteral("assigneeIds"), QJsonArray {QString::number(m_clerkId)}}})
                                                   << 422 << invalid;
        QTest::newRow("participantIds holds null")
            << json({{title, t}, {QStringLiteral("participantIds"), QJsonArray {QJsonValue()}}})
            << 422 << invalid;
        QTest::newRow("status is unknown")
            << json({{title, t}, {QStringLiteral("status"), QStringLiteral("paused")}}) << 422
            << invalid;
        QTest::newRow("unknown counterpartyId")
            << json({{title, t}, {QStringLiteral("counterpartyId"), 987654}}) << 422 << invalid;
        QTest::newRow("counterparty is an employee")
            << json({{title, t}, {QStringLiteral("counterpartyId"), m_clerkId}}) << 422 << invalid;
        QTest::newRow("unknown assignee")
            << json({{title, t}, {QStringLiteral("assigneeIds"), QJsonArray {m_clerkId, 987654}}})
            << 422 << invalid;
        QTest::newRow("unknown participant")
            << json({{title, t}, {QStringLiteral("participantIds"), QJsonArray {987655}}}) << 422
            << invalid;
        QTest::newRow("title too long") << json({{title, QString(501, u'x')}}) << 422 << invalid;
        QTest::newRow("NUL in title") << QByteArray("{\"title\":\"a\\u0000b\"}") << 422 << invalid;
        QTest::newRow("SQL in ids")
            << QByteArray("{\"title\":\"x\",\"assigneeIds\":[\"1); DROP TABLE tasks;--\"]}") << 422
            << invalid;
        // Over 1 MiB: refused before anything reads it.
        QByteArray huge = "{\"title\":\"huge\",\"description\":\"";
        huge += QByteArray(1024 * 1024 + 100, 'a');
        huge += "\"}";
        QTest::newRow("body over 1 MiB") << huge << 413 << QStringLiteral("too_large");
    }

    void taskCreateRejectsBadInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpResult before = s().get(QStringLiteral("/api/v1/tasks?limit=200"), m_admin);
        QCOMPARE(before.status, 200);
        const HttpResult r = s().request("POST", QStringLiteral("/api/v1/tasks"), m_admin, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorCode(), code);
        const HttpResult after = s().get(QStringLiteral("/api/v1/tasks?limit=200"), m_admin);
        QCOMPARE(items(after).size(), items(before).size());
        QCOMPARE(after.json, before.json); // not even an activity time moved
    }

    void taskCreateRefusesStrangers()
    {
        const int before = taskCount();
        QCOMPARE(s().post(QStringLiteral("/api/v1/tasks"),
                        {{QStringLiteral("title"), QStringLiteral("Anonymous")}})
                     .status,
            401);
        QCOMPARE(s().post(QStringLiteral("/api/v1/tasks"),
                        {{QStringLiteral("title"), QStringLiteral("Forged")}},
                        QStringLiteral("forged-token"))
                     .status,
            401);
        QCOMPARE(taskCount(), before);
    }

    void taskGetAndPatch()
    {
        const qint64 other
            = s().createContact(m_admin, {{QStringLiteral("name"), QStringLiteral("Other Co")}});
        QVERIFY(other > 0);
        const qint64 id = createTask({{QStringLiteral("title"), QStringLiteral("Patch me")},
            {QStringLiteral("description"), QStringLiteral("before")},
            {QStringLiteral("counterpartyId"), m_contactId},
            {QStringLiteral("assigneeIds"), QJsonArray {m_clerkId}}});
        QVERIFY(id > 0);
        const QJsonObject original
            = s().get(QStringLiteral("/api/v1/tasks/%1").arg(id), m_clerk).json;
        QCOMPARE(original.value(QStringLiteral("title")).toString(), QStringLiteral("Patch me"));

        // A partial patch changes only what it names.
        const HttpResult r = s().patch(QStringLiteral("/api/v1/tasks/%1").arg(id),
            {{QStringLiteral("status"), QStringLiteral("done")},
                {QStringLiteral("title"), QStringLiteral("Patched")},
                {QStringLiteral("counterpartyId"), other},
                {QStringLiteral("participantIds"), QJsonArray {m_adminId}}},
            m_clerk);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("title")).toString(), QStringLiteral("Patched"));
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(r.json.value(QStringLiteral("description")).toString(), QStringLiteral("before"));
        QCOMPARE(qint64(r.json.value(QStringLiteral("counterpartyId")).toDouble()), other);
        QCOMPARE(numbers(r.json.value(QStringLiteral("assigneeIds"))), QList<qint64> {m_clerkId});
        QCOMPARE(
            numbers(r.json.value(QStringLiteral("participantIds"))), QList<qint64> {m_adminId});
        QCOMPARE(
            r.json.value(QStringLiteral("createdAt")), original.value(QStringLiteral("createdAt")));
        QVERIFY(r.json.value(QStringLiteral("updatedAt")).toString()
            >= original.value(QStringLiteral("updatedAt")).toString());
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/%1").arg(id), m_admin).json, r.json);

        // Bad patches change nothing.
        const QJsonObject current = r.json;
        const QList<QByteArray> badBodies {"{\"status\":\"paused\"}", "{\"title\":\"\"}",
            "{\"title\":7}", "{\"assigneeIds\":[987654]}", "{\"counterpartyId\":987654}",
            "{\"counterpartyId\":\"x\"}", "{\"status\":\"open\",\"participantIds\":\"all\"}",
            "{\"title\":\"x\","};
        for (const QByteArray &body : badBodies) {
            const HttpResult bad
                = s().request("PATCH", QStringLiteral("/api/v1/tasks/%1").arg(id), m_admin, body);
            QVERIFY2(bad.status == 422 || bad.status == 400, body.constData());
            QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/%1").arg(id), m_admin).json, current);
        }
        QByteArray huge = "{\"description\":\"" + QByteArray(1024 * 1024 + 1, 'b') + "\"}";
        QCOMPARE(
            s().request("PATCH", QStringLiteral("/api/v1/tasks/%1").arg(id), m_admin, huge).status,
            413);
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/%1").arg(id), m_admin).json, current);

        // Every status can be set.
        for (const QString &status :
            QStringList {QStringLiteral("cancelled"), QStringLiteral("open")}) {
            const HttpResult st = s().patch(QStringLiteral("/api/v1/tasks/%1").arg(id),
                {{QStringLiteral("status"), status}}, m_admin);
            QCOMPARE(st.status, 200);
            QCOMPARE(st.json.value(QStringLiteral("status")).toString(), status);
        }
    }

    void taskUnknownIdIs404()
    {
        const int before = taskCount();
        for (const QString &path : QStringList {QStringLiteral("/api/v1/tasks/987654"),
                 QStringLiteral("/api/v1/tasks/9223372036854775807")}) {
            const HttpResult get = s().get(path, m_admin);
            QCOMPARE(get.status, 404);
            QCOMPARE(get.errorCode(), QStringLiteral("not_found"));
            const HttpResult patch
                = s().patch(path, {{QStringLiteral("title"), QStringLiteral("ghost")}}, m_admin);
            QCOMPARE(patch.status, 404);
            QCOMPARE(patch.errorCode(), QStringLiteral("not_found"));
        }
        // Not an id at all: no such endpoint.
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/abc"), m_admin).status, 404);
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/0"), m_admin).status, 404);
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks/-1"), m_admin).status, 404);
        QCOMPARE(taskCount(), before);
    }

    void taskListFilters()
    {
        const qint64 client = s().createContact(
            m_admin, {{QStringLiteral("name"), QStringLiteral("Filter Client")}});
        const qint64 partner = s().createContact(
            m_admin, {{QStringLiteral("name"), QStringLiteral("Filter Partner")}});
        const qint64 worker = s().createEmployee(m_admin, QStringLiteral("filterworker"));
        QVERIFY(client > 0 && partner > 0 && worker > 0);
        const QString mark = QStringLiteral("qfiltmark");
        auto task = [&](const QString &title, const QString &description, qint64 counterparty,
                        QJsonArray assignees, QJsonArray participants) {
            QJsonObject body {{QStringLiteral("title"), QString(title + u' ' + mark)},
                {QStringLiteral("description"), description},
                {QStringLiteral("assigneeIds"), assignees},
                {QStringLiteral("participantIds"), participants}};
            if (counterparty)
                body.insert(QStringLiteral("counterpartyId"), counterparty);
            return createTask(body);
        };
        const qint64 invoice = task(
            QStringLiteral("Счёт за доставку"), QStringLiteral("Оплата"), client, {worker}, {});
        const qint64 contract = task(QStringLiteral("Договор поставки"),
            QStringLiteral("Позвонить клиенту до пятницы"), partner, {m_clerkId}, {client});
        const qint64 router = task(QStringLiteral("Router replacement"),
            QStringLiteral("The old one is broken"), 0, {worker, m_clerkId}, {});
        const qint64 closed
            = task(QStringLiteral("Closed invoice"), QString(), client, {}, {worker});
        const qint64 sale = task(QStringLiteral("50% off"), QString(), 0, {}, {});
        QVERIFY(invoice && contract && router && closed && sale);
        QCOMPARE(s().patch(QStringLiteral("/api/v1/tasks/%1").arg(closed),
                        {{QStringLiteral("status"), QStringLiteral("done")}}, m_admin)
                     .status,
            200);
        const QString q = QStringLiteral("q=") + enc(mark);
        auto ids = [&](const QString &query) { return listIds(q + u'&' + query); };
        auto want = [](QList<qint64> list) { return sorted(list); };

        QCOMPARE(listIds(q), want({invoice, contract, router, closed, sale}));
        // status
        QCOMPARE(ids(QStringLiteral("status=open")), want({invoice, contract, router, sale}));
        QCOMPARE(ids(QStringLiteral("status=done")), want({closed}));
        QCOMPARE(ids(QStringLiteral("status=cancelled")), want({}));
        QCOMPARE(ids(QStringLiteral("status=active")), want({invoice, contract, router, sale}));
        QCOMPARE(
            ids(QStringLiteral("status=all")), want({invoice, contract, router, closed, sale}));
        for (const QJsonValue &v :
            items(s().get(QStringLiteral("/api/v1/tasks?status=done&limit=200"), m_admin)))
            QCOMPARE(
                v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        // q: words of title and description, any case, Cyrillic included, all words must match
        QCOMPARE(
            listIds(QStringLiteral("q=") + enc(QStringLiteral("Счёт ") + mark)), want({invoice}));
        QCOMPARE(
            listIds(QStringLiteral("q=") + enc(QStringLiteral("счёт ") + mark)), want({invoice}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("ДОГОВОР ") + mark)),
            want({contract}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("клиенту ") + mark)),
            want({contract}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("поставки пятницы ") + mark)),
            want({contract}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("поставки router ") + mark)),
            want({}));
        QCOMPARE(
            listIds(QStringLiteral("q=") + enc(QStringLiteral("INVOICE ") + mark)), want({closed}));
        QCOMPARE(
            listIds(QStringLiteral("q=") + enc(QStringLiteral("broken ") + mark)), want({router}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("ёт ") + mark)),
            want({invoice})); // a fragment shorter than three characters
        QCOMPARE(
            listIds(QStringLiteral("q=") + enc(QStringLiteral("nothing-like-this-xyz"))), want({}));
        // SQL and FTS metacharacters are just text, short fragments included.
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("% ") + mark)), want({sale}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("0% ") + mark)), want({sale}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("_ ") + mark)), want({}));
        QCOMPARE(listIds(QStringLiteral("q=") + enc(QStringLiteral("\\ ") + mark)), want({}));
        for (const QString &odd :
            QStringList {QStringLiteral("\"unbalanced"), QStringLiteral("a' OR '1'='1"),
                QStringLiteral("NEAR(x y)"), QStringLiteral("* AND -"), QStringLiteral("%_%")}) {
            const HttpResult r = s().get(QStringLiteral("/api/v1/tasks?q=") + enc(odd), m_admin);
            QVERIFY2(r.status == 200, qPrintable(odd));
            QCOMPARE(items(r).size(), 0);
        }
        // contactId: the counterparty or a member
        QCOMPARE(
            listIds(QStringLiteral("contactId=%1").arg(client)), want({invoice, contract, closed}));
        QCOMPARE(listIds(QStringLiteral("contactId=%1").arg(partner)), want({contract}));
        QCOMPARE(listIds(QStringLiteral("contactId=%1&status=open").arg(client)),
            want({invoice, contract}));
        // assigneeId: assignees only, not participants
        QCOMPARE(listIds(QStringLiteral("assigneeId=%1").arg(worker)), want({invoice, router}));
        QCOMPARE(ids(QStringLiteral("assigneeId=%1").arg(m_clerkId)), want({contract, router}));
        QCOMPARE(listIds(QStringLiteral("assigneeId=%1&contactId=%2").arg(worker).arg(client)),
            want({invoice}));
        QCOMPARE(listIds(QStringLiteral("assigneeId=987654")), want({}));
        // Bad filters are 400.
        for (const QString &bad : QStringList {QStringLiteral("status=paused"),
                 QStringLiteral("contactId=abc"), QStringLiteral("contactId=-4"),
                 QStringLiteral("assigneeId=1.5"), QStringLiteral("q=") + QString(201, u'x')}) {
            const HttpResult r = s().get(QStringLiteral("/api/v1/tasks?") + bad, m_admin);
            QVERIFY2(r.status == 400, qPrintable(bad));
            QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        }
    }

    void taskListPagesByCursor()
    {
        TestServer server;
        const QString admin = server.bootstrapAdmin();
        QList<qint64> created;
        for (int i = 1; i <= 25; ++i) {
            const HttpResult r = server.post(QStringLiteral("/api/v1/tasks"),
                {{QStringLiteral("title"), QStringLiteral("Paged task %1").arg(i)}}, admin);
            QCOMPARE(r.status, 201);
            created.append(idOf(r.json));
        }
        // Activity moves a task up: a patch on the 3rd, then a comment on the 10th.
        QCOMPARE(server
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(created.at(2)),
                         {{QStringLiteral("description"), QStringLiteral("touched")}}, admin)
                     .status,
            200);
        QCOMPARE(server
                     .post(QStringLiteral("/api/v1/tasks/%1/comments").arg(created.at(9)),
                         {{QStringLiteral("text"), QStringLiteral("bump")}}, admin)
                     .status,
            201);

        // The order the contract promises, from each task's own activity time.
        struct Row
        {
            QString activity;
            qint64 id;
        };
        QList<Row> rows;
        for (qint64 id : created) {
            const HttpResult r = server.get(QStringLiteral("/api/v1/tasks/%1").arg(id), admin);
            rows.append({r.json.value(QStringLiteral("lastActivityAt")).toString(), id});
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
            return a.activity != b.activity ? a.activity > b.activity : a.id > b.id;
        });
        QList<qint64> expected;
        for (const Row &row : rows)
            expected.append(row.id);
        // The bumped tasks are the newest activity (ties broken by id).
        QCOMPARE(expected.first(), created.at(9));
        QCOMPARE(expected.at(1), created.at(2));

        QJsonArray all;
        QString why;
        QList<int> pageSizes;
        QString cursor;
        for (int page = 0; page < 10; ++page) {
            QString url = QStringLiteral("/api/v1/tasks?limit=10");
            if (!cursor.isEmpty())
                url += QStringLiteral("&cursor=") + enc(cursor);
            const HttpResult r = server.get(url, admin);
            QCOMPARE(r.status, 200);
            pageSizes.append(items(r).size());
            for (const QJsonValue &v : items(r))
                all.append(v);
            const QJsonValue next = r.json.value(QStringLiteral("nextCursor"));
            QVERIFY(next.isNull() || next.isString());
            if (next.isNull())
                break;
            cursor = next.toString();
        }
        QCOMPARE(pageSizes, (QList<int> {10, 10, 5}));
        QCOMPARE(idsOf(all), expected); // every task exactly once, newest activity first

        // Other page sizes walk the same order.
        for (int limit : {1, 7, 25, 200}) {
            QJsonArray walked;
            QVERIFY2(
                walkPages(server, QStringLiteral("/api/v1/tasks"), admin, limit, &walked, &why),
                qPrintable(why));
            QCOMPARE(idsOf(walked), expected);
        }
        // Paging with a filter: only open tasks, still every one once, in order.
        QCOMPARE(server
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(created.at(4)),
                         {{QStringLiteral("status"), QStringLiteral("done")}}, admin)
                     .status,
            200);
        QJsonArray open;
        QVERIFY2(
            walkPages(server, QStringLiteral("/api/v1/tasks?status=open"), admin, 4, &open, &why),
            qPrintable(why));
        QList<qint64> expectedOpen = expected;
        expectedOpen.removeOne(created.at(4));
        QCOMPARE(idsOf(open), expectedOpen);
    }

    void taskListRejectsBadPaging()
    {
        const HttpResult first = s().get(QStringLiteral("/api/v1/tasks?limit=1"), m_admin);
        QCOMPARE(first.status, 200);
        QVERIFY(first.json.value(QStringLiteral("nextCursor")).isString());
        QCOMPARE(s().get(QStringLiteral("/api/v1/tasks?limit=200"), m_admin).status, 200);
        const QString forgedCursor = QString::fromLatin1(
            QByteArray("not-a-time|5").toBase64(QByteArray::Base64UrlEncoding));
        const QString noBar = QString::fromLatin1(
            QByteArray("2024-01-01T00:00:00.000Z").toBase64(QByteArray::Base64UrlEncoding));
        for (const QString &query :
            QStringList {QStringLiteral("limit=0"), QStringLiteral("limit=201"),
                QStringLiteral("limit=-1"), QStringLiteral("limit=abc"),
                QStringLiteral("limit=1e2"), QStringLiteral("cursor=bogus!!"),
                QStringLiteral("cursor=%25%25%25"), QStringLiteral("cursor=") + forgedCursor,
                QStringLiteral("cursor=") + noBar, QStringLiteral("cursor=12345")}) {
            const HttpResult r = s().get(QStringLiteral("/api/v1/tasks?") + query, m_admin);
            QVERIFY2(r.status == 400, qPrintable(query + u' ' + QString::number(r.status)));
            QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
            QVERIFY(!r.json.contains(QStringLiteral("items")));
        }
    }

    // An operator's "my tasks" reads that operator's memberships and sorts them; walking every
    // task in activity order to test each for the assignee cost 130-400 ms at 100,000 tasks
    // for an operator with none (linecard-bench-load, issue 20).
    void assigneeFilterReadsTheAssigneesTasks()
    {
        linecard::server::ServerContext &ctx = s().server().context();
        if (ctx.db.dialect().isPostgres())
            QSKIP("a SQLite query plan");
        const linecard::visibility::Viewer viewer {m_clerkId, true, false, 0};
        for (const bool activeOnly : {false, true}) {
            linecard::server::TaskFilter filter;
            filter.assigneeId = m_clerkId;
            filter.activeOnly = activeOnly;
            QVariantMap params;
            const QString sql = ctx.tasks.listQuery(ctx.rule(viewer), filter, {}, 50, params);
            QSqlQuery plan = ctx.db.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, params);
            QStringList steps;
            while (plan.next())
                steps << plan.value(3).toString();
            const QString joined = steps.join(QStringLiteral("; "));
            QVERIFY2(!steps.isEmpty(), qPrintable(sql));
            for (const QString &step : steps)
                QVERIFY2(
                    !step.startsWith(QLatin1String("SCAN t ")) && step != QLatin1String("SCAN t"),
                    qPrintable(joined));
        }
    }
};

QTEST_GUILESS_MAIN(TestApiTasks)
#include "tst_api_tasks.moc"
