#include "testserver.h"

#include "server/servercontext.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>

using namespace linecard::testing;

namespace {

// One client of GET /api/v1/events: a real QWebSocket that keeps every message it got.
class Stream
{
public:
    Stream()
    {
        QObject::connect(ws.get(), &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages << QJsonDocument::fromJson(text.toUtf8()).object();
        });
        QObject::connect(ws.get(), &QWebSocket::disconnected, [this] { closed = true; });
    }
    ~Stream() { ws->abort(); }

    std::unique_ptr<QWebSocket> ws = std::make_unique<QWebSocket>();
    QList<QJsonObject> messages;
    bool closed = false;

    // Waits for the server's first message (or for the close).
    bool waitForFirst()
    {
        return QTest::qWaitFor([this] { return !messages.isEmpty() || closed; }, 5000);
    }
    bool waitForClose()
    {
        return QTest::qWaitFor([this] { return closed; }, 5000);
    }
    bool waitForEvents(int n)
    {
        return QTest::qWaitFor([this, n] { return events().size() >= n || closed; }, 5000)
            && events().size() >= n;
    }

    QJsonObject hello() const { return messages.value(0); }
    // The events proper: everything with a seq but the hello.
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type != QLatin1String("hello") && type != QLatin1String("resync"))
                out << m;
        }
        return out;
    }
    qint64 lastSeq() const
    {
        const QList<QJsonObject> e = events();
        return e.isEmpty() ? qint64(hello().value(QStringLiteral("seq")).toDouble())
                           : qint64(e.last().value(QStringLiteral("seq")).toDouble());
    }
};

// "type:id" of an event: the comment, task or contact it is about (the survivor for a merge).
QString key(const QJsonObject &event)
{
    const QString type = event.value(QStringLiteral("type")).toString();
    const QJsonObject data = event.value(QStringLiteral("data")).toObject();
    const QJsonValue id = type == QLatin1String("contact.merged")
        ? data.value(QStringLiteral("survivorId"))
        : data.value(QStringLiteral("id"));
    return QStringLiteral("%1:%2").arg(type).arg(qint64(id.toDouble()));
}

QStringList keys(const QList<QJsonObject> &events)
{
    QStringList out;
    for (const QJsonObject &e : events)
        out << key(e);
    return out;
}

QString ev(const QString &type, qint64 id)
{
    return QStringLiteral("%1:%2").arg(type).arg(id);
}

qint64 idOf(const QJsonObject &o)
{
    return qint64(o.value(QStringLiteral("id")).toDouble());
}

QJsonArray jsonIds(const QList<qint64> &list)
{
    QJsonArray a;
    for (qint64 id : list)
        a.append(id);
    return a;
}

} // namespace

