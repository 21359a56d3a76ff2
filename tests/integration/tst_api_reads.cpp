#include "testserver.h"

#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

using namespace linecard::testing;

// Read marks and the task list's unread counts (POST /api/v1/tasks/{id}/read, "unread" and
// "lastReadCommentId" on tasks): per person, by the visibility rule, live on the person's own
// event streams only, kept across a restart, bad input refused without a change. And the
// other per-viewer fact of a list: a contact's "last activity" moves only for what it may see.
class TestApiReads : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup() { s.reset(); }

    void countsWhatEachMaySeeAndDidNotWrite();
    void markingReadAndUnread();
    void badMarksChangeNothing();
    void marksReachOnlyTheirOwnersStreams();
    void marksSurviveARestart();
    void longThreadsCountToTheCap();
    void commentsAContactMayNotSeeDoNotMoveItsList();
    void markingEverythingRead();

private:
    struct Open
    {
        std::unique_ptr<QWebSocket> ws = std::make_unique<QWebSocket>();
        QList<QJsonObject> messages;
        QStringList types() const
        {
            QStringList out;
            for (const QJsonObject &m : messages)
                out << m.value(QStringLiteral("type")).toString();
            return out;
        }
    };
    std::unique_ptr<Open> stream(const QString &token)
    {
        auto open = std::make_unique<Open>();
        Open *o = open.get();
        QObject::connect(
            o->ws.get(), &QWebSocket::textMessageReceived, o->ws.get(), [o](const QString &text) {
                o->messages << QJsonDocument::fromJson(text.toUtf8()).object();
            });
        QUrl url = s->url(QStringLiteral("/api/v1/events"));
        url.setScheme(QStringLiteral("ws"));
        url.setQuery(QStringLiteral("token=") + token);
        o->ws->open(url);
        if (!QTest::qWaitFor([o] { return !o->messages.isEmpty(); }, 5000))
            qWarning("the event stream said nothing");
        return open;
    }
    qint64 comment(const QString &token, const QString &text, const QJsonObject &extra = {})
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("text"), text);
        const HttpResult r
            = s->post(QStringLiteral("/api/v1/tasks/%1/comments").arg(m_task), body, token);
        if (r.status != 201)
            qWarning() << "comment refused:" << r.raw;
        return qint64(r.json.value(QStringLiteral("id")).toDouble());
    }
    // The task as the list shows it to the holder of token.
    QJsonObject listed(const QString &token)
    {
        const HttpResult r = s->get(QStringLiteral("/api/v1/tasks?status=all"), token);
        for (const QJsonValue &v : r.json.value(QStringLiteral("items")).toArray())
            if (qint64(v.toObject().value(QStringLiteral("id")).toDouble()) == m_task)
                return v.toObject();
        return {};
    }
    int unread(const QString &token)
    {
        const int inList = listed(token).value(QStringLiteral("unread")).toInt(-1);
        const int single = s->get(QStringLiteral("/api/v1/tasks/%1").arg(m_task), token)
                               .json.value(QStringLiteral("unread"))
                               .toInt(-2);
        return inList == single ? inList : -3; // the list and the task agree, or the test fails
    }
    HttpResult markRead(const QString &token, const QByteArray &body = {})
    {
        return s->request("POST", QStringLiteral("/api/v1/tasks/%1/read").arg(m_task), token, body);
    }
    qint64 lastRead(const QString &token)
    {
        return qint64(s->get(QStringLiteral("/api/v1/tasks/%1").arg(m_task), token)
                          .json.value(QStringLiteral("lastReadCommentId"))
                          .toDouble());
    }

    std::unique_ptr<TestServer> s;
    QString m_admin, m_anna, m_boris, m_client;
    qint64 m_annaId = 0, m_borisId = 0, m_clientId = 0, m_task = 0;
};

void TestApiReads::init()
{
    s = std::make_unique<TestServer>();
    m_admin = s->bootstrapAdmin();
    m_annaId = s->createEmployee(m_admin, QStringLiteral("anna"));
    m_borisId = s->createEmployee(m_admin, QStringLiteral("boris"));
    m_anna = s->login(QStringLiteral("anna"), QStringLiteral("anna-password"));
    m_boris = s->login(QStringLiteral("boris"), QStringLiteral("boris-password"));
    m_clientId = s->createContact(m_admin, {{QStringLiteral("name"), QStringLiteral("Client")}});
    QCOMPARE(s->put(QStringLiteral("/api/v1/contacts/%1/access").arg(m_clientId),
                  {{QStringLiteral("enabled"), true},
                      {QStringLiteral("login"), QStringLiteral("client")},
                      {QStringLiteral("password"), QStringLiteral("client-password")}},
                  m_admin)
                 .status,
        200);
    m_client = s->login(QStringLiteral("client"), QStringLiteral("client-password"));
    const HttpResult t = s->post(QStringLiteral("/api/v1/tasks"),
        {{QStringLiteral("title"), QStringLiteral("Delivery")},
            {QStringLiteral("counterpartyId"), m_clientId},
            {QStringLiteral("assigneeIds"), QJsonArray {m_annaId}}},
        m_admin);
    QCOMPARE(t.status, 201);
    m_task = qint64(t.json.value(QStringLiteral("id")).toDouble());
    QVERIFY(!m_anna.isEmpty() && !m_boris.isEmpty() && !m_client.isEmpty());
}

