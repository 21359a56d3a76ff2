#include "telephonyfixture.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

using namespace linecard::testing;

// Zammad's Generic CTI (POST /api/v1/cti/{token}) end to end, in JSON and in form data.
class TestTelephonyZammad : public QObject
{
    Q_OBJECT

    std::unique_ptr<TelephonyFixture> m_clean;

    static QJsonObject body(
        const QString &event, const QString &callId, const QJsonObject &extra = {})
    {
        QJsonObject o {{QStringLiteral("event"), event}, {QStringLiteral("callId"), callId},
            {QStringLiteral("direction"), QStringLiteral("in")},
            {QStringLiteral("from"), QStringLiteral("4930609854180")},
            {QStringLiteral("to"), QStringLiteral("+7 (495) 120-00-01")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    }
    static QString text(const QJsonValue &comment)
    {
        return comment.toObject().value(QStringLiteral("text")).toString();
    }

private slots:
    void cleanupTestCase() { m_clean.reset(); }

    // JSON newCall naming two agents (a group), answer by one, hangup: the call is
    // answered by that agent and the other's window gets the closing event.
    void jsonGroupCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token), s3(f.server, f.op3Token);
        for (EventStream *s : {&s1, &s2, &s3})
            QVERIFY(s->waitFor(QStringLiteral("hello")));
        // Agents by extension and by login.
        const HttpResult r = f.zammad(body(QStringLiteral("newCall"), QStringLiteral("z-1"),
            {{QStringLiteral("user"), QJsonArray {QStringLiteral("101"), QStringLiteral("op2")}},
                {QStringLiteral("queue"), QStringLiteral("sales")}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, QJsonObject());
        QVERIFY(s1.waitFor(QStringLiteral("call.ringing")));
        QVERIFY(s2.waitFor(QStringLiteral("call.ringing")));
        const QJsonObject ringing = s2.lastData(QStringLiteral("call.ringing"));
        QCOMPARE(ringing.value(QStringLiteral("line")).toObject().value(QStringLiteral("name")),
            QStringLiteral("Sales"));
        QCOMPARE(ringing.value(QStringLiteral("call")).toObject().value(QStringLiteral("from")),
            QStringLiteral("4930609854180"));

        QCOMPARE(f.zammad(body(QStringLiteral("answer"), QStringLiteral("z-1"),
                              {{QStringLiteral("answeringNumber"), QStringLiteral("102")},
                                  {QStringLiteral("user"), QStringLiteral("op2")}}))
                     .status,
            200);
        QVERIFY(s1.waitFor(QStringLiteral("call.answered")));
        QCOMPARE(idIn(s1.lastData(QStringLiteral("call.answered"))
                          .value(QStringLiteral("call"))
                          .toObject(),
                     QStringLiteral("answeredById")),
            f.op2);
        QCOMPARE(f.zammad(body(QStringLiteral("hangup"), QStringLiteral("z-1"),
                              {{QStringLiteral("cause"), QStringLiteral("normalClearing")}}))
                     .status,
            200);
        QVERIFY(s2.waitFor(QStringLiteral("call.ended")));
        QVERIFY(s2.waitFor(QStringLiteral("comment.created")));
        // op3 hears of the record (every employee does), never of the call.
        QVERIFY(s3.waitFor(QStringLiteral("comment.created")));
        QCOMPARE(s3.count(QStringLiteral("call.ringing")), 0);
        QCOMPARE(s3.count(QStringLiteral("call.answered")), 0);

        const QJsonObject call = f.call(QStringLiteral("z-1"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op2);
        QCOMPARE(idIn(call, QStringLiteral("providerId")), f.zammadProvider);
        QCOMPARE(
            call.value(QStringLiteral("endReason")).toString(), QStringLiteral("normalClearing"));
        QCOMPARE(call.value(QStringLiteral("targetIds")).toArray(), QJsonArray({f.op1, f.op2}));
        const QJsonArray card = f.cardComments(idIn(call, QStringLiteral("contactId")));
        QCOMPARE(card.size(), 1);
        QVERIFY(text(card.first()).contains(QStringLiteral("answered by op2")));
        QCOMPARE(card.first()
                     .toObject()
                     .value(QStringLiteral("callRecord"))
                     .toObject()
                     .value(QStringLiteral("answeredBy"))
                     .toString(),
            QStringLiteral("op2"));
    }

    // Form data as Zammad's own tests send it: call_id and user[] repeated; the call id
    // of one provider does not collide with the same id of another provider.
    void formWithCallIdAndUserArray()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const Fields common {{QStringLiteral("call_id"), QStringLiteral("shared-id")},
            {QStringLiteral("direction"), QStringLiteral("in")},
            {QStringLiteral("from"), QStringLiteral("+49 30 609854180")},
            {QStringLiteral("to"), QStringLiteral("74951200001")}};
        QCOMPARE(f.zammadForm(Fields {{QStringLiteral("event"), QStringLiteral("newCall")},
                                  {QStringLiteral("user[]"), QStringLiteral("op1")},
                                  {QStringLiteral("user[]"), QStringLiteral("op3")}}
                      + common)
                     .status,
            200);
        QCOMPARE(f.call(QStringLiteral("shared-id")).value(QStringLiteral("targetIds")).toArray(),
            QJsonArray({f.op1, f.op3}));
        QCOMPARE(
            f.event(QStringLiteral("shared-id"), QStringLiteral("INCOMING"), QStringLiteral("102"))
                .status,
            200);
        QCOMPARE(f.calls().size(), 2);
        QCOMPARE(f.zammadForm(Fields {{QStringLiteral("event"), QStringLiteral("hangup")},
                                  {QStringLiteral("cause"), QStringLiteral("cancel")}}
                      + common)
                     .status,
            200);
        QJsonObject zammadCall, planFixCall;
        for (const QJsonValue &v : f.calls())
            (idIn(v.toObject(), QStringLiteral("providerId")) == f.zammadProvider ? zammadCall
                                                                                  : planFixCall)
                = v.toObject();
        QCOMPARE(zammadCall.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(
            zammadCall.value(QStringLiteral("endReason")).toString(), QStringLiteral("cancel"));
        QCOMPARE(planFixCall.value(QStringLiteral("state")).toString(), QStringLiteral("ringing"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 1);
    }

    // Every event twice, or a hangup before its answer: the same record as in order (SPEC 4).
    // Zammad itself drops an answer that comes after the hangup, and keeps the call missed; a
    // call that was answered is no missed call here, so its late answer revives it.
    void reorderAndDuplicates()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        auto newCall = [&](const QString &id) {
            return f.zammad(body(QStringLiteral("newCall"), id,
                {{QStringLiteral("user"), QJsonArray {QStringLiteral("101")}}}));
        };
        auto answer = [&](const QString &id) {
            return f.zammad(body(QStringLiteral("answer"), id,
                {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}));
        };
        auto hangup = [&](const QString &id) {
            return f.zammad(body(QStringLiteral("hangup"), id,
                {{QStringLiteral("cause"), QStringLiteral("normalClearing")}}));
        };
        for (const HttpResult &r :
            {newCall(QStringLiteral("a")), answer(QStringLiteral("a")), hangup(QStringLiteral("a")),
                newCall(QStringLiteral("b")), hangup(QStringLiteral("b")),
                answer(QStringLiteral("b")), answer(QStringLiteral("b")),
                newCall(QStringLiteral("c")), newCall(QStringLiteral("c")),
                answer(QStringLiteral("c")), answer(QStringLiteral("c")),
                hangup(QStringLiteral("c")), hangup(QStringLiteral("c"))})
            QCOMPARE(r.status, 200);
        const QJsonObject a = f.call(QStringLiteral("a"));
        QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(a, QStringLiteral("answeredById")), f.op1);
        for (const QString &id : {QStringLiteral("b"), QStringLiteral("c")}) {
            const QJsonObject other = f.call(id);
            for (const char *key : {"state", "answeredById", "endReason", "contactId", "lineId",
                     "targetIds", "from", "to", "handled"})
                QVERIFY2(other.value(QLatin1String(key)) == a.value(QLatin1String(key)),
                    qPrintable(id + u' ' + QLatin1String(key)));
            QVERIFY(!other.value(QStringLiteral("answeredAt")).toString().isEmpty());
        }
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 0);
        const QJsonArray card = f.cardComments(idIn(a, QStringLiteral("contactId")));
        QCOMPARE(card.size(), 3);
        static const QRegularExpression volatileParts(
            QStringLiteral("\\d+:\\d\\d · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));
        for (const QJsonValue &comment : card)
            QCOMPARE(text(comment).remove(volatileParts), text(card.last()).remove(volatileParts));
    }

    // The late answer is news: the missed call leaves every operator's Missed list at once
    // (call.updated, state ended), its record is rewritten as an answered call's and goes
    // where an answered call's record goes (here the contact's last active task), and the
    // other missed calls from that number are done, as after an answer in order. A mailbox's
    // late answer and an answer after the server gave up (ring timeout, marked by hand) revive
    // nothing.
    void lateAnswerRevivesAMissedCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QVERIFY(f.patchSettings(
            {{QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}}));
        auto send = [&](const QString &event, const QString &id, const QJsonObject &extra) {
            return f.zammad(body(event, id, extra)).status;
        };
        const QJsonObject ringOp1 {{QStringLiteral("user"), QStringLiteral("op1")}};
        const QJsonObject cleared {{QStringLiteral("cause"), QStringLiteral("normalClearing")}};
        QCOMPARE(send(QStringLiteral("newCall"), QStringLiteral("earlier"), ringOp1), 200);
        QCOMPARE(send(QStringLiteral("hangup"), QStringLiteral("earlier"),
                     {{QStringLiteral("cause"), QStringLiteral("cancel")}}),
            200);
        const qint64 contact = idIn(f.call(QStringLiteral("earlier")), QStringLiteral("contactId"));
        QVERIFY(contact);
        const qint64 task = f.createTask(contact, QStringLiteral("Open question"));

        QCOMPARE(send(QStringLiteral("newCall"), QStringLiteral("late"), ringOp1), 200);
        QCOMPARE(send(QStringLiteral("hangup"), QStringLiteral("late"), cleared), 200);
        QCOMPARE(f.call(QStringLiteral("late")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 2);
        QCOMPARE(f.cardComments(contact).size(), 2);

        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")) && s2.waitFor(QStringLiteral("hello")));
        QCOMPARE(send(QStringLiteral("answer"), QStringLiteral("late"),
                     {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}),
            200);
        const QJsonObject call = f.call(QStringLiteral("late"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op1);
        QCOMPARE(call.value(QStringLiteral("answeredAt")), call.value(QStringLiteral("endedAt")));
        QCOMPARE(
            call.value(QStringLiteral("endReason")).toString(), QStringLiteral("normalClearing"));
        // Someone got through: the earlier missed call from the number is done too.
        QVERIFY(f.calls(QStringLiteral("missed")).isEmpty());
        auto announced = [&] {
            for (const QJsonObject &m : s2.ofType(QStringLiteral("call.updated"))) {
                const QJsonObject c = m.value(QStringLiteral("data"))
                                          .toObject()
                                          .value(QStringLiteral("call"))
                                          .toObject();
                if (c.value(QStringLiteral("externalId")) == QStringLiteral("late")
                    && c.value(QStringLiteral("state")) == QStringLiteral("ended"))
                    return true;
            }
            return false;
        };
        QVERIFY(QTest::qWaitFor(announced, 10000));
        QVERIFY(s1.waitFor(QStringLiteral("comment.updated")));
        const QJsonArray onTask = f.taskComments(task);
        QCOMPARE(onTask.size(), 1);
        QVERIFY(text(onTask.first()).contains(QStringLiteral("**Incoming call**")));
        QVERIFY(text(onTask.first()).contains(QStringLiteral("answered by op1")));
        const QJsonArray card = f.cardComments(contact);
        QCOMPARE(card.size(), 1); // the earlier call's record: missed calls stay on the card
        QVERIFY(text(card.first()).contains(QStringLiteral("**Missed call**")));

        // Not revived: a mailbox's answer, the ring timeout's and an operator's end.
        QCOMPARE(send(QStringLiteral("newCall"), QStringLiteral("box"), ringOp1), 200);
        QCOMPARE(send(QStringLiteral("hangup"), QStringLiteral("box"), cleared), 200);
        QCOMPARE(send(QStringLiteral("answer"), QStringLiteral("box"),
                     {{QStringLiteral("user"), QStringLiteral("voicemail")}}),
            200);
        QCOMPARE(f.call(QStringLiteral("box")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));
        QCOMPARE(send(QStringLiteral("newCall"), QStringLiteral("stuck"), ringOp1), 200);
        const qint64 stuck = idIn(f.call(QStringLiteral("stuck")), QStringLiteral("id"));
        QCOMPARE(
            f.server
                .post(QStringLiteral("/api/v1/calls/%1/end").arg(stuck), QJsonObject(), f.op1Token)
                .status,
            200);
        QCOMPARE(send(QStringLiteral("answer"), QStringLiteral("stuck"),
                     {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}),
            200);
        const QJsonObject ended = f.call(QStringLiteral("stuck"));
        QCOMPARE(ended.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(ended.value(QStringLiteral("endReason")).toString(), QStringLiteral("manual"));
    }

    // Zammad's model: an inbound call hung up while still in newCall is missed whatever the
    // cause (normalClearing included); a cause this server does not know is taken and kept.
    void unansweredHangupIsMissedWhateverTheCause_data()
    {
        QTest::addColumn<QString>("cause");
        QTest::newRow("normalClearing") << QStringLiteral("normalClearing");
        QTest::newRow("cancel") << QStringLiteral("cancel");
        QTest::newRow("busy") << QStringLiteral("busy");
        QTest::newRow("congestion") << QStringLiteral("congestion");
        QTest::newRow("unknown") << QStringLiteral("meteorStrike");
    }
    void unansweredHangupIsMissedWhateverTheCause()
    {
        QFETCH(QString, cause);
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        QCOMPARE(f.zammad(body(QStringLiteral("newCall"), QStringLiteral("m"),
                              {{QStringLiteral("user"), QStringLiteral("op1")}}))
                     .status,
            200);
        QVERIFY(s1.waitFor(QStringLiteral("call.ringing")));
        QCOMPARE(f.zammad(body(QStringLiteral("hangup"), QStringLiteral("m"),
                              {{QStringLiteral("cause"), cause}}))
                     .status,
            200);
        QVERIFY(s1.waitFor(QStringLiteral("call.missed")));
        QCOMPARE(s1.count(QStringLiteral("call.ended")), 0);
        const QJsonObject call = f.call(QStringLiteral("m"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(call.value(QStringLiteral("endReason")).toString(), cause);
        QVERIFY(call.value(QStringLiteral("answeredAt")).isNull());
        QVERIFY(call.value(QStringLiteral("answeredById")).isNull());
        QCOMPARE(call.value(QStringLiteral("duration")).toInt(), 0);
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 1);
    }

    // An answered call hung up with a cause this server does not know ends as usual.
    void unknownCauseEndsAnAnsweredCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("u"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        f.zammad(body(QStringLiteral("answer"), QStringLiteral("u"),
            {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}));
        QCOMPARE(f.zammad(body(QStringLiteral("hangup"), QStringLiteral("u"),
                              {{QStringLiteral("cause"), QStringLiteral("transferFailed")}}))
                     .status,
            200);
        const QJsonObject call = f.call(QStringLiteral("u"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(
            call.value(QStringLiteral("endReason")).toString(), QStringLiteral("transferFailed"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op1);
    }

    // Zammad's queue field: stored with the call, in the REST JSON and in the events.
    void queueIsKept()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("q1"),
            {{QStringLiteral("user"), QStringLiteral("op1")},
                {QStringLiteral("queue"), QStringLiteral("Support 2nd level")}}));
        QVERIFY(s1.waitFor(QStringLiteral("call.ringing")));
        QCOMPARE(s1.lastData(QStringLiteral("call.ringing"))
                     .value(QStringLiteral("call"))
                     .toObject()
                     .value(QStringLiteral("queue"))
                     .toString(),
            QStringLiteral("Support 2nd level"));
        // Later events without the field keep it.
        f.zammad(body(QStringLiteral("answer"), QStringLiteral("q1"),
            {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}));
        f.zammad(body(QStringLiteral("hangup"), QStringLiteral("q1"),
            {{QStringLiteral("cause"), QStringLiteral("normalClearing")}}));
        QVERIFY(s1.waitFor(QStringLiteral("call.ended")));
        QJsonObject call = f.call(QStringLiteral("q1"));
        QCOMPARE(
            call.value(QStringLiteral("queue")).toString(), QStringLiteral("Support 2nd level"));
        call = f.server
                   .get(QStringLiteral("/api/v1/calls/%1").arg(idIn(call, QStringLiteral("id"))),
                       f.op1Token)
                   .json;
        QCOMPARE(
            call.value(QStringLiteral("queue")).toString(), QStringLiteral("Support 2nd level"));
        // A call without a queue has none.
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("q2"), {}));
        QVERIFY(f.call(QStringLiteral("q2")).value(QStringLiteral("queue")).isNull());
    }

    // An answered call whose hang-up never comes ends after LINECARD_CALL_MAX_DURATION as
    // ended, reason timeout: it leaves the current calls and its windows hear call.ended.
    // A ringing call is the ring timeout's business and stays.
    void answeredCallsEndAfterTheMaximumDuration()
    {
        qputenv("LINECARD_CALL_MAX_DURATION", "2");
        auto unset = qScopeGuard([] { qunsetenv("LINECARD_CALL_MAX_DURATION"); });
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("stuck"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        QElapsedTimer clock;
        clock.start();
        f.zammad(body(QStringLiteral("answer"), QStringLiteral("stuck"),
            {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}));
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("ringing"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        QCOMPARE(f.calls(QStringLiteral("active")).size(), 2);
        QVERIFY(s1.waitFor(QStringLiteral("call.ended"), 1, 15000));
        QVERIFY(clock.elapsed() >= 1500); // not before its time
        const QJsonObject ended
            = s1.lastData(QStringLiteral("call.ended")).value(QStringLiteral("call")).toObject();
        QCOMPARE(ended.value(QStringLiteral("externalId")).toString(), QStringLiteral("stuck"));
        QCOMPARE(ended.value(QStringLiteral("endReason")).toString(), QStringLiteral("timeout"));
        const QJsonObject stored = f.call(QStringLiteral("stuck"));
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(stored, QStringLiteral("answeredById")), f.op1);
        QVERIFY(stored.value(QStringLiteral("endedById")).isNull());
        const QJsonArray active = f.calls(QStringLiteral("active"));
        QCOMPARE(active.size(), 1);
        QCOMPARE(active.first().toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("ringing"));
        QCOMPARE(f.call(QStringLiteral("ringing")).value(QStringLiteral("state")).toString(),
            QStringLiteral("ringing"));
        // A hang-up that comes after all changes nothing but what it may add.
        QCOMPARE(f.zammad(body(QStringLiteral("hangup"), QStringLiteral("stuck"),
                              {{QStringLiteral("cause"), QStringLiteral("normalClearing")}}))
                     .status,
            200);
        QCOMPARE(f.call(QStringLiteral("stuck")).value(QStringLiteral("endReason")).toString(),
            QStringLiteral("timeout"));
    }

    // An operator marks a stuck call as ended: POST /calls/{id}/end, recorded who did, the
    // windows hear it; a call already over is a 409, an unknown one a 404, no sign-in a 401.
    void operatorMarksAStuckCallAsEnded()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        QVERIFY(s2.waitFor(QStringLiteral("hello")));
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("talk"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        f.zammad(body(QStringLiteral("answer"), QStringLiteral("talk"),
            {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}));
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("ring"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        const qint64 talk = idIn(f.call(QStringLiteral("talk")), QStringLiteral("id"));
        const qint64 ring = idIn(f.call(QStringLiteral("ring")), QStringLiteral("id"));
        auto end = [&](qint64 id, const QString &token) {
            return f.server.post(
                QStringLiteral("/api/v1/calls/%1/end").arg(id), QJsonObject(), token);
        };

        HttpResult r = end(talk, f.op2Token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(r.json.value(QStringLiteral("endReason")).toString(), QStringLiteral("manual"));
        QCOMPARE(idIn(r.json, QStringLiteral("endedById")), f.op2);
        QCOMPARE(idIn(r.json, QStringLiteral("answeredById")), f.op1);
        QVERIFY(s1.waitFor(QStringLiteral("call.ended")));
        QCOMPARE(
            idIn(s1.lastData(QStringLiteral("call.ended")).value(QStringLiteral("call")).toObject(),
                QStringLiteral("endedById")),
            f.op2);
        const QJsonObject stored = f.call(QStringLiteral("talk"));
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(stored, QStringLiteral("endedById")), f.op2);

        // A ringing incoming call ended by hand is missed.
        r = end(ring, f.op1Token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QVERIFY(s1.waitFor(QStringLiteral("call.missed")));
        QCOMPARE(f.calls(QStringLiteral("active")).size(), 0);

        // Refusals change nothing.
        QCOMPARE(end(talk, f.op1Token).status, 409);
        QCOMPARE(idIn(f.call(QStringLiteral("talk")), QStringLiteral("endedById")), f.op2);
        QCOMPARE(end(999999, f.op1Token).status, 404);
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("third"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        const qint64 third = idIn(f.call(QStringLiteral("third")), QStringLiteral("id"));
        QCOMPARE(end(third, QString()).status, 401);
        QCOMPARE(f.call(QStringLiteral("third")).value(QStringLiteral("state")).toString(),
            QStringLiteral("ringing"));
    }

    // A mailbox that picks up is no answer: the call is missed. Busy and noAnswer too.
    void voicemailAndCauses()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("vm"),
            {{QStringLiteral("user"), QStringLiteral("op1")}}));
        f.zammad(body(QStringLiteral("answer"), QStringLiteral("vm"),
            {{QStringLiteral("user"), QStringLiteral("voicemail")}}));
        f.zammad(body(QStringLiteral("hangup"), QStringLiteral("vm"),
            {{QStringLiteral("cause"), QStringLiteral("normalClearing")}}));
        QJsonObject call = f.call(QStringLiteral("vm"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(call.value(QStringLiteral("endReason")).toString(), QStringLiteral("voicemail"));

        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("na"), {}));
        f.zammad(body(QStringLiteral("hangup"), QStringLiteral("na"),
            {{QStringLiteral("cause"), QStringLiteral("noAnswer")}}));
        QCOMPARE(f.call(QStringLiteral("na")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));

        const QJsonObject out {{QStringLiteral("direction"), QStringLiteral("out")},
            {QStringLiteral("from"), QStringLiteral("+74951200001")},
            {QStringLiteral("to"), QStringLiteral("+79161234567")},
            {QStringLiteral("user"), QStringLiteral("op2")}};
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("busy"), out));
        QJsonObject hang = body(QStringLiteral("hangup"), QStringLiteral("busy"), out);
        hang.insert(QStringLiteral("cause"), QStringLiteral("busy"));
        f.zammad(hang);
        call = f.call(QStringLiteral("busy"));
        QCOMPARE(call.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(call.value(QStringLiteral("endReason")).toString(), QStringLiteral("busy"));
        QCOMPARE(idIn(call, QStringLiteral("lineId")), f.lineId);
        QCOMPARE(call.value(QStringLiteral("to")).toString(), QStringLiteral("+79161234567"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 2);
    }

    // A recording link on a repeated hangup (an extension of the format) joins the record.
    void lateRecordingOnRepeatedHangup()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        f.zammad(body(QStringLiteral("newCall"), QStringLiteral("rec"),
            {{QStringLiteral("user"), QStringLiteral("101")}}));
        f.zammad(body(QStringLiteral("answer"), QStringLiteral("rec"),
            {{QStringLiteral("answeringNumber"), QStringLiteral("101")}}));
        f.zammad(body(QStringLiteral("hangup"), QStringLiteral("rec"),
            {{QStringLiteral("cause"), QStringLiteral("normalClearing")}}));
        QCOMPARE(f.zammad(body(QStringLiteral("hangup"), QStringLiteral("rec"),
                              {{QStringLiteral("cause"), QStringLiteral("normalClearing")},
                                  {QStringLiteral("recordingUrl"),
                                      QStringLiteral("https://rec.example/z.wav")}}))
                     .status,
            200);
        const QJsonObject call = f.call(QStringLiteral("rec"));
        QCOMPARE(call.value(QStringLiteral("recordingUrl")).toString(),
            QStringLiteral("https://rec.example/z.wav"));
        const QJsonArray card = f.cardComments(idIn(call, QStringLiteral("contactId")));
        QCOMPARE(card.size(), 1);
        QVERIFY(text(card.first()).contains(QStringLiteral("https://rec.example/z.wav")));
    }

    void badRequestsStoreNothing_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        const QString t = QLatin1String(TelephonyFixture::zammadToken);
        const QByteArray json = "application/json";
        const QByteArray form = "application/x-www-form-urlencoded";
        const QByteArray ok = R"({"event":"newCall","callId":"q","from":"+79161234567"})";
        QTest::newRow("unknown token") << QStringLiteral("zm-token-9999") << ok << json << 401;
        QTest::newRow("planfix token")
            << QString::fromLatin1(TelephonyFixture::planFixToken) << ok << json << 403;
        QTest::newRow("malformed json") << t << QByteArray(R"({"event":"newCall",)") << json << 400;
        QTest::newRow("json array") << t << QByteArray(R"(["newCall"])") << json << 400;
        QTest::newRow("nested object")
            << t << QByteArray(R"({"event":"newCall","callId":{"a":1}})") << json << 400;
        QTest::newRow("unknown event")
            << t << QByteArray(R"({"event":"ring","callId":"q"})") << json << 400;
        QTest::newRow("no call id") << t << QByteArray(R"({"event":"newCall"})") << json << 400;
        QTest::newRow("bad direction")
            << t << QByteArray(R"({"event":"newCall","callId":"q","direction":"up"})") << json
            << 400;
        QTest::newRow("cause too long") << t
                                        << QByteArray(R"({"event":"hangup","callId":"q","cause":")"
                                               + QByteArray(31, 'x') + R"("})")
                                        << json << 422;
        QTest::newRow("queue too long") << t
                                        << QByteArray(R"({"event":"newCall","callId":"q","queue":")"
                                               + QByteArray(201, 'x') + R"("})")
                                        << json << 422;
        QTest::newRow("script recording")
            << t
            << QByteArray(
                   R"x({"event":"hangup","callId":"q","recordingUrl":"javascript:alert(1)"})x")
            << json << 422;
        QTest::newRow("form without event") << t << QByteArray("callId=q&from=1") << form << 400;
        QTest::newRow("form not utf-8")
            << t << QByteArray("event=newCall&callId=q&from=\xc3\x28") << form << 400;
        QTest::newRow("too many users")
            << t << QByteArray("event=newCall&callId=q" + QByteArray("&user[]=a").repeated(51))
            << form << 422;
    }
    void badRequestsStoreNothing()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        // Bad requests store nothing, so one server serves every row.
        if (!m_clean)
            m_clean = std::make_unique<TelephonyFixture>();
        TelephonyFixture &f = *m_clean;
        QVERIFY(f.ready());
        const HttpResult r = f.server.request(
            "POST", QStringLiteral("/api/v1/cti/") + token, {}, body, contentType);
        QCOMPARE(r.status, status);
        QVERIFY(!r.errorCode().isEmpty());
        QCOMPARE(f.calls().size(), 0);
        QCOMPARE(f.contactCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTelephonyZammad)
#include "tst_telephony_zammad.moc"