// The event stream of SPEC section 5 over a real WebSocket: hello, authentication, each
// user getting only what the visibility rule lets it see, ordering, replay with "since",
// resync, sign-out and revocation closing streams, and keep-alive pings.
class TestApiEvents : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> s;
    QString admin;

    void start(int pingMs = 20000)
    {
        s = std::make_unique<TestServer>(pingMs);
        admin = s->bootstrapAdmin();
    }

    QUrl streamUrl(const QString &token, std::optional<qint64> since = std::nullopt)
    {
        QUrl url = s->url(QStringLiteral("/api/v1/events"));
        url.setScheme(QStringLiteral("ws"));
        QUrlQuery query;
        if (!token.isNull())
            query.addQueryItem(QStringLiteral("token"), token);
        if (since)
            query.addQueryItem(QStringLiteral("since"), QString::number(*since));
        url.setQuery(query);
        return url;
    }

    // A stream that has received its first message.
    std::unique_ptr<Stream> open(const QString &token, std::optional<qint64> since = std::nullopt)
    {
        auto stream = std::make_unique<Stream>();
        stream->ws->open(streamUrl(token, since));
        if (!stream->waitForFirst())
            qWarning("the event stream said nothing");
        return stream;
    }
    std::unique_ptr<Stream> openWithHeader(const QString &token)
    {
        auto stream = std::make_unique<Stream>();
        QNetworkRequest request(streamUrl(QString()));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        stream->ws->open(request);
        if (!stream->waitForFirst())
            qWarning("the event stream said nothing");
        return stream;
    }

    qint64 contact(const QString &name, const QJsonObject &extra = {})
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("name"), name);
        return s->createContact(admin, body);
    }
    // A contact with its own login; returns its token.
    QString withAccess(qint64 id, const QString &login)
    {
        const HttpResult r = s->put(QStringLiteral("/api/v1/contacts/%1/access").arg(id),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), QStringLiteral("secret-password")}},
            admin);
        return r.status == 200 ? s->login(login, QStringLiteral("secret-password")) : QString();
    }
    qint64 task(const QString &title, qint64 counterparty, const QList<qint64> &assignees = {},
        const QList<qint64> &participants = {})
    {
        QJsonObject body {{QStringLiteral("title"), title},
            {QStringLiteral("assigneeIds"), jsonIds(assignees)},
            {QStringLiteral("participantIds"), jsonIds(participants)}};
        if (counterparty)
            body.insert(QStringLiteral("counterpartyId"), counterparty);
        const HttpResult r = s->post(QStringLiteral("/api/v1/tasks"), body, admin);
        return r.status == 201 ? idOf(r.json) : 0;
    }
    qint64 comment(qint64 taskId, const QJsonObject &extra, QString token = {})
    {
        QJsonObject body = extra;
        if (!body.contains(QStringLiteral("text")))
            body.insert(QStringLiteral("text"), QStringLiteral("a comment"));
        const HttpResult r = s->post(QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId), body,
            token.isEmpty() ? admin : token);
        if (r.status != 201)
            qWarning("comment: %d %s", r.status, r.raw.constData());
        return r.status == 201 ? idOf(r.json) : 0;
    }
    qint64 cardComment(qint64 contactId, const QJsonObject &extra)
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("text"), QStringLiteral("on the card"));
        const HttpResult r
            = s->post(QStringLiteral("/api/v1/contacts/%1/comments").arg(contactId), body, admin);
        return r.status == 201 ? idOf(r.json) : 0;
    }
    bool rename(qint64 contactId, const QString &name)
    {
        return s->patch(QStringLiteral("/api/v1/contacts/%1").arg(contactId),
                    {{QStringLiteral("name"), name}}, admin)
                   .status
            == 200;
    }
    bool retitle(qint64 taskId, const QString &title)
    {
        return s->patch(QStringLiteral("/api/v1/tasks/%1").arg(taskId),
                    {{QStringLiteral("title"), title}}, admin)
                   .status
            == 200;
    }

    // Every event carries a seq, strictly increasing, after `from` (default: the hello's seq;
    // a replay starts after its "since" instead).
    static bool seqIncreases(const Stream &stream, std::optional<qint64> from = std::nullopt)
    {
        qint64 previous
            = from.value_or(qint64(stream.hello().value(QStringLiteral("seq")).toDouble()));
        for (const QJsonObject &e : stream.events()) {
            const qint64 seq = qint64(e.value(QStringLiteral("seq")).toDouble());
            if (seq <= previous)
                return false;
            previous = seq;
        }
        return true;
    }