void TestApiReads::countsWhatEachMaySeeAndDidNotWrite()
{
    QCOMPARE(unread(m_anna), 0);
    comment(m_boris, QStringLiteral("to the client"),
        {{QStringLiteral("notifiedIds"), QJsonArray {m_clientId}}});
    comment(m_boris, QStringLiteral("between us"), {{QStringLiteral("internal"), true}});
    comment(m_boris, QStringLiteral("for boris and admin only"),
        {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), QJsonArray {}}});
    comment(m_anna, QStringLiteral("anna's own"));
    // Anna: Boris's open and internal ones; not the hidden one, not her own.
    QCOMPARE(unread(m_anna), 2);
    // Boris wrote three and sees Anna's one.
    QCOMPARE(unread(m_boris), 1);
    // The administrator sees everything, the hidden one too.
    QCOMPARE(unread(m_admin), 4);
    // The client (contactsSeeOnlyNotified is on by default): the one addressed to it.
    QCOMPARE(unread(m_client), 1);
    QCOMPARE(lastRead(m_anna), 0);
}

void TestApiReads::markingReadAndUnread()
{
    const qint64 first = comment(m_boris, QStringLiteral("one"));
    const qint64 second = comment(m_boris, QStringLiteral("two"));
    comment(m_boris, QStringLiteral("three"));
    QCOMPARE(unread(m_anna), 3);

    // Opening the task: read up to the newest comment she may see.
    HttpResult r = markRead(m_anna);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("unread")).toInt(), 0);
    QCOMPARE(qint64(r.json.value(QStringLiteral("id")).toDouble()), m_task);
    QCOMPARE(unread(m_anna), 0);
    QCOMPARE(unread(m_boris), 0); // his own, and marks are per person
    QCOMPARE(unread(m_admin), 3);

    comment(m_boris, QStringLiteral("four"));
    QCOMPARE(unread(m_anna), 1);

    // "Unread from here": back to the first comment.
    r = markRead(
        m_anna, QJsonDocument(QJsonObject {{QStringLiteral("commentId"), first}}).toJson());
    QCOMPARE(r.status, 200);
    QCOMPARE(qint64(r.json.value(QStringLiteral("lastReadCommentId")).toDouble()), first);
    QCOMPARE(unread(m_anna), 3);
    r = markRead(
        m_anna, QJsonDocument(QJsonObject {{QStringLiteral("commentId"), second}}).toJson());
    QCOMPARE(unread(m_anna), 2);
    // null: nothing read at all.
    r = markRead(m_anna, R"({"commentId": null})");
    QCOMPARE(r.status, 200);
    QCOMPARE(unread(m_anna), 4);
    QCOMPARE(lastRead(m_anna), 0);
}

void TestApiReads::badMarksChangeNothing()
{
    const qint64 first = comment(m_boris, QStringLiteral("one"));
    comment(m_boris, QStringLiteral("two"));
    QCOMPARE(
        markRead(m_anna, QJsonDocument(QJsonObject {{QStringLiteral("commentId"), first}}).toJson())
            .status,
        200);
    QCOMPARE(unread(m_anna), 1);

    // A comment of another task.
    const HttpResult other = s->post(QStringLiteral("/api/v1/tasks"),
        {{QStringLiteral("title"), QStringLiteral("Other")}}, m_admin);
    const qint64 otherTask = qint64(other.json.value(QStringLiteral("id")).toDouble());
    const qint64 elsewhere
        = qint64(s->post(QStringLiteral("/api/v1/tasks/%1/comments").arg(otherTask),
                      {{QStringLiteral("text"), QStringLiteral("x")}}, m_boris)
                     .json.value(QStringLiteral("id"))
                     .toDouble());
    QVERIFY(elsewhere > 0);
    // A hidden comment Anna may not see: no such comment, as far as she can tell.
    const qint64 hidden = comment(m_boris, QStringLiteral("secret"),
        {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), QJsonArray {}}});

    const struct
    {
        QByteArray body;
        int status;
    } bad[] = {{R"({"commentId": "seven"})", 422}, {R"({"commentId": -1})", 422},
        {R"({"commentId": 0})", 422}, {R"({"commentId": 1.5})", 422},
        {R"({"commentId": 99999999})", 422},
        {QJsonDocument(QJsonObject {{QStringLiteral("commentId"), elsewhere}}).toJson(), 422},
        {QJsonDocument(QJsonObject {{QStringLiteral("commentId"), hidden}}).toJson(), 422},
        {R"({"commentId": )", 400}, {R"([1, 2])", 400}};
    for (const auto &b : bad) {
        const HttpResult r = markRead(m_anna, b.body);
        QVERIFY2(r.status == b.status,
            qPrintable(QString::fromUtf8(b.body) + u' ' + QString::number(r.status) + u' '
                + QString::fromUtf8(r.raw)));
        QVERIFY(!r.errorCode().isEmpty());
    }
    QCOMPARE(lastRead(m_anna), first);
    QCOMPARE(unread(m_anna), 1);
    // An unknown task, and no token at all.
    QCOMPARE(s->request("POST", QStringLiteral("/api/v1/tasks/987654/read"), m_anna).status, 404);
    QCOMPARE(markRead(QString()).status, 401);
}

