#include "telephonyfixture.h"

#include <QTest>

using namespace linecard::testing;

// Where a call record lands (attached task or comment, last active task, card), how it is
// hidden, who owns a shared-handset call, and who may touch calls at all.
class TestTelephonyRecords : public QObject
{
    Q_OBJECT

    static qint64 recordCall(const QJsonObject &comment)
    {
        return idIn(comment.value(QStringLiteral("call")).toObject(), QStringLiteral("id"));
    }

    // A call from +79161234567 ringing op1 (ext 101); returns its id and the caller's contact.
    static std::pair<qint64, qint64> ring(TelephonyFixture &f, const QString &id)
    {
        if (f.event(id, QStringLiteral("INCOMING"), QStringLiteral("101")).status != 200)
            return {0, 0};
        const QJsonObject call = f.call(id);
        return {idIn(call, QStringLiteral("id")), idIn(call, QStringLiteral("contactId"))};
    }
    static bool finish(TelephonyFixture &f, const QString &id)
    {
        return f.event(id, QStringLiteral("ACCEPTED"), QStringLiteral("101")).status == 200
            && f.completed(id, QStringLiteral("101"), QStringLiteral("Success"), 20).status == 200;
    }

private slots:
    // Attached to a task during the call: the record lands there, not on the card.
    void attachedTaskDuringTheCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const auto [callId, contact] = ring(f, QStringLiteral("t1"));
        QVERIFY(callId && contact);
        const qint64 task = f.createTask(contact, QStringLiteral("Delivery"));
        const HttpResult attached
            = f.server.post(QStringLiteral("/api/v1/calls/%1/attach").arg(callId),
                {{QStringLiteral("taskId"), task}}, f.op1Token);
        QCOMPARE(attached.status, 200);
        QCOMPARE(idIn(attached.json, QStringLiteral("attachTaskId")), task);
        QVERIFY(finish(f, QStringLiteral("t1")));
        const QJsonArray onTask = f.taskComments(task);
        QCOMPARE(onTask.size(), 1);
        QCOMPARE(recordCall(onTask.first().toObject()), callId);
        QCOMPARE(f.cardComments(contact).size(), 0);
    }

    // Attached after the end (the window stays open after hang-up): the record moves from
    // the card to the task, in place.
    void attachedTaskAfterTheEnd()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const auto [callId, contact] = ring(f, QStringLiteral("t2"));
        QVERIFY(finish(f, QStringLiteral("t2")));
        const QJsonArray card = f.cardComments(contact);
        QCOMPARE(card.size(), 1);
        const qint64 record = idIn(card.first().toObject(), QStringLiteral("id"));
        const qint64 task = f.createTask(contact, QStringLiteral("Complaint"));
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/%1/attach").arg(callId),
                         {{QStringLiteral("taskId"), task}}, f.op1Token)
                     .status,
            200);
        QVERIFY(s1.waitFor(QStringLiteral("comment.updated")));
        QCOMPARE(
            idIn(s1.lastData(QStringLiteral("comment.updated")), QStringLiteral("taskId")), task);
        QCOMPARE(f.cardComments(contact).size(), 0);
        const QJsonArray onTask = f.taskComments(task);
        QCOMPARE(onTask.size(), 1);
        QCOMPARE(idIn(onTask.first().toObject(), QStringLiteral("id")), record);
    }

    // callAttachTarget = lastActiveTask: the contact's most recently active open task;
    // with no open task, the card.
    void lastActiveTask()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QVERIFY(f.patchSettings(
            {{QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}}));
        const auto [first, contact] = ring(f, QStringLiteral("l1"));
        QVERIFY(first && contact);
        const qint64 older = f.createTask(contact, QStringLiteral("Older"));
        const qint64 newer = f.createTask(contact, QStringLiteral("Newer"));
        const qint64 closed = f.createTask(contact, QStringLiteral("Closed"));
        QCOMPARE(f.server
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(closed),
                         {{QStringLiteral("status"), QStringLiteral("done")}}, f.admin)
                     .status,
            200);
        QVERIFY(finish(f, QStringLiteral("l1")));
        QCOMPARE(f.taskComments(newer).size(), 1);
        QCOMPARE(f.taskComments(older).size(), 0);
        QCOMPARE(f.taskComments(closed).size(), 0);
        QCOMPARE(f.cardComments(contact).size(), 0);

        // Activity on the older task makes it the last active one.
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/tasks/%1/comments").arg(older),
                         {{QStringLiteral("text"), QStringLiteral("news")}}, f.op2Token)
                     .status,
            201);
        ring(f, QStringLiteral("l2"));
        QVERIFY(finish(f, QStringLiteral("l2")));
        QCOMPARE(f.taskComments(older).size(), 2);

        // No open task left: the card.
        for (qint64 task : {older, newer})
            f.server.patch(QStringLiteral("/api/v1/tasks/%1").arg(task),
                {{QStringLiteral("status"), QStringLiteral("done")}}, f.admin);
        ring(f, QStringLiteral("l3"));
        QVERIFY(finish(f, QStringLiteral("l3")));
        QCOMPARE(f.cardComments(contact).size(), 1);
    }

    // Attached to the comment the operator writes during the call: that comment carries
    // the call (with its recording once it ends) and no second record is written.
    void attachedComment()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const auto [callId, contact] = ring(f, QStringLiteral("c1"));
        const qint64 task = f.createTask(contact, QStringLiteral("Order"));
        const HttpResult note = f.server.post(QStringLiteral("/api/v1/tasks/%1/comments").arg(task),
            {{QStringLiteral("text"), QStringLiteral("Client wants 3 more boxes")}}, f.op1Token);
        QCOMPARE(note.status, 201);
        const qint64 noteId = idIn(note.json, QStringLiteral("id"));
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/%1/attach").arg(callId),
                         {{QStringLiteral("commentId"), noteId}}, f.op1Token)
                     .status,
            200);
        QVERIFY(
            f.event(QStringLiteral("c1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")).status
            == 200);
        QCOMPARE(f.completed(QStringLiteral("c1"), QStringLiteral("101"), QStringLiteral("Success"),
                      33, QStringLiteral("https://pbx.example/c1.mp3"))
                     .status,
            200);
        const QJsonArray onTask = f.taskComments(task);
        QCOMPARE(onTask.size(), 1);
        const QJsonObject carried = onTask.first().toObject();
        QCOMPARE(carried.value(QStringLiteral("text")).toString(),
            QStringLiteral("Client wants 3 more boxes"));
        const QJsonObject call = carried.value(QStringLiteral("call")).toObject();
        QCOMPARE(idIn(call, QStringLiteral("id")), callId);
        QCOMPARE(call.value(QStringLiteral("duration")).toInt(), 33);
        QCOMPARE(call.value(QStringLiteral("recordingUrl")).toString(),
            QStringLiteral("https://pbx.example/c1.mp3"));
        QCOMPARE(f.cardComments(contact).size(), 0);
        QCOMPARE(idIn(f.call(QStringLiteral("c1")), QStringLiteral("recordCommentId")), noteId);

        // After the end, attaching to a comment replaces the record we wrote.
        const auto [second, sameContact] = ring(f, QStringLiteral("c2"));
        QVERIFY(finish(f, QStringLiteral("c2")));
        QCOMPARE(f.cardComments(sameContact).size(), 1);
        const HttpResult note2
            = f.server.post(QStringLiteral("/api/v1/tasks/%1/comments").arg(task),
                {{QStringLiteral("text"), QStringLiteral("Called back about boxes")}}, f.op1Token);
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/%1/attach").arg(second),
                         {{QStringLiteral("commentId"), idIn(note2.json, QStringLiteral("id"))}},
                         f.op1Token)
                     .status,
            200);
        QCOMPARE(f.cardComments(sameContact).size(), 0);
        // A comment carries one call.
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/%1/attach").arg(second),
                         {{QStringLiteral("commentId"), noteId}}, f.op1Token)
                     .status,
            409);
    }

    // callAttachHidden: the record is a hidden comment for the one who talked; a colleague
    // does not see it, an administrator does.
    void hiddenRecord()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QVERIFY(f.patchSettings({{QStringLiteral("callAttachHidden"), true}}));
        const auto [callId, contact] = ring(f, QStringLiteral("h1"));
        QVERIFY(finish(f, QStringLiteral("h1")));
        const QJsonArray forAdmin = f.cardComments(contact);
        QCOMPARE(forAdmin.size(), 1);
        const QJsonObject record = forAdmin.first().toObject();
        QVERIFY(record.value(QStringLiteral("hidden")).toBool());
        QVERIFY(!record.value(QStringLiteral("internal")).toBool());
        QCOMPARE(record.value(QStringLiteral("visibleToIds")).toArray(), QJsonArray({f.op1}));
        QCOMPARE(f.cardComments(contact, f.op1Token).size(), 1);
        QCOMPARE(f.cardComments(contact, f.op2Token).size(), 0);
        QCOMPARE(recordCall(record), callId);
    }

    // A shared handset: the line's employees ring, the PBX says "answered" without an
    // extension, and one operator takes the call: it is theirs, and so is its record.
    void takeASharedHandsetCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.server
                     .put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
                         {{QStringLiteral("number"), QLatin1String(TelephonyFixture::lineNumber)},
                             {QStringLiteral("name"), QStringLiteral("Sales")},
                             {QStringLiteral("employeeIds"), QJsonArray {f.op1, f.op2}}},
                         f.admin)
                     .status,
            200);
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")) && s2.waitFor(QStringLiteral("hello")));
        QCOMPARE(f.event(QStringLiteral("sh"), QStringLiteral("INCOMING"), QString()).status, 200);
        QVERIFY(s1.waitFor(QStringLiteral("call.ringing"))
            && s2.waitFor(QStringLiteral("call.ringing")));
        const qint64 callId = idIn(f.call(QStringLiteral("sh")), QStringLiteral("id"));
        // Not answered yet: nothing to take.
        QCOMPARE(f.server.post(QStringLiteral("/api/v1/calls/%1/take").arg(callId), {}, f.op2Token)
                     .status,
            409);
        QCOMPARE(f.event(QStringLiteral("sh"), QStringLiteral("ACCEPTED"), QString()).status, 200);
        QVERIFY(s1.waitFor(QStringLiteral("call.answered")));
        QCOMPARE(f.call(QStringLiteral("sh")).value(QStringLiteral("answeredById")), QJsonValue());
        QCOMPARE(f.calls(QStringLiteral("active")).size(), 1);

        const HttpResult taken
            = f.server.post(QStringLiteral("/api/v1/calls/%1/take").arg(callId), {}, f.op2Token);
        QCOMPARE(taken.status, 200);
        const QJsonObject takenCall = taken.json.value(QStringLiteral("call")).toObject();
        QCOMPARE(idIn(takenCall, QStringLiteral("answeredById")), f.op2);
        QVERIFY(taken.json.value(QStringLiteral("contact")).isObject());
        QCOMPARE(taken.json.value(QStringLiteral("line")).toObject().value(QStringLiteral("name")),
            QStringLiteral("Sales"));
        QVERIFY(s1.waitFor(QStringLiteral("call.answered"), 2));
        QCOMPARE(idIn(s1.lastData(QStringLiteral("call.answered"))
                          .value(QStringLiteral("call"))
                          .toObject(),
                     QStringLiteral("answeredById")),
            f.op2);
        f.completed(QStringLiteral("sh"), QString(), QStringLiteral("Success"), 50);
        const QJsonObject ended = f.call(QStringLiteral("sh"));
        QCOMPARE(idIn(ended, QStringLiteral("answeredById")), f.op2);
        const QJsonArray card = f.cardComments(idIn(ended, QStringLiteral("contactId")));
        QCOMPARE(card.size(), 1);
        QCOMPARE(idIn(card.first().toObject(), QStringLiteral("authorId")), f.op2);
        // Over: nothing to take.
        QCOMPARE(f.server.post(QStringLiteral("/api/v1/calls/%1/take").arg(callId), {}, f.op1Token)
                     .status,
            409);
    }

    // Calls are for employees: a contact with access gets 403 from the call endpoints and
    // never sees a record on its own card.
    void contactsSeeNoCalls()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const auto [callId, contact] = ring(f, QStringLiteral("p1"));
        QVERIFY(finish(f, QStringLiteral("p1")));
        QCOMPARE(f.server
                     .put(QStringLiteral("/api/v1/contacts/%1/access").arg(contact),
                         {{QStringLiteral("enabled"), true},
                             {QStringLiteral("login"), QStringLiteral("client")},
                             {QStringLiteral("password"), QStringLiteral("client-password")}},
                         f.admin)
                     .status,
            200);
        const QString client
            = f.server.login(QStringLiteral("client"), QStringLiteral("client-password"));
        QVERIFY(!client.isEmpty());
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/calls"), client).status, 403);
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/calls/%1").arg(callId), client).status, 403);
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/%1/attach").arg(callId),
                         {{QStringLiteral("contactId"), contact}}, client)
                     .status,
            403);
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/dial"),
                         {{QStringLiteral("phone"), QStringLiteral("+79161234567")}}, client)
                     .status,
            403);
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/lines"), client).status, 403);
        QCOMPARE(f.cardComments(contact).size(), 1);
        QCOMPARE(f.cardComments(contact, client).size(), 0);
    }

    // Bad operator input: a clear 4xx and the call unchanged.
    void attachValidation()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const auto [callId, contact] = ring(f, QStringLiteral("v1"));
        const qint64 task = f.createTask(contact, QStringLiteral("T"));
        const QString path = QStringLiteral("/api/v1/calls/%1/attach").arg(callId);
        QCOMPARE(f.server.post(path, {}, f.op1Token).status, 422);
        QCOMPARE(
            f.server
                .post(path, {{QStringLiteral("taskId"), task}, {QStringLiteral("commentId"), 1}},
                    f.op1Token)
                .status,
            422);
        QCOMPARE(f.server.post(path, {{QStringLiteral("taskId"), 99999}}, f.op1Token).status, 422);
        QCOMPARE(f.server.post(path, {{QStringLiteral("taskId"), QStringLiteral("7")}}, f.op1Token)
                     .status,
            422);
        QCOMPARE(
            f.server.post(path, {{QStringLiteral("commentId"), 99999}}, f.op1Token).status, 422);
        QCOMPARE(
            f.server.post(path, {{QStringLiteral("contactId"), f.op2}}, f.op1Token).status, 422);
        QCOMPARE(f.server.request("POST", path, f.op1Token, "{not json", "application/json").status,
            400);
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/99999/attach"),
                         {{QStringLiteral("taskId"), task}}, f.op1Token)
                     .status,
            404);
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/calls?state=lost"), f.op1Token).status, 400);
        QCOMPARE(f.server.get(QStringLiteral("/api/v1/calls?limit=500"), f.op1Token).status, 400);
        const QJsonObject call = f.call(QStringLiteral("v1"));
        QCOMPARE(call.value(QStringLiteral("attachTaskId")), QJsonValue());
        QCOMPARE(call.value(QStringLiteral("attachCommentId")), QJsonValue());
        QCOMPARE(idIn(call, QStringLiteral("contactId")), contact);
    }

    // The call list pages newest first.
    void listPages()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(f.event(QStringLiteral("page-%1").arg(i), QStringLiteral("INCOMING"),
                          QStringLiteral("101"))
                         .status,
                200);
        HttpResult page = f.server.get(QStringLiteral("/api/v1/calls?limit=3"), f.op1Token);
        QCOMPARE(page.status, 200);
        QJsonArray items = page.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items.first().toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("page-4"));
        const QString cursor = page.json.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        page = f.server.get(QStringLiteral("/api/v1/calls?limit=3&cursor=") + cursor, f.op1Token);
        items = page.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.last().toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("page-0"));
        QCOMPARE(page.json.value(QStringLiteral("nextCursor")), QJsonValue());
        QCOMPARE(f.calls(QStringLiteral("active")).size(), 5);
    }
};

QTEST_GUILESS_MAIN(TestTelephonyRecords)
#include "tst_telephony_records.moc"