private slots:
    void cleanup() { s.reset(); }

    // The first message is {"type":"hello","seq":N} with the last seq so far; the token
    // may come in the query or in an Authorization header.
    void helloComesFirst()
    {
        start();
        const auto first = open(admin);
        QCOMPARE(first->messages.size(), 1);
        QCOMPARE(first->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QVERIFY(first->hello().value(QStringLiteral("seq")).isDouble());
        const qint64 adminId = idOf(s->get(QStringLiteral("/api/v1/me"), admin).json);
        QCOMPARE(qint64(first->hello()
                            .value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("userId"))
                            .toDouble()),
            adminId);

        const qint64 a = contact(QStringLiteral("First"));
        const qint64 b = contact(QStringLiteral("Second"));
        QVERIFY(first->waitForEvents(2));
        QCOMPARE(keys(first->events()),
            (QStringList {ev(QStringLiteral("contact.updated"), a),
                ev(QStringLiteral("contact.updated"), b)}));
        QVERIFY(seqIncreases(*first));

        // a later stream says hello with the seq of the last event
        const auto second = openWithHeader(admin);
        QCOMPARE(second->messages.size(), 1);
        QCOMPARE(second->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(qint64(second->hello().value(QStringLiteral("seq")).toDouble()), first->lastSeq());
        QCOMPARE(second->ws->state(), QAbstractSocket::ConnectedState);
        // and both get what follows
        const qint64 c = contact(QStringLiteral("Third"));
        QVERIFY(second->waitForEvents(1));
        QVERIFY(first->waitForEvents(3));
        QCOMPARE(keys(second->events()), QStringList {ev(QStringLiteral("contact.updated"), c)});
        QCOMPARE(second->events().first(), first->events().last());
        QCOMPARE(s->server().context().events.connectionCount(), 2);
    }

    // Every answer says how far the event stream its data is (Linecard-Event-Seq): a write's,
    // the seq of its own event, even when later events went out before it; a read's, at
    // least the newest event sent before it. A refusal changes nothing and says nothing.
    void answersSayHowFarTheStreamIs()
    {
        start();
        const qint64 client = contact(QStringLiteral("Client"));
        const auto stream = open(admin);
        const qint64 t = task(QStringLiteral("Task"), client);
        QVERIFY(client && t);
        QVERIFY(stream->waitForEvents(1));
        const HttpResult retitled = s->patch(QStringLiteral("/api/v1/tasks/%1").arg(t),
            {{QStringLiteral("title"), QStringLiteral("Retitled")}}, admin);
        QCOMPARE(retitled.status, 200);
        QVERIFY(stream->waitForEvents(2));
        const qint64 ownEvent = stream->lastSeq();
        QCOMPARE(retitled.header("linecard-event-seq").toLongLong(), ownEvent);

        const HttpResult read = s->get(QStringLiteral("/api/v1/tasks/%1").arg(t), admin);
        QCOMPARE(read.status, 200);
        QVERIFY(read.header("Linecard-Event-Seq").toLongLong() >= ownEvent);
        QCOMPARE(read.json.value(QStringLiteral("title")).toString(), QStringLiteral("Retitled"));

        const HttpResult refused = s->patch(QStringLiteral("/api/v1/tasks/%1").arg(t),
            {{QStringLiteral("title"), QString()}}, admin);
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.header("Linecard-Event-Seq").isEmpty());
        QCOMPARE(s->get(QStringLiteral("/api/v1/nothing-here"), admin).header("Linecard-Event-Seq"),
            QByteArray());

        // A write answered after a later change went out still names its own event.
        if (s->usesPostgres())
            return; // answers wait for a shared flush on SQLite only
        HeldFlushes held(*s);
        QNetworkAccessManager network;
        const QString path = QStringLiteral("/api/v1/tasks/%1").arg(t);
        QNetworkReply *first = s->send(network, "PATCH", path, admin, R"({"title":"First"})");
        QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 15000));
        QVERIFY(stream->waitForEvents(3));
        const qint64 firstEvent = stream->lastSeq();
        QNetworkReply *second = s->send(network, "PATCH", path, admin, R"({"title":"Second"})");
        QVERIFY(stream->waitForEvents(4));
        QVERIFY(!first->isFinished());
        held.release.release(1000);
        QVERIFY(
            QTest::qWaitFor([&] { return first->isFinished() && second->isFinished(); }, 15000));
        QCOMPARE(first->rawHeader("Linecard-Event-Seq").toLongLong(), firstEvent);
        QCOMPARE(second->rawHeader("Linecard-Event-Seq").toLongLong(), stream->lastSeq());
    }

    // Without a valid token the socket is closed with code 4401 and nothing is streamed.
    void badTokenIsClosed()
    {
        start();
        for (const QString &token :
            {QStringLiteral("not-a-token"), QString(), QStringLiteral("")}) {
            const auto stream = open(token);
            QVERIFY(stream->waitForClose());
            QCOMPARE(int(stream->ws->closeCode()), 4401);
            for (const QJsonObject &m : stream->messages) {
                QVERIFY(m.value(QStringLiteral("type")).toString() != QLatin1String("hello"));
                QCOMPARE(m.value(QStringLiteral("error"))
                             .toObject()
                             .value(QStringLiteral("code"))
                             .toString(),
                    QStringLiteral("unauthorized"));
            }
        }
        const auto viaHeader = openWithHeader(QStringLiteral("forged"));
        QVERIFY(viaHeader->waitForClose());
        QCOMPARE(int(viaHeader->ws->closeCode()), 4401);
        QCOMPARE(s->server().context().events.connectionCount(), 0);
        // an event published now reaches no one, and a good token still works
        contact(QStringLiteral("Unheard"));
        const auto good = open(admin);
        QCOMPARE(good->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
    }

    // An employee hears of comments, tasks, contact changes and merges, in order.
    void employeeReceivesEverything()
    {
        start();
        const qint64 empId = s->createEmployee(admin, QStringLiteral("emp"));
        const QString emp = s->login(QStringLiteral("emp"), QStringLiteral("emp-password"));
        QVERIFY(empId && !emp.isEmpty());
        const auto stream = open(emp);
        const auto adminStream = open(admin);

        const qint64 client = contact(QStringLiteral("Client"));
        QVERIFY(rename(client, QStringLiteral("Client Renamed")));
        const qint64 t = task(QStringLiteral("Task"), client, {empId});
        QVERIFY(retitle(t, QStringLiteral("Task, retitled")));
        const qint64 plain = comment(t, {});
        const qint64 internal = comment(t, {{QStringLiteral("internal"), true}});
        const qint64 hiddenForEmp = comment(t,
            {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), jsonIds({empId})}});
        const qint64 hiddenFromEmp = comment(t, {{QStringLiteral("hidden"), true}});
        const qint64 onCard = cardComment(client, {});
        const qint64 dup = contact(QStringLiteral("Client Duplicate"));
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts/%1/merge").arg(client),
                      {{QStringLiteral("mergeIds"), jsonIds({dup})}}, admin)
                     .status,
            200);
        QVERIFY(t && plain && internal && hiddenForEmp && hiddenFromEmp && onCard && dup);

        const QStringList forEmployee {ev(QStringLiteral("contact.updated"), client),
            ev(QStringLiteral("contact.updated"), client), ev(QStringLiteral("task.created"), t),
            ev(QStringLiteral("task.updated"), t), ev(QStringLiteral("comment.created"), plain),
            ev(QStringLiteral("comment.created"), internal),
            ev(QStringLiteral("comment.created"), hiddenForEmp),
            ev(QStringLiteral("comment.created"), onCard),
            ev(QStringLiteral("contact.updated"), dup),
            ev(QStringLiteral("contact.merged"), client)};
        QVERIFY(stream->waitForEvents(forEmployee.size()));
        // the admin sees the one hidden comment the employee may not; once that has arrived
        // everything published before it has reached the employee's socket too
        QVERIFY(adminStream->waitForEvents(forEmployee.size() + 1));
        QCOMPARE(keys(stream->events()), forEmployee);
        QStringList forAdmin = forEmployee;
        forAdmin.insert(7, ev(QStringLiteral("comment.created"), hiddenFromEmp));
        QCOMPARE(keys(adminStream->events()), forAdmin);
        QVERIFY(seqIncreases(*stream));
        QVERIFY(seqIncreases(*adminStream));

        // the payloads are the API's objects
        const QList<QJsonObject> events = stream->events();
        QCOMPARE(events[1]
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("Client Renamed"));
        QCOMPARE(events[3]
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("title"))
                     .toString(),
            QStringLiteral("Task, retitled"));
        QCOMPARE(events[4].value(QStringLiteral("data")).toObject(),
            s->get(QStringLiteral("/api/v1/comments/%1").arg(plain), admin).json);
        const QJsonObject merged = events.last().value(QStringLiteral("data")).toObject();
        QCOMPARE(merged.value(QStringLiteral("mergedIds")).toArray(), jsonIds({dup}));
        QCOMPARE(idOf(merged.value(QStringLiteral("contact")).toObject()), client);
        // the same event has the same seq on every socket
        QCOMPARE(stream->events().last(), adminStream->events().last());
    }

    // A contact with access hears only of its tasks and of the comments the visibility
    // rule shows it (contactsSeeOnlyNotified on, then off), never of merges.
    void contactReceivesOnlyWhatItMaySee()
    {
        start();
        const qint64 empId = s->createEmployee(admin, QStringLiteral("emp"));
        const qint64 me = contact(QStringLiteral("Client"));
        const qint64 other = contact(QStringLiteral("Other Client"));
        const QString token = withAccess(me, QStringLiteral("client"));
        QVERIFY(empId && me && other && !token.isEmpty());
        QCOMPARE(s->get(QStringLiteral("/api/v1/settings"), admin)
                     .json.value(QStringLiteral("contactsSeeOnlyNotified"))
                     .toBool(),
            true);
        const qint64 mine = task(QStringLiteral("Mine"), me, {empId});
        const qint64 notMine = task(QStringLiteral("Not mine"), other, {empId});
        QVERIFY(mine && notMine);

        const auto stream = open(token);
        QCOMPARE(qint64(stream->hello()
                            .value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("userId"))
                            .toDouble()),
            me);
        const auto employee = open(admin);

        const qint64 notAddressed = comment(mine, {});
        const qint64 notified = comment(mine, {{QStringLiteral("notifiedIds"), jsonIds({me})}});
        const qint64 internal = comment(mine,
            {{QStringLiteral("internal"), true}, {QStringLiteral("notifiedIds"), jsonIds({me})}});
        const qint64 hiddenOthers = comment(mine,
            {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), jsonIds({empId})}});
        const qint64 hiddenForMe = comment(mine,
            {{QStringLiteral("hidden"), true}, {QStringLiteral("visibleToIds"), jsonIds({me})}});
        const qint64 otherTask = comment(notMine, {{QStringLiteral("notifiedIds"), jsonIds({me})}});
        const qint64 foreignTask = task(QStringLiteral("Foreign"), other);
        const qint64 participating = task(QStringLiteral("Participating"), other, {}, {me});
        QVERIFY(retitle(mine, QStringLiteral("Mine, retitled")));
        QVERIFY(retitle(notMine, QStringLiteral("Not mine, retitled")));
        const qint64 myCardNotified
            = cardComment(me, {{QStringLiteral("notifiedIds"), jsonIds({me})}});
        const qint64 myCardPlain = cardComment(me, {});
        const qint64 otherCard
            = cardComment(other, {{QStringLiteral("notifiedIds"), jsonIds({me})}});
        QVERIFY(rename(other, QStringLiteral("Other Client, renamed")));
        const qint64 dup = contact(QStringLiteral("Other Duplicate"));
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts/%1/merge").arg(other),
                      {{QStringLiteral("mergeIds"), jsonIds({dup})}}, admin)
                     .status,
            200);
        const qint64 byMe
            = comment(mine, {{QStringLiteral("text"), QStringLiteral("from me")}}, token);
        QVERIFY(rename(me, QStringLiteral("Client, renamed"))); // the last one: a sentinel
        QVERIFY(notAddressed && notified && internal && hiddenOthers && hiddenForMe && otherTask
            && foreignTask && participating && myCardNotified && myCardPlain && otherCard && byMe);

        const QStringList expected {ev(QStringLiteral("comment.created"), notified),
            ev(QStringLiteral("comment.created"), hiddenForMe),
            ev(QStringLiteral("task.created"), participating),
            ev(QStringLiteral("task.updated"), mine),
            ev(QStringLiteral("comment.created"), myCardNotified),
            ev(QStringLiteral("comment.created"), byMe), ev(QStringLiteral("contact.updated"), me)};
        QVERIFY(stream->waitForEvents(expected.size()));
        QCOMPARE(keys(stream->events()), expected);
        QVERIFY(seqIncreases(*stream));
        // the (admin) employee got all 18 (comments, tasks, updates, the merge)
        QVERIFY(employee->waitForEvents(18));
        QCOMPARE(employee->events().size(), 18);
        QVERIFY(keys(employee->events()).contains(ev(QStringLiteral("contact.merged"), other)));
        for (const QJsonObject &e : stream->events())
            QVERIFY(employee->events().contains(e)); // same message, same seq

        // contactsSeeOnlyNotified off: what is not addressed to it reaches it too, but still
        // nothing internal or hidden and nothing of other tasks
        QCOMPARE(s->patch(QStringLiteral("/api/v1/settings"),
                      {{QStringLiteral("contactsSeeOnlyNotified"), false}}, admin)
                     .status,
            200);
        const qint64 plainNow = comment(mine, {});
        comment(mine, {{QStringLiteral("internal"), true}});
        comment(mine, {{QStringLiteral("hidden"), true}});
        comment(notMine, {});
        const qint64 plainCard = cardComment(me, {});
        QVERIFY(rename(me, QStringLiteral("Client, again")));
        QVERIFY(stream->waitForEvents(expected.size() + 3));
        QCOMPARE(keys(stream->events().mid(expected.size())),
            (QStringList {ev(QStringLiteral("comment.created"), plainNow),
                ev(QStringLiteral("comment.created"), plainCard),
                ev(QStringLiteral("contact.updated"), me)}));

        // taken off the task: it hears of that change, then of nothing on the task
        const int before = int(stream->events().size());
        QCOMPARE(s->patch(QStringLiteral("/api/v1/tasks/%1").arg(mine),
                      {{QStringLiteral("counterpartyId"), other}}, admin)
                     .status,
            200);
        comment(mine, {});
        QVERIFY(retitle(mine, QStringLiteral("Gone")));
        QVERIFY(rename(me, QStringLiteral("Client, the last")));
        QVERIFY(stream->waitForEvents(before + 2));
        QCOMPARE(keys(stream->events().mid(before)),
            (QStringList {ev(QStringLiteral("task.updated"), mine),
                ev(QStringLiteral("contact.updated"), me)}));
        // ... that it changed, not what it became (who the new counterparty is).
        QCOMPARE(stream->events().at(before).value(QStringLiteral("data")).toObject(),
            (QJsonObject {{QStringLiteral("id"), mine}}));
    }

    // Reconnecting with since=<last seq> replays exactly the missed events that user may
    // see, in order, then goes on live; since=<current seq> replays nothing.
    void replayAfterReconnect()
    {
        start();
        const qint64 empId = s->createEmployee(admin, QStringLiteral("emp"));
        const QString emp = s->login(QStringLiteral("emp"), QStringLiteral("emp-password"));
        const qint64 me = contact(QStringLiteral("Client"));
        const QString token = withAccess(me, QStringLiteral("client"));
        const qint64 t = task(QStringLiteral("Shared"), me, {empId});
        QVERIFY(!emp.isEmpty() && !token.isEmpty() && t);

        auto empStream = open(emp);
        auto clientStream = open(token);
        const qint64 seen = comment(t, {{QStringLiteral("notifiedIds"), jsonIds({me})}});
        QVERIFY(empStream->waitForEvents(1));
        QVERIFY(clientStream->waitForEvents(1));
        QCOMPARE(keys(clientStream->events()),
            QStringList {ev(QStringLiteral("comment.created"), seen)});
        const qint64 empLast = empStream->lastSeq();
        const qint64 clientLast = clientStream->lastSeq();
        QCOMPARE(empLast, clientLast);

        empStream->ws->close();
        clientStream->ws->close();
        QVERIFY(empStream->waitForClose());
        QVERIFY(clientStream->waitForClose());
        QTRY_COMPARE(s->server().context().events.connectionCount(), 0);

        // while they are away
        const qint64 missedNotified = comment(t, {{QStringLiteral("notifiedIds"), jsonIds({me})}});
        const qint64 missedPlain = comment(t, {});
        QVERIFY(retitle(t, QStringLiteral("Shared, retitled")));
        const qint64 missedContact = contact(QStringLiteral("Someone New"));
        const qint64 missedInternal = comment(t, {{QStringLiteral("internal"), true}});
        QVERIFY(missedNotified && missedPlain && missedContact && missedInternal);

        empStream = open(emp, empLast);
        clientStream = open(token, clientLast);
        QVERIFY(empStream->waitForEvents(5));
        QVERIFY(clientStream->waitForEvents(2));
        QCOMPARE(keys(empStream->events()),
            (QStringList {ev(QStringLiteral("comment.created"), missedNotified),
                ev(QStringLiteral("comment.created"), missedPlain),
                ev(QStringLiteral("task.updated"), t),
                ev(QStringLiteral("contact.updated"), missedContact),
                ev(QStringLiteral("comment.created"), missedInternal)}));
        QCOMPARE(qint64(empStream->events().first().value(QStringLiteral("seq")).toDouble()),
            empLast + 1);
        QVERIFY(seqIncreases(*empStream, empLast));
        // the hello comes first and already names the newest seq
        QCOMPARE(
            empStream->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(qint64(empStream->hello().value(QStringLiteral("seq")).toDouble()),
            empStream->lastSeq());

        // then live: a sentinel published now is the next thing each gets
        QVERIFY(rename(me, QStringLiteral("Client, back")));
        QVERIFY(empStream->waitForEvents(6));
        QVERIFY(clientStream->waitForEvents(3));
        QCOMPARE(keys(clientStream->events()),
            (QStringList {ev(QStringLiteral("comment.created"), missedNotified),
                ev(QStringLiteral("task.updated"), t), ev(QStringLiteral("contact.updated"), me)}));
        QCOMPARE(keys(empStream->events()).last(), ev(QStringLiteral("contact.updated"), me));
        QVERIFY(seqIncreases(*empStream, empLast));
        QVERIFY(seqIncreases(*clientStream, clientLast));
        QCOMPARE(empStream->events().size(), 6);

        // since = the newest seq: nothing to replay; the next message is the next event
        const qint64 now = empStream->lastSeq();
        const auto upToDate = open(emp, now);
        QVERIFY(rename(me, QStringLiteral("Client, once more")));
        QVERIFY(upToDate->waitForEvents(1));
        QCOMPARE(upToDate->messages.size(), 2);
        QCOMPARE(
            qint64(upToDate->events().first().value(QStringLiteral("seq")).toDouble()), now + 1);
        // replays that start in the middle give the tail only
        const auto partial = open(emp, now - 2);
        QVERIFY(partial->waitForEvents(3));
        QCOMPARE(partial->events().mid(0, 3), empStream->events().mid(4, 2) + upToDate->events());
    }

    // A "since" the log cannot serve gets {"type":"resync"} after the hello: a negative one,
    // one ahead of the log (the client saw an event whose commit a power loss took), and one
    // older than the oldest event kept once the log has been pruned.
    void resyncWhenTheLogNoLongerReaches()
    {
        start();
        contact(QStringLiteral("Early"));
        for (qint64 since : {-1, -5, 1000}) {
            const auto stream = open(admin, since);
            QTRY_COMPARE(stream->messages.size(), 2);
            QCOMPARE(
                stream->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
            QCOMPARE(stream->messages.at(1).value(QStringLiteral("type")).toString(),
                QStringLiteral("resync"));
            QCOMPARE(stream->ws->state(), QAbstractSocket::ConnectedState);
        }
        // since=0 on a log that still holds everything replays everything
        {
            const auto fromStart = open(admin, 0);
            QVERIFY(fromStart->waitForEvents(1));
            QCOMPARE(fromStart->messages.at(1).value(QStringLiteral("type")).toString(),
                QStringLiteral("contact.updated"));
        }
        QTRY_COMPARE(s->server().context().events.connectionCount(), 0);

        // The log keeps the last 10,000 events (pruned every 1,000 appends): overflow it
        // through the server's own publisher in one transaction, which costs well under a
        // second, instead of 11,000 HTTP calls.
        auto &ctx = s->server().context();
        {
            linecard::server::Transaction tx(ctx.db);
            for (int i = 0; i < 11000; ++i)
                ctx.events.publish(linecard::protocol::EventType::ContactUpdated,
                    QJsonObject {{QStringLiteral("id"), i}},
                    linecard::server::EventAudience::employees());
            tx.commit();
        }
        const qint64 last = ctx.events
                                .publish(linecard::protocol::EventType::ContactUpdated,
                                    QJsonObject {{QStringLiteral("id"), -1}},
                                    linecard::server::EventAudience::employees())
                                .seq;
        QVERIFY(last > 11000);
        for (qint64 since : {qint64(0), qint64(1), qint64(500)}) {
            const auto stale = open(admin, since);
            QTRY_COMPARE(stale->messages.size(), 2);
            QCOMPARE(stale->messages.at(1).value(QStringLiteral("type")).toString(),
                QStringLiteral("resync"));
            QCOMPARE(qint64(stale->hello().value(QStringLiteral("seq")).toDouble()), last);
        }
        // a since still inside the log replays the tail as usual
        const auto recent = open(admin, last - 3);
        QVERIFY(recent->waitForEvents(3));
        QCOMPARE(recent->messages.size(), 4);
        QCOMPARE(
            qint64(recent->events().first().value(QStringLiteral("seq")).toDouble()), last - 2);
        QCOMPARE(qint64(recent->events().last().value(QStringLiteral("seq")).toDouble()), last);
    }

    // POST /auth/logout closes the streams of that token (4401), not the user's others;
    // taking a contact's access away signs it out everywhere (4401); merging it closes its
    // streams (4403).
    void signOutAndRevocationCloseStreams()
    {
        start();
        const QString second = s->login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        QVERIFY(!second.isEmpty() && second != admin);
        const auto firstStream = open(admin);
        const auto firstAgain = openWithHeader(admin);
        const auto secondStream = open(second);
        QCOMPARE(s->server().context().events.connectionCount(), 3);

        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/logout"), {}, admin).status, 204);
        QVERIFY(firstStream->waitForClose());
        QVERIFY(firstAgain->waitForClose());
        QCOMPARE(int(firstStream->ws->closeCode()), 4401);
        QCOMPARE(int(firstAgain->ws->closeCode()), 4401);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), admin).status, 401);
        // the other token's stream goes on
        const QString revoked = admin;
        admin = second;
        const qint64 c = contact(QStringLiteral("Still Heard"));
        QVERIFY(secondStream->waitForEvents(1));
        QCOMPARE(
            keys(secondStream->events()), QStringList {ev(QStringLiteral("contact.updated"), c)});
        QVERIFY(!secondStream->closed);
        // a signed-out token cannot open a new stream
        const auto reopened = open(revoked);
        QVERIFY(reopened->waitForClose());
        QCOMPARE(int(reopened->ws->closeCode()), 4401);

        // access taken away
        const qint64 client = contact(QStringLiteral("Client"));
        const QString clientToken = withAccess(client, QStringLiteral("client"));
        const auto clientStream = open(clientToken);
        QCOMPARE(clientStream->hello().value(QStringLiteral("type")).toString(),
            QStringLiteral("hello"));
        QCOMPARE(s->put(QStringLiteral("/api/v1/contacts/%1/access").arg(client),
                      {{QStringLiteral("enabled"), false}}, admin)
                     .status,
            200);
        QVERIFY(clientStream->waitForClose());
        QCOMPARE(int(clientStream->ws->closeCode()), 4401);
        const auto refused = open(clientToken);
        QVERIFY(refused->waitForClose());
        QCOMPARE(int(refused->ws->closeCode()), 4401);

        // merged away
        const qint64 dup = contact(QStringLiteral("Duplicate"));
        const QString dupToken = withAccess(dup, QStringLiteral("dup"));
        const auto dupStream = open(dupToken);
        QCOMPARE(
            dupStream->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(s->post(QStringLiteral("/api/v1/contacts/%1/merge").arg(client),
                      {{QStringLiteral("mergeIds"), jsonIds({dup})}}, admin)
                     .status,
            200);
        QVERIFY(dupStream->waitForClose());
        QCOMPARE(int(dupStream->ws->closeCode()), 4403);
        for (const QJsonObject &e : dupStream->events())
            QVERIFY(e.value(QStringLiteral("type")).toString() != QLatin1String("contact.merged"));
        QTRY_COMPARE(s->server().context().events.connectionCount(), 1);
    }

    // The server pings every interval; a QWebSocket client (which answers by itself) stays
    // connected across many intervals, while a client that never answers is dropped.
    void pingsKeepAliveAndDropTheSilent()
    {
        start(200);
        const auto stream = open(admin);
        QCOMPARE(stream->hello().value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QSignalSpy disconnected(stream->ws.get(), &QWebSocket::disconnected);

        // A raw client that speaks WebSocket but never answers a ping.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, s->server().port());
        QTRY_COMPARE(raw.state(), QAbstractSocket::ConnectedState);
        raw.write("GET /api/v1/events?token=" + admin.toUtf8()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray buffer;
        QList<int> opcodes; // of the frames the server sent
        QSignalSpy rawClosed(&raw, &QTcpSocket::disconnected);
        QObject::connect(&raw, &QTcpSocket::readyRead, [&] {
            buffer += raw.readAll();
            if (buffer.startsWith("HTTP/")) {
                const int end = int(buffer.indexOf("\r\n\r\n"));
                if (end < 0)
                    return;
                opcodes << (buffer.startsWith("HTTP/1.1 101") ? 101 : -1);
                buffer.remove(0, end + 4);
            }
            while (buffer.size() >= 2) {
                qint64 length = quint8(buffer[1]) & 0x7f;
                int header = 2;
                if (length == 126) {
                    if (buffer.size() < 4)
                        return;
                    length = (quint8(buffer[2]) << 8) | quint8(buffer[3]);
                    header = 4;
                } else if (length == 127) {
                    return; // the server sends nothing that large here
                }
                if (buffer.size() < header + length)
                    return;
                opcodes << (quint8(buffer[0]) & 0x0f);
                buffer.remove(0, int(header + length));
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(opcodes.contains(0x9), 5000); // a ping frame
        QCOMPARE(opcodes.value(0), 101); // upgraded
        QCOMPARE(opcodes.value(1), 0x1); // then the hello, as text
        // unanswered, the server gives up on it within a couple of intervals
        QTRY_VERIFY_WITH_TIMEOUT(raw.state() == QAbstractSocket::UnconnectedState, 5000);

        // meanwhile the answering client has lived through many intervals (≥ 2 pings have
        // passed since the silent one was pinged); wait several more to be sure
        QVERIFY(!disconnected.wait(1200));
        QCOMPARE(stream->ws->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(s->server().context().events.connectionCount(), 1);
        const qint64 c = contact(QStringLiteral("Still Streaming"));
        QVERIFY(stream->waitForEvents(1));
        QCOMPARE(keys(stream->events()), QStringList {ev(QStringLiteral("contact.updated"), c)});
    }
};

QTEST_GUILESS_MAIN(TestApiEvents)
#include "tst_api_events.moc"