void TestApiReads::marksReachOnlyTheirOwnersStreams()
{
    comment(
        m_boris, QStringLiteral("one"), {{QStringLiteral("notifiedIds"), QJsonArray {m_clientId}}});
    const auto annaElsewhere = stream(m_anna); // her other open client
    const auto boris = stream(m_boris);
    const auto admin = stream(m_admin);
    const auto client = stream(m_client);
    QCOMPARE(markRead(m_anna).status, 200);
    QTRY_VERIFY(annaElsewhere->types().contains(QStringLiteral("task.read")));
    const QJsonObject event = annaElsewhere->messages.last();
    QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("task.read"));
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    QCOMPARE(qint64(data.value(QStringLiteral("id")).toDouble()), m_task);
    QCOMPARE(data.value(QStringLiteral("unread")).toInt(), 0);
    // The contact marks its own; Anna's stream hears nothing of it.
    QCOMPARE(unread(m_client), 1);
    QCOMPARE(markRead(m_client).status, 200);
    QTRY_VERIFY(client->types().contains(QStringLiteral("task.read")));
    QCOMPARE(unread(m_client), 0);
    // A last event everyone hears, so that what they did not get is known not to come.
    comment(
        m_boris, QStringLiteral("two"), {{QStringLiteral("notifiedIds"), QJsonArray {m_clientId}}});
    for (const auto *o : {annaElsewhere.get(), boris.get(), admin.get(), client.get()})
        QTRY_COMPARE(o->types().count(QStringLiteral("comment.created")), 1);
    QCOMPARE(annaElsewhere->types().count(QStringLiteral("task.read")), 1);
    QCOMPARE(client->types().count(QStringLiteral("task.read")), 1);
    QVERIFY(!boris->types().contains(QStringLiteral("task.read")));
    QVERIFY(!admin->types().contains(QStringLiteral("task.read")));
}

void TestApiReads::marksSurviveARestart()
{
    const qint64 first = comment(m_boris, QStringLiteral("one"));
    comment(m_boris, QStringLiteral("two"));
    QCOMPARE(
        markRead(m_anna, QJsonDocument(QJsonObject {{QStringLiteral("commentId"), first}}).toJson())
            .status,
        200);
    s->restart();
    QCOMPARE(lastRead(m_anna), first);
    QCOMPARE(unread(m_anna), 1);
}

void TestApiReads::longThreadsCountToTheCap()
{
    for (int i = 0; i < 105; ++i)
        comment(m_boris, QStringLiteral("line %1").arg(i));
    QCOMPARE(unread(m_anna), 100); // the list shows "99+"
    QCOMPARE(markRead(m_anna).status, 200);
    QCOMPARE(unread(m_anna), 0);
}

