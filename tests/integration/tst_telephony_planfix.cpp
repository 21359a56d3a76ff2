#include "telephonyfixture.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

using namespace linecard::testing;

// The PlanFix telephony API (POST /tel/api) end to end: real form-encoded requests into
// the real server, checked through the REST API and the operators' event streams.
class TestTelephonyPlanFix : public QObject
{
    Q_OBJECT

    std::unique_ptr<TelephonyFixture> m_clean;

    static QString text(const QJsonValue &comment)
    {
        return comment.toObject().value(QStringLiteral("text")).toString();
    }

private slots:
    void cleanupTestCase() { m_clean.reset(); }

    // One answered call: the caller becomes a contact, the call goes ringing → answered →
    // ended, and its record lands on the new contact's card.
    void answeredCallLandsOnTheCard()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream op1(f.server, f.op1Token);
        QVERIFY(op1.waitFor(QStringLiteral("hello")));

        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("INCOMING"), QStringLiteral("101")).status,
            200);
        QVERIFY(op1.waitFor(QStringLiteral("call.ringing")));
        const QJsonObject ringing = op1.lastData(QStringLiteral("call.ringing"));
        const QJsonObject call = ringing.value(QStringLiteral("call")).toObject();
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ringing"));
        QCOMPARE(call.value(QStringLiteral("from")).toString(), QStringLiteral("+79161234567"));
        QCOMPARE(idIn(call, QStringLiteral("lineId")), f.lineId);
        QCOMPARE(ringing.value(QStringLiteral("line")).toObject().value(QStringLiteral("color")),
            QStringLiteral("#2e7d32"));
        const QJsonObject contact = ringing.value(QStringLiteral("contact")).toObject();
        // Named after the number in international format, the number stored in E.164.
        QCOMPARE(
            contact.value(QStringLiteral("name")).toString(), QStringLiteral("+7 916 123-45-67"));
        QCOMPARE(contact.value(QStringLiteral("phones"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("number"))
                     .toString(),
            QStringLiteral("+79161234567"));
        QCOMPARE(contact.value(QStringLiteral("phones")).toArray().size(), 1);

        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")).status,
            200);
        QVERIFY(op1.waitFor(QStringLiteral("call.answered")));
        QCOMPARE(f.completed(QStringLiteral("c1"), QStringLiteral("101"), QStringLiteral("Success"),
                      125, QStringLiteral("https://pbx.example/rec/c1.mp3"))
                     .status,
            200);
        QVERIFY(op1.waitFor(QStringLiteral("call.ended")));

        const QJsonObject stored = f.call(QStringLiteral("c1"));
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(stored, QStringLiteral("answeredById")), f.op1);
        QCOMPARE(stored.value(QStringLiteral("duration")).toInt(), 125);
        QCOMPARE(stored.value(QStringLiteral("recordingUrl")).toString(),
            QStringLiteral("https://pbx.example/rec/c1.mp3"));
        const qint64 contactId = idIn(stored, QStringLiteral("contactId"));
        QCOMPARE(contactId, idIn(contact, QStringLiteral("id")));
        const QJsonArray card = f.cardComments(contactId);
        QCOMPARE(card.size(), 1);
        const QJsonObject record = card.first().toObject();
        QCOMPARE(idIn(record.value(QStringLiteral("call")).toObject(), QStringLiteral("id")),
            idIn(stored, QStringLiteral("id")));
        QCOMPARE(idIn(record, QStringLiteral("authorId")), f.op1);
        QVERIFY(record.value(QStringLiteral("internal")).toBool());
        QVERIFY(text(record).contains(QStringLiteral("Incoming call")));
        QVERIFY(text(record).contains(QStringLiteral("Sales")));
        QVERIFY(text(record).contains(QStringLiteral("2:05")));
        QVERIFY(text(record).contains(QStringLiteral("https://pbx.example/rec/c1.mp3")));
        QCOMPARE(
            idIn(stored, QStringLiteral("recordCommentId")), idIn(record, QStringLiteral("id")));
        QVERIFY(op1.waitFor(QStringLiteral("comment.created")));
    }

    // A group ring: INCOMING per extension with one callid; each operator's window opens
    // once; ACCEPTED by 102 closes the others' windows (call.answered), their COMPLETED +
    // Cancelled changes nothing more, and one record lands.
    void groupRingAnsweredByOne()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token), s3(f.server, f.op3Token),
            s4(f.server, f.op4Token);
        for (EventStream *s : {&s1, &s2, &s3, &s4})
            QVERIFY(s->waitFor(QStringLiteral("hello")));

        const QString id = QStringLiteral("group-1");
        for (const char *ext : {"101", "102", "103"})
            QCOMPARE(f.event(id, QStringLiteral("INCOMING"), QLatin1String(ext)).status, 200);
        for (EventStream *s : {&s1, &s2, &s3})
            QVERIFY(s->waitFor(QStringLiteral("call.ringing")));
        QCOMPARE(f.event(id, QStringLiteral("ACCEPTED"), QStringLiteral("102")).status, 200);
        for (EventStream *s : {&s1, &s2, &s3}) {
            QVERIFY(s->waitFor(QStringLiteral("call.answered")));
            const QJsonObject call = s->lastData(QStringLiteral("call.answered"))
                                         .value(QStringLiteral("call"))
                                         .toObject();
            QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op2);
        }
        QCOMPARE(f.completed(id, QStringLiteral("101"), QStringLiteral("Cancelled")).status, 200);
        QCOMPARE(f.completed(id, QStringLiteral("103"), QStringLiteral("Cancelled")).status, 200);
        QCOMPARE(f.call(id).value(QStringLiteral("state")).toString(), QStringLiteral("answered"));
        QCOMPARE(f.completed(id, QStringLiteral("102"), QStringLiteral("Success"), 30).status, 200);
        for (EventStream *s : {&s1, &s2, &s3})
            QVERIFY(s->waitFor(QStringLiteral("call.ended")));

        // Everything about the call went to its three targets, once each; op4 heard nothing.
        QVERIFY(s4.waitFor(QStringLiteral("comment.created")));
        QCOMPARE(s4.count(QStringLiteral("call.ringing")), 0);
        QCOMPARE(s4.count(QStringLiteral("call.answered")), 0);
        QCOMPARE(s4.count(QStringLiteral("call.ended")), 0);
        for (EventStream *s : {&s1, &s2, &s3}) {
            QCOMPARE(s->count(QStringLiteral("call.ringing")), 1);
            QCOMPARE(s->count(QStringLiteral("call.answered")), 1);
            QCOMPARE(s->count(QStringLiteral("call.ended")), 1);
        }
        const QJsonObject call = f.call(id);
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op2);
        QCOMPARE(call.value(QStringLiteral("duration")).toInt(), 30);
        QCOMPARE(
            call.value(QStringLiteral("targetIds")).toArray(), QJsonArray({f.op1, f.op2, f.op3}));
        QCOMPARE(f.cardComments(idIn(call, QStringLiteral("contactId"))).size(), 1);
    }

    // The same call with its events in another order (the hangup before the answer) and
    // with every event twice ends in the same record.
    void orderAndDuplicatesDoNotMatter()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        auto play = [&f](const QString &id, const QList<int> &order, int times) {
            for (int step : order)
                for (int i = 0; i < times; ++i) {
                    HttpResult r;
                    if (step == 0)
                        r = f.event(id, QStringLiteral("INCOMING"), QStringLiteral("101"));
                    else if (step == 1)
                        r = f.event(id, QStringLiteral("ACCEPTED"), QStringLiteral("101"));
                    else
                        r = f.completed(id, QStringLiteral("101"), QStringLiteral("Success"), 61,
                            QStringLiteral("https://pbx.example/r.mp3"));
                    if (r.status != 200)
                        return false;
                }
            return true;
        };
        QVERIFY(play(QStringLiteral("in-order"), {0, 1, 2}, 1));
        QVERIFY(play(QStringLiteral("reordered"), {0, 2, 1}, 1));
        QVERIFY(play(QStringLiteral("twice"), {0, 1, 2}, 2));
        QVERIFY(play(QStringLiteral("twice-reordered"), {2, 0, 1}, 2));

        const QJsonObject reference = f.call(QStringLiteral("in-order"));
        const qint64 contact = idIn(reference, QStringLiteral("contactId"));
        QVERIFY(contact);
        const QJsonArray records = f.cardComments(contact);
        QCOMPARE(records.size(), 4); // one per call, none twice
        static const QRegularExpression time(
            QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"));
        const QString referenceText = text(records.first()).remove(time);
        for (const QString &id : {QStringLiteral("reordered"), QStringLiteral("twice"),
                 QStringLiteral("twice-reordered")}) {
            const QJsonObject call = f.call(id);
            for (const char *key : {"state", "answeredById", "duration", "recordingUrl",
                     "endReason", "contactId", "lineId", "from", "to", "targetIds"})
                QCOMPARE(call.value(QLatin1String(key)), reference.value(QLatin1String(key)));
            bool found = false;
            for (const QJsonValue &r : records)
                if (idIn(
                        r.toObject().value(QStringLiteral("call")).toObject(), QStringLiteral("id"))
                    == idIn(call, QStringLiteral("id"))) {
                    QCOMPARE(text(r).remove(time), referenceText);
                    found = true;
                }
            QVERIFY2(found, qPrintable(id));
        }
        // A duplicate opens no second window: one ringing per call whose ring came first.
        QVERIFY(s1.waitFor(QStringLiteral("call.ended"), 4));
        QCOMPARE(s1.count(QStringLiteral("call.ringing")), 3);
        QCOMPARE(s1.count(QStringLiteral("call.ended")), 4);
        QCOMPARE(f.contactCount(), 1); // one caller, one contact
    }

    // A recording that arrives after the end (cmd=record) joins the same record; one that
    // arrives before the call's first event waits for it.
    void lateRecording()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        f.event(QStringLiteral("late"), QStringLiteral("INCOMING"), QStringLiteral("101"));
        f.event(QStringLiteral("late"), QStringLiteral("ACCEPTED"), QStringLiteral("101"));
        QCOMPARE(f.completed(
                      QStringLiteral("late"), QStringLiteral("101"), QStringLiteral("Success"), 10)
                     .status,
            200);
        const qint64 contact = idIn(f.call(QStringLiteral("late")), QStringLiteral("contactId"));
        QVERIFY(!text(f.cardComments(contact).first()).contains(QStringLiteral("Recording")));

        const HttpResult r = f.planFix({{QStringLiteral("cmd"), QStringLiteral("record")},
            {QStringLiteral("callid"), QStringLiteral("late")},
            {QStringLiteral("record_link"),
                QStringLiteral("https://pbx.example/late.mp3?id=1&x=a+b")}});
        QCOMPARE(r.status, 200);
        QVERIFY(s1.waitFor(QStringLiteral("comment.updated")));
        const QJsonArray card = f.cardComments(contact);
        QCOMPARE(card.size(), 1);
        QVERIFY(
            text(card.first()).contains(QStringLiteral("https://pbx.example/late.mp3?id=1&x=a")));
        QCOMPARE(f.call(QStringLiteral("late")).value(QStringLiteral("recordingUrl")).toString(),
            QStringLiteral("https://pbx.example/late.mp3?id=1&x=a+b"));

        // The recording first, the call after it.
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("record")},
                               {QStringLiteral("callid"), QStringLiteral("early")},
                               {QStringLiteral("record_link"),
                                   QStringLiteral("https://pbx.example/e.mp3")}})
                     .status,
            200);
        QVERIFY(f.call(QStringLiteral("early")).isEmpty());
        f.event(QStringLiteral("early"), QStringLiteral("INCOMING"), QStringLiteral("101"));
        f.completed(QStringLiteral("early"), QStringLiteral("101"), QStringLiteral("Success"), 5);
        QCOMPARE(f.call(QStringLiteral("early")).value(QStringLiteral("recordingUrl")).toString(),
            QStringLiteral("https://pbx.example/e.mp3"));
    }

    // Nobody answers: the call is missed, lands on the card, is in the missed list until
    // handled, and an answered call from the same number later closes the next one.
    void missedCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        QVERIFY(f.patchSettings(
            {{QStringLiteral("callAttachTarget"), QStringLiteral("lastActiveTask")}}));
        f.event(QStringLiteral("m1"), QStringLiteral("INCOMING"), QStringLiteral("101"));
        const qint64 contact = idIn(f.call(QStringLiteral("m1")), QStringLiteral("contactId"));
        const qint64 task = f.createTask(contact, QStringLiteral("Open order"));
        QVERIFY(task);
        QCOMPARE(f.completed(QStringLiteral("m1"), QStringLiteral("101"), QStringLiteral("Missed"))
                     .status,
            200);
        QVERIFY(s1.waitFor(QStringLiteral("call.missed")));
        const QJsonObject missed = f.call(QStringLiteral("m1"));
        QCOMPARE(missed.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(missed.value(QStringLiteral("endReason")).toString(), QStringLiteral("Missed"));
        // Missed calls go to the card whatever callAttachTarget says.
        QCOMPARE(f.cardComments(contact).size(), 1);
        const QJsonObject record = f.cardComments(contact).first().toObject();
        QVERIFY(text(record).contains(QStringLiteral("Missed call")));
        // It says it once: not also "not answered" and "reason: Missed".
        QVERIFY2(!text(record).contains(QStringLiteral("not answered"))
                && !text(record).contains(QStringLiteral("reason")),
            qPrintable(text(record)));
        // The facts clients draw the record from, in their own language.
        const QJsonObject facts = record.value(QStringLiteral("callRecord")).toObject();
        QVERIFY(!facts.isEmpty());
        QVERIFY(facts.contains(QStringLiteral("lineName")));
        QCOMPARE(record.value(QStringLiteral("call")).toObject().value(QStringLiteral("state")),
            QJsonValue(QStringLiteral("missed")));
        QCOMPARE(f.taskComments(task).size(), 0);

        QJsonArray list = f.calls(QStringLiteral("missed"));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(QStringLiteral("externalId")).toString(),
            QStringLiteral("m1"));
        QCOMPARE(f.calls(QStringLiteral("active")).size(), 0);
        const qint64 callId = idIn(missed, QStringLiteral("id"));
        const HttpResult handled
            = f.server.post(QStringLiteral("/api/v1/calls/%1/handled").arg(callId), {}, f.op1Token);
        QCOMPARE(handled.status, 200);
        QVERIFY(handled.json.value(QStringLiteral("handled")).toBool());
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 0);

        // The next missed call stays open until the caller gets through.
        f.event(QStringLiteral("m2"), QStringLiteral("INCOMING"), QStringLiteral("101"));
        f.completed(QStringLiteral("m2"), QStringLiteral("101"), QStringLiteral("Missed"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 1);
        f.event(QStringLiteral("m3"), QStringLiteral("INCOMING"), QStringLiteral("101"), {},
            QStringLiteral("8 (916) 123-45-67"));
        QCOMPARE(f.calls(QStringLiteral("active")).size(), 1);
        f.event(QStringLiteral("m3"), QStringLiteral("ACCEPTED"), QStringLiteral("101"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 0);
        QVERIFY(f.call(QStringLiteral("m2")).value(QStringLiteral("handled")).toBool());
        // Only a missed call can be handled.
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/%1/handled")
                               .arg(idIn(f.call(QStringLiteral("m3")), QStringLiteral("id"))),
                         {}, f.op1Token)
                     .status,
            409);
    }

    // A PBX that never sends the end of a ringing call (a lost request, a restart): after
    // LINECARD_RING_TIMEOUT seconds without a word about it the call ends as missed, its
    // windows hear call.missed and its record lands; a call that is answered, or that its PBX
    // keeps talking about, is left alone.
    void silentRingingCallsExpire()
    {
        qputenv("LINECARD_RING_TIMEOUT", "2");
        auto unset = qScopeGuard([] { qunsetenv("LINECARD_RING_TIMEOUT"); });
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        QCOMPARE(f.event(QStringLiteral("lost"), QStringLiteral("INCOMING"), QStringLiteral("101"))
                     .status,
            200);
        QCOMPARE(f.event(QStringLiteral("talking"), QStringLiteral("INCOMING"),
                      QStringLiteral("101"), {}, QStringLiteral("+79167654321"))
                     .status,
            200);
        f.event(QStringLiteral("talking"), QStringLiteral("ACCEPTED"), QStringLiteral("101"), {},
            QStringLiteral("+79167654321"));
        QCOMPARE(f.event(QStringLiteral("queued"), QStringLiteral("INCOMING"),
                      QStringLiteral("101"), {}, QStringLiteral("+79165550000"))
                     .status,
            200);
        // The queue keeps ringing someone: each word about the call restarts its clock.
        QElapsedTimer clock;
        clock.start();
        while (!s1.count(QStringLiteral("call.missed")) && clock.elapsed() < 10000) {
            f.event(QStringLiteral("queued"), QStringLiteral("INCOMING"), QStringLiteral("102"), {},
                QStringLiteral("+79165550000"));
            QTest::qWait(300);
        }
        QVERIFY(s1.waitFor(QStringLiteral("call.missed")));
        QVERIFY(clock.elapsed() >= 1500); // not before its time
        const QJsonObject missed
            = s1.lastData(QStringLiteral("call.missed")).value(QStringLiteral("call")).toObject();
        QCOMPARE(missed.value(QStringLiteral("externalId")).toString(), QStringLiteral("lost"));
        QCOMPARE(missed.value(QStringLiteral("endReason")).toString(), QStringLiteral("timeout"));
        const QJsonObject stored = f.call(QStringLiteral("lost"));
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("missed"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 1);
        const qint64 contact = idIn(stored, QStringLiteral("contactId"));
        QVERIFY(contact);
        QCOMPARE(f.cardComments(contact).size(), 1); // the missed call's record, as always
        QCOMPARE(f.call(QStringLiteral("talking")).value(QStringLiteral("state")).toString(),
            QStringLiteral("answered"));
        QCOMPARE(f.call(QStringLiteral("queued")).value(QStringLiteral("state")).toString(),
            QStringLiteral("ringing"));
        QTest::qWait(800); // another sweep or two: nothing more ends
        QCOMPARE(s1.count(QStringLiteral("call.missed")), 1);
        // A late end from the PBX after all changes nothing that matters: still one missed call.
        QCOMPARE(
            f.completed(QStringLiteral("lost"), QStringLiteral("101"), QStringLiteral("Missed"))
                .status,
            200);
        QCOMPARE(f.call(QStringLiteral("lost")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));
        QCOMPARE(f.cardComments(contact).size(), 1);
    }

    // An outgoing call that finds the line busy ends (it is not a missed call).
    void outgoingBusy()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QCOMPARE(
            f.event(QStringLiteral("o1"), QStringLiteral("OUTGOING"), QStringLiteral("102")).status,
            200);
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("event")},
                               {QStringLiteral("type"), QStringLiteral("out")},
                               {QStringLiteral("event"), QStringLiteral("COMPLETED")},
                               {QStringLiteral("phone"), QStringLiteral("+79161234567")},
                               {QStringLiteral("ext"), QStringLiteral("102")},
                               {QStringLiteral("callid"), QStringLiteral("o1")},
                               {QStringLiteral("status"), QStringLiteral("Busy")}})
                     .status,
            200);
        const QJsonObject call = f.call(QStringLiteral("o1"));
        QCOMPARE(call.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(call.value(QStringLiteral("endReason")).toString(), QStringLiteral("Busy"));
        QCOMPARE(call.value(QStringLiteral("to")).toString(), QStringLiteral("+79161234567"));
        QCOMPARE(call.value(QStringLiteral("answeredById")), QJsonValue());
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 0);
        const QJsonArray card = f.cardComments(idIn(call, QStringLiteral("contactId")));
        QCOMPARE(card.size(), 1);
        QVERIFY(text(card.first()).contains(QStringLiteral("Outgoing call")));
        QVERIFY(text(card.first()).contains(QStringLiteral("Busy")));
    }

    // Bad tokens: 401 without or with an unknown token, 403 with another format's token;
    // nothing is stored either way.
    void badTokenStoresNothing()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const Fields incoming {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("event"), QStringLiteral("INCOMING")},
            {QStringLiteral("phone"), QStringLiteral("+79161234567")},
            {QStringLiteral("ext"), QStringLiteral("101")},
            {QStringLiteral("callid"), QStringLiteral("x1")}};
        QCOMPARE(f.planFix(incoming, QString()).status, 401);
        QCOMPARE(f.planFix(incoming, QStringLiteral("pf-token-0002")).status, 401);
        QCOMPARE(f.planFix(incoming, QStringLiteral("pf-token-000")).status, 401);
        const HttpResult wrongFormat
            = f.planFix(incoming, QLatin1String(TelephonyFixture::zammadToken));
        QCOMPARE(wrongFormat.status, 403);
        QCOMPARE(wrongFormat.errorCode(), QStringLiteral("forbidden"));
        // A user's bearer token is no provider token.
        QCOMPARE(f.server
                     .request("POST", QStringLiteral("/tel/api"), f.admin, formBody(incoming),
                         "application/x-www-form-urlencoded")
                     .status,
            401);
        QCOMPARE(f.calls().size(), 0);
        QCOMPARE(f.contactCount(), 0);
    }

    // Malformed requests: a clear 4xx naming the problem, and nothing stored.
    void malformedStoresNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        const QByteArray t = "&planfix_token=pf-token-0001";
        const QByteArray ok = "cmd=event&event=INCOMING&phone=%2B79161234567&ext=101&callid=z1";
        QTest::newRow("no cmd") << QByteArray("event=INCOMING&callid=z1" + t) << 400;
        QTest::newRow("unknown cmd") << QByteArray("cmd=hack" + t) << 400;
        QTest::newRow("no callid") << QByteArray("cmd=event&event=INCOMING&phone=1" + t) << 400;
        QTest::newRow("unknown event") << QByteArray("cmd=event&event=RING&callid=z1" + t) << 400;
        QTest::newRow("type clash")
            << QByteArray("cmd=event&type=in&event=OUTGOING&callid=z1" + t) << 422;
        QTest::newRow("bad type") << QByteArray(ok + "&type=sideways" + t) << 400;
        QTest::newRow("no status") << QByteArray("cmd=event&event=COMPLETED&callid=z1" + t) << 400;
        QTest::newRow("bad status")
            << QByteArray("cmd=event&event=COMPLETED&status=Exploded&callid=z1" + t) << 422;
        QTest::newRow("bad duration")
            << QByteArray("cmd=event&event=COMPLETED&status=Success&duration=-5&callid=z1" + t)
            << 422;
        QTest::newRow("text duration")
            << QByteArray("cmd=event&event=COMPLETED&status=Success&duration=long&callid=z1" + t)
            << 422;
        QTest::newRow("script link")
            << QByteArray(ok + "&record_link=javascript:alert(1)" + t) << 422;
        QTest::newRow("record without link") << QByteArray("cmd=record&callid=z1" + t) << 400;
        QTest::newRow("huge callid")
            << QByteArray("cmd=event&event=INCOMING&callid=" + QByteArray(300, 'a') + t) << 422;
        QTest::newRow("not utf-8") << QByteArray(ok + "&phone=\xff\xfe" + t) << 400;
        QTest::newRow("nul") << QByteArray(ok + "&ext=1%0001" + t) << 422;
        QTest::newRow("json instead of form")
            << QByteArray(R"({"cmd":"event","planfix_token":"pf-token-0001"})") << 401;
        QTest::newRow("empty") << QByteArray() << 401;
    }
    void malformedStoresNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        // Bad requests store nothing, so one server serves every row.
        if (!m_clean)
            m_clean = std::make_unique<TelephonyFixture>();
        TelephonyFixture &f = *m_clean;
        QVERIFY(f.ready());
        const HttpResult r = f.server.request(
            "POST", QStringLiteral("/tel/api"), {}, body, "application/x-www-form-urlencoded");
        QCOMPARE(r.status, status);
        QVERIFY(!r.errorCode().isEmpty());
        QCOMPARE(f.calls().size(), 0);
        QCOMPARE(f.contactCount(), 0);
    }

    // A PHP script posting an array of fields sends multipart/form-data; that works too,
    // and so do fields in the URL.
    void multipartAndQueryFields()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QByteArray body;
        for (const auto &[key, value] : Fields {{QStringLiteral("cmd"), QStringLiteral("event")},
                 {QStringLiteral("type"), QStringLiteral("in")},
                 {QStringLiteral("event"), QStringLiteral("INCOMING")},
                 {QStringLiteral("phone"), QStringLiteral("+7 916 123 45 67")},
                 {QStringLiteral("ext"), QStringLiteral("101")},
                 {QStringLiteral("callid"), QStringLiteral("mp-1")},
                 {QStringLiteral("planfix_token"), QLatin1String(TelephonyFixture::planFixToken)}})
            body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + key.toUtf8() + "\"\r\n\r\n"
                + value.toUtf8() + "\r\n";
        body += "--XyZ--\r\n";
        QCOMPARE(f.server
                     .request("POST", QStringLiteral("/tel/api"), {}, body,
                         "multipart/form-data; boundary=XyZ")
                     .status,
            200);
        QCOMPARE(f.call(QStringLiteral("mp-1")).value(QStringLiteral("from")).toString(),
            QStringLiteral("+7 916 123 45 67"));
        QCOMPARE(f.server
                     .request("POST", QStringLiteral("/tel/api"), {}, "--XyZ\r\nbroken",
                         "multipart/form-data; boundary=XyZ")
                     .status,
            400);
        QCOMPARE(f.server
                     .request("POST",
                         QStringLiteral("/tel/api?cmd=event&event=ACCEPTED&ext=101&callid=mp-1&"
                                        "planfix_token=pf-token-0001"))
                     .status,
            200);
        QCOMPARE(f.call(QStringLiteral("mp-1")).value(QStringLiteral("state")).toString(),
            QStringLiteral("answered"));
    }

    // cmd=contact names the caller and the extension of the contact's responsible, so that
    // the PBX can route the call; cmd=ping answers.
    void contactAndPing()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QVERIFY(f.server.createContact(f.admin,
            {{QStringLiteral("name"), QStringLiteral("Ivan Petrov")},
                {QStringLiteral("responsibleId"), f.op3},
                {QStringLiteral("phones"), QJsonArray {QStringLiteral("+7 (916) 555-11-22")}}}));
        HttpResult r = f.planFix({{QStringLiteral("cmd"), QStringLiteral("contact")},
            {QStringLiteral("phone"), QStringLiteral("79165551122")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(
            r.json.value(QStringLiteral("contact_name")).toString(), QStringLiteral("Ivan Petrov"));
        QCOMPARE(r.json.value(QStringLiteral("responsible")).toString(), QStringLiteral("103"));
        r = f.planFix({{QStringLiteral("cmd"), QStringLiteral("contact")},
            {QStringLiteral("phone"), QStringLiteral("+1 555 0100 999")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("contact_name")).toString(), QString());
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("contact")}}).status, 400);
        QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("ping")}}).status, 200);
        QCOMPARE(f.contactCount(), 1); // a lookup creates nobody
    }

    // Caller matching: several contacts with one number are all candidates; a withheld
    // number never becomes a contact; with createUnknownCallers off nobody is created.
    void callerMatching()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const qint64 a = f.server.createContact(f.admin,
            {{QStringLiteral("name"), QStringLiteral("Anna")},
                {QStringLiteral("phones"), QJsonArray {QStringLiteral("8 916 777-00-00")}}});
        const qint64 b = f.server.createContact(f.admin,
            {{QStringLiteral("name"), QStringLiteral("Boris")},
                {QStringLiteral("phones"), QJsonArray {QStringLiteral("+79167770000")}}});
        QVERIFY(a && b);
        EventStream s1(f.server, f.op1Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")));
        f.event(QStringLiteral("shared"), QStringLiteral("INCOMING"), QStringLiteral("101"), {},
            QStringLiteral("9167770000"));
        QVERIFY(s1.waitFor(QStringLiteral("call.ringing")));
        const QJsonObject ringing = s1.lastData(QStringLiteral("call.ringing"));
        const QJsonArray candidates = ringing.value(QStringLiteral("candidates")).toArray();
        QCOMPARE(candidates.size(), 2);
        QCOMPARE(idIn(candidates.at(0).toObject(), QStringLiteral("id")), a);
        QCOMPARE(idIn(candidates.at(1).toObject(), QStringLiteral("id")), b);
        QCOMPARE(
            idIn(ringing.value(QStringLiteral("contact")).toObject(), QStringLiteral("id")), a);

        // The operator picks Boris: the call (and later its record) is his.
        const qint64 callId = idIn(f.call(QStringLiteral("shared")), QStringLiteral("id"));
        const HttpResult picked
            = f.server.post(QStringLiteral("/api/v1/calls/%1/attach").arg(callId),
                {{QStringLiteral("contactId"), b}}, f.op1Token);
        QCOMPARE(picked.status, 200);
        f.completed(QStringLiteral("shared"), QStringLiteral("101"), QStringLiteral("Missed"));
        QCOMPARE(f.cardComments(b).size(), 1);
        QCOMPARE(f.cardComments(a).size(), 0);

        const qint64 before = f.contactCount();
        f.event(QStringLiteral("anon"), QStringLiteral("INCOMING"), QStringLiteral("101"), {},
            QStringLiteral("anonymous"));
        QCOMPARE(f.call(QStringLiteral("anon")).value(QStringLiteral("contactId")), QJsonValue());
        QCOMPARE(
            f.completed(QStringLiteral("anon"), QStringLiteral("101"), QStringLiteral("Missed"))
                .status,
            200);
        QCOMPARE(f.call(QStringLiteral("anon")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));
        QVERIFY(f.patchSettings({{QStringLiteral("createUnknownCallers"), false}}));
        f.event(QStringLiteral("unknown"), QStringLiteral("INCOMING"), QStringLiteral("101"), {},
            QStringLiteral("+7 999 000-11-22"));
        QCOMPARE(
            f.call(QStringLiteral("unknown")).value(QStringLiteral("contactId")), QJsonValue());
        QCOMPARE(f.contactCount(), before);
    }

    // Routing when the PBX names no extension: the line's employees (a shared handset),
    // else the contact's responsible, else everyone.
    void routingWithoutExtension()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const qint64 ivan = f.server.createContact(f.admin,
            {{QStringLiteral("name"), QStringLiteral("Ivan")},
                {QStringLiteral("responsibleId"), f.op3},
                {QStringLiteral("phones"), QJsonArray {QStringLiteral("+79160000001")}}});
        QVERIFY(ivan);
        auto targets = [&f](const QString &id) {
            return f.call(id).value(QStringLiteral("targetIds")).toArray();
        };
        // Everyone (no line employees, an unknown caller has no responsible).
        f.event(QStringLiteral("r1"), QStringLiteral("INCOMING"), QString());
        QCOMPARE(targets(QStringLiteral("r1")).size(), 5);
        // The contact's responsible.
        f.event(QStringLiteral("r2"), QStringLiteral("INCOMING"), QString(), {},
            QStringLiteral("+79160000001"));
        QCOMPARE(targets(QStringLiteral("r2")), QJsonArray({f.op3}));
        // An extension nobody has counts as none.
        f.event(QStringLiteral("r3"), QStringLiteral("INCOMING"), QStringLiteral("555"), {},
            QStringLiteral("+79160000001"));
        QCOMPARE(targets(QStringLiteral("r3")), QJsonArray({f.op3}));
        // The line's own employees, before anyone else.
        QCOMPARE(f.server
                     .put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
                         {{QStringLiteral("number"), QLatin1String(TelephonyFixture::lineNumber)},
                             {QStringLiteral("name"), QStringLiteral("Sales")},
                             {QStringLiteral("employeeIds"), QJsonArray {f.op1, f.op4}}},
                         f.admin)
                     .status,
            200);
        f.event(QStringLiteral("r4"), QStringLiteral("INCOMING"), QString(), {},
            QStringLiteral("+79160000001"));
        QCOMPARE(targets(QStringLiteral("r4")), QJsonArray({f.op1, f.op4}));
        // A named extension still wins.
        f.event(QStringLiteral("r5"), QStringLiteral("INCOMING"), QStringLiteral("102"), {},
            QStringLiteral("+79160000001"));
        QCOMPARE(targets(QStringLiteral("r5")), QJsonArray({f.op2}));
        // A missed COMPLETED for the unknown extension ends the shared-handset call.
        f.completed(QStringLiteral("r3"), QStringLiteral("555"), QStringLiteral("Missed"));
        QCOMPARE(f.call(QStringLiteral("r3")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));
    }

    // A deactivated employee's extensions count nowhere in routing: a ring to one goes
    // where a ring to an unknown extension goes, a group ring leaves them out, a line
    // that rings them rings its other employees, and the PBX's contact lookup names no
    // extension of theirs. Reactivated, they ring again.
    void deactivatedExtensionsDoNotRing()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const qint64 ivan = f.server.createContact(f.admin,
            {{QStringLiteral("name"), QStringLiteral("Ivan")},
                {QStringLiteral("responsibleId"), f.op3},
                {QStringLiteral("phones"), QJsonArray {QStringLiteral("+79160000001")}}});
        const qint64 olga = f.server.createContact(f.admin,
            {{QStringLiteral("name"), QStringLiteral("Olga")},
                {QStringLiteral("responsibleId"), f.op2},
                {QStringLiteral("phones"), QJsonArray {QStringLiteral("+79160000002")}}});
        QVERIFY(ivan && olga);
        const QString op2 = QStringLiteral("/api/v1/people/%1").arg(f.op2);
        QCOMPARE(f.server.patch(op2, {{QStringLiteral("active"), false}}, f.admin).status, 200);
        EventStream s1(f.server, f.op1Token), s3(f.server, f.op3Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")) && s3.waitFor(QStringLiteral("hello")));
        auto targets = [&f](const QString &id) {
            return f.call(id).value(QStringLiteral("targetIds")).toArray();
        };
        const QString ivanPhone = QStringLiteral("+79160000001");

        // 102 alone: as if nobody had it — Ivan's responsible.
        QCOMPARE(f.event(QStringLiteral("d1"), QStringLiteral("INCOMING"), QStringLiteral("102"),
                      {}, ivanPhone)
                     .status,
            200);
        QCOMPARE(targets(QStringLiteral("d1")), QJsonArray({f.op3}));
        // A group ring: the others only, each told once.
        for (const char *ext : {"101", "102", "103"})
            f.event(QStringLiteral("d2"), QStringLiteral("INCOMING"), QLatin1String(ext), {},
                ivanPhone);
        QCOMPARE(targets(QStringLiteral("d2")), QJsonArray({f.op1, f.op3}));
        QVERIFY(s1.waitFor(QStringLiteral("call.ringing"), 1));
        QVERIFY(s3.waitFor(QStringLiteral("call.ringing"), 2));
        // An answer from the deactivated extension names nobody.
        f.event(
            QStringLiteral("d2"), QStringLiteral("ACCEPTED"), QStringLiteral("102"), {}, ivanPhone);
        QVERIFY(f.call(QStringLiteral("d2")).value(QStringLiteral("answeredById")).isNull());
        // A line that rings them and op4: op4; them alone: as if the line rang nobody.
        const QString line = QStringLiteral("/api/v1/lines/%1").arg(f.lineId);
        auto lineRings = [&](const QJsonArray &ids) {
            return f.server
                .put(line,
                    {{QStringLiteral("number"), QLatin1String(TelephonyFixture::lineNumber)},
                        {QStringLiteral("name"), QStringLiteral("Sales")},
                        {QStringLiteral("employeeIds"), ids}},
                    f.admin)
                .status;
        };
        QCOMPARE(lineRings({f.op2, f.op4}), 200);
        f.event(QStringLiteral("d3"), QStringLiteral("INCOMING"), QString(), {}, ivanPhone);
        QCOMPARE(targets(QStringLiteral("d3")), QJsonArray({f.op4}));
        QCOMPARE(lineRings({f.op2}), 200);
        f.event(QStringLiteral("d4"), QStringLiteral("INCOMING"), QString(), {}, ivanPhone);
        QCOMPARE(targets(QStringLiteral("d4")), QJsonArray({f.op3}));
        // Olga's responsible is deactivated: nobody's extension for the PBX, everyone active
        // rings when the PBX names none.
        HttpResult r = f.planFix({{QStringLiteral("cmd"), QStringLiteral("contact")},
            {QStringLiteral("phone"), QStringLiteral("79160000002")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("responsible")).toString(), QString());
        QCOMPARE(lineRings({}), 200);
        f.event(QStringLiteral("d5"), QStringLiteral("INCOMING"), QString(), {},
            QStringLiteral("+79160000002"));
        QVERIFY(!targets(QStringLiteral("d5")).contains(f.op2));
        QCOMPARE(targets(QStringLiteral("d5")).size(), 4); // admin, op1, op3, op4

        // Reactivated: 102 rings them again.
        QCOMPARE(f.server.patch(op2, {{QStringLiteral("active"), true}}, f.admin).status, 200);
        f.event(
            QStringLiteral("d6"), QStringLiteral("INCOMING"), QStringLiteral("102"), {}, ivanPhone);
        QCOMPARE(targets(QStringLiteral("d6")), QJsonArray({f.op2}));
    }
};

QTEST_GUILESS_MAIN(TestTelephonyPlanFix)
#include "tst_telephony_planfix.moc"