void TestApiReads::commentsAContactMayNotSeeDoNotMoveItsList()
{
    const HttpResult t = s->post(QStringLiteral("/api/v1/tasks"),
        {{QStringLiteral("title"), QStringLiteral("Newer")},
            {QStringLiteral("counterpartyId"), m_clientId}},
        m_admin);
    QCOMPARE(t.status, 201);
    const qint64 newer = qint64(t.json.value(QStringLiteral("id")).toDouble());
    auto order = [this](const QString &token) {
        QList<qint64> ids;
        for (const QJsonValue &v : s->get(QStringLiteral("/api/v1/tasks?status=all"), token)
                                       .json.value(QStringLiteral("items"))
                                       .toArray())
            ids << qint64(v.toObject().value(QStringLiteral("id")).toDouble());
        return ids;
    };
    auto activity = [this](const QString &token) {
        return s->get(QStringLiteral("/api/v1/tasks/%1").arg(m_task), token)
            .json.value(QStringLiteral("lastActivityAt"))
            .toString();
    };
    QCOMPARE(order(m_client), (QList<qint64> {newer, m_task}));
    const QString before = activity(m_client);
    QTest::qWait(5); // timestamps are to the millisecond

    // Said among the staff: their lists move, the client's does not — not even its time.
    comment(m_boris, QStringLiteral("between us"), {{QStringLiteral("internal"), true}});
    comment(m_boris, QStringLiteral("for nobody else"),
        {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), QJsonArray {}}});
    comment(m_boris, QStringLiteral("staff only, not addressed to the client"));
    QCOMPARE(order(m_anna), (QList<qint64> {m_task, newer}));
    QCOMPARE(order(m_client), (QList<qint64> {newer, m_task}));
    QCOMPARE(activity(m_client), before);
    QVERIFY(activity(m_anna) > before);
    // Paging by cursor follows the same order.
    const HttpResult first = s->get(QStringLiteral("/api/v1/tasks?status=all&limit=1"), m_client);
    QCOMPARE(first.json.value(QStringLiteral("items")).toArray().size(), 1);
    const QString cursor = first.json.value(QStringLiteral("nextCursor")).toString();
    QVERIFY(!cursor.isEmpty());
    const HttpResult second
        = s->get(QStringLiteral("/api/v1/tasks?status=all&limit=1&cursor=") + cursor, m_client);
    QCOMPARE(qint64(second.json.value(QStringLiteral("items"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("id"))
                        .toDouble()),
        m_task);

    // A comment addressed to the client moves it, as it would for anyone.
    comment(m_boris, QStringLiteral("for you"),
        {{QStringLiteral("notifiedIds"), QJsonArray {m_clientId}}});
    QCOMPARE(order(m_client), (QList<qint64> {m_task, newer}));
    QVERIFY(activity(m_client) > before);
}

void TestApiReads::markingEverythingRead()
{
    const HttpResult other = s->post(QStringLiteral("/api/v1/tasks"),
        {{QStringLiteral("title"), QStringLiteral("Other")},
            {QStringLiteral("assigneeIds"), QJsonArray {m_annaId}}},
        m_admin);
    const qint64 otherTask = qint64(other.json.value(QStringLiteral("id")).toDouble());
    const qint64 one = comment(
        m_boris, QStringLiteral("one"), {{QStringLiteral("notifiedIds"), QJsonArray {m_clientId}}});
    comment(m_boris, QStringLiteral("two"));
    QCOMPARE(s->post(QStringLiteral("/api/v1/tasks/%1/comments").arg(otherTask),
                  {{QStringLiteral("text"), QStringLiteral("elsewhere")}}, m_boris)
                 .status,
        201);
    const qint64 hidden = comment(m_boris, QStringLiteral("for the administrator"),
        {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), QJsonArray {}}});
    QCOMPARE(unread(m_anna), 2);
    const auto annaElsewhere = stream(m_anna);
    const auto client = stream(m_client);

    HttpResult r = s->request("POST", QStringLiteral("/api/v1/tasks/read"), m_anna);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("marked")).toInt(), 2); // both tasks
    QCOMPARE(unread(m_anna), 0);
    QCOMPARE(s->get(QStringLiteral("/api/v1/tasks/%1").arg(otherTask), m_anna)
                 .json.value(QStringLiteral("unread"))
                 .toInt(),
        0);
    // Her mark stops before the comment she may not see: the administrator's, not hers.
    QVERIFY(lastRead(m_anna) < hidden);
    QTRY_VERIFY(annaElsewhere->types().contains(QStringLiteral("task.read")));
    QVERIFY(annaElsewhere->messages.last()
                .value(QStringLiteral("data"))
                .toObject()
                .value(QStringLiteral("all"))
                .toBool());
    // Others' counts are theirs.
    QCOMPARE(unread(m_admin), 3);
    QCOMPARE(unread(m_client), 1);
    // Nothing left to mark: nothing moves, nobody is told.
    r = s->request("POST", QStringLiteral("/api/v1/tasks/read"), m_anna);
    QCOMPARE(r.json.value(QStringLiteral("marked")).toInt(), 0);
    // The client marks its own, and only the tasks it may see.
    r = s->request("POST", QStringLiteral("/api/v1/tasks/read"), m_client);
    QCOMPARE(r.json.value(QStringLiteral("marked")).toInt(), 1);
    QCOMPARE(unread(m_client), 0);
    QCOMPARE(lastRead(m_client), one); // the one addressed to it
    QTRY_VERIFY(client->types().contains(QStringLiteral("task.read")));
    QCOMPARE(annaElsewhere->types().count(QStringLiteral("task.read")), 1);
}

QTEST_GUILESS_MAIN(TestApiReads)
#include "tst_api_reads.moc"
