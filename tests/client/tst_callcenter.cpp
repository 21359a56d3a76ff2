// The call centre (the client's calls service) against the real server: PlanFix requests
// over real HTTP move calls through their states, a group ring closes for the others,
// missed calls are a to-do, and click-to-call dials once however often it is clicked.
#include "callfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "server/pbxsim/makecalllistener.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;
using client::CallCenter;
using client::CallInfo;

class TestCallCenter : public QObject
{
    Q_OBJECT

    // A signed-in operator's call centre, loaded.
    static std::unique_ptr<CallCenter> centreFor(CallFixture &f, const QString &login)
    {
        client::Session *session = f.signIn(login, login + QStringLiteral("-password"));
        if (!session)
            return nullptr;
        // Calls are pushed only to a connected stream: wait for it, as an operator's client is.
        if (!QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, // "hello" arrived
                15000))
            return nullptr;
        auto centre = std::make_unique<CallCenter>(session);
        QSignalSpy loaded(centre.get(), &CallCenter::loaded);
        centre->reload();
        if (!loaded.wait(15000))
            return nullptr;
        return centre;
    }

    // The PBX's requests spin the event loop, so a signal may come before the wait starts.
    static bool arrived(QSignalSpy &spy, int count = 1)
    {
        return QTest::qWaitFor([&] { return spy.size() >= count; }, 15000);
    }

    static bool waitState(CallCenter &centre, qint64 id, Call::State state)
    {
        return QTest::qWaitFor(
            [&] { return centre.contains(id) && centre.call(id).call.state == state; }, 15000);
    }

private slots:
    void callMovesThroughItsStates()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = f.callerContact();
        QVERIFY(anna);
        auto centre = centreFor(f, QStringLiteral("op1"));
        QVERIFY(centre);
        QVERIFY(centre->activeCalls().isEmpty());
        QCOMPARE(centre->lines().size(), 1);

        QSignalSpy ringing(centre.get(), &CallCenter::callRinging);
        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(arrived(ringing));
        const qint64 id = ringing.at(0).at(0).toLongLong();
        CallInfo info = centre->call(id);
        QCOMPARE(info.call.state, Call::State::Ringing);
        QCOMPARE(info.call.from, QStringLiteral("+79161234567"));
        QCOMPARE(info.contactName, QStringLiteral("Anna Petrova"));
        QVERIFY(info.hasCard);
        QCOMPARE(
            info.contact.value(QStringLiteral("name")).toString(), QStringLiteral("Anna Petrova"));
        QVERIFY(info.line);
        QCOMPARE(info.line->color, QStringLiteral("#2e7d32"));
        QCOMPARE(centre->activeCalls(), QList<qint64> {id});
        QCOMPARE(centre->ringingCount(), 1);

        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QVERIFY(waitState(*centre, id, Call::State::Answered));
        QCOMPARE(centre->call(id).call.answeredById, f.op1);
        QVERIFY(centre->call(id).hasCard); // the card stays through the updates
        QCOMPARE(centre->ringingCount(), 0);

        QCOMPARE(
            f.completed(QStringLiteral("c1"), QStringLiteral("101"), QStringLiteral("Success"), 42),
            200);
        QVERIFY(waitState(*centre, id, Call::State::Ended));
        QCOMPARE(centre->call(id).call.duration, 42);
        QVERIFY(centre->activeCalls().isEmpty());
        QVERIFY(centre->missedCalls().isEmpty());
        QVERIFY(centre->history().contains(id));
        QCOMPARE(ringing.size(), 1); // never popped twice
    }

    // An operator who starts the client while the phone rings gets the pop-up: the call rang
    // before the event stream was up, so the active list brings it and the card is fetched.
    void aCallRingingBeforeTheClientStartsPopsUp()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(
            f.event(QStringLiteral("e1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        // Built before the stream's hello, as the app builds it at sign-in.
        CallCenter centre(session);
        QSignalSpy ringing(&centre, &CallCenter::callRinging);
        centre.reload();
        QVERIFY(arrived(ringing));
        const qint64 id = ringing.at(0).at(0).toLongLong();
        const CallInfo info = centre.call(id);
        QCOMPARE(info.call.state, Call::State::Ringing);
        QVERIFY(info.hasCard);
        QVERIFY(info.line);
        // The lists were read at the stream's hello, once; the call pops up once.
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        QTest::qWait(300);
        QCOMPARE(ringing.size(), 1);
        // It goes on as any call: answered elsewhere, it closes for op1 like a group ring.
        QCOMPARE(
            f.event(QStringLiteral("e1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QVERIFY(waitState(centre, id, Call::State::Answered));
    }

    // At start-up (the main window built right after the sign-in, before the stream's hello,
    // as the app does) the lines and the three call lists are read once each, not again at
    // the hello.
    void startUpReadsTheCallListsOnce()
    {
        CallFixture f;
        QVERIFY(f.ready());
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        QVERIFY(session->events()->lastSeq() < 0); // no hello yet
        QStringList reads;
        connect(session->rest(), &client::RestClient::requestSent, this,
            [&](const QByteArray &verb, const QUrl &url) {
                if (verb == "GET"
                    && (url.path() == QLatin1String("/api/v1/lines")
                        || url.path() == QLatin1String("/api/v1/calls")))
                    reads << url.path() + u'?' + url.query();
            });
        ui::MainWindow window(session);
        QVERIFY(QTest::qWaitFor([&] { return window.callCenter()->isLoaded(); }, 15000));
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        QTest::qWait(500); // whatever the hello would set going
        reads.sort();
        QCOMPARE(reads,
            QStringList({QStringLiteral("/api/v1/calls?state=active&limit=100"),
                QStringLiteral("/api/v1/calls?state=all&limit=100"),
                QStringLiteral("/api/v1/calls?state=missed&limit=100"),
                QStringLiteral("/api/v1/lines?")}));
    }

    // Group ring: answering on 102 closes the call for 101; 102 keeps it.
    void groupRingClosesForTheOthers()
    {
        CallFixture f;
        QVERIFY(f.ready());
        auto first = centreFor(f, QStringLiteral("op1"));
        auto second = centreFor(f, QStringLiteral("op2"));
        QVERIFY(first && second);
        QSignalSpy rings1(first.get(), &CallCenter::callRinging);
        QSignalSpy rings2(second.get(), &CallCenter::callRinging);
        QSignalSpy closed1(first.get(), &CallCenter::callTakenByColleague);
        QSignalSpy closed2(second.get(), &CallCenter::callTakenByColleague);
        for (const QString &ext : {QStringLiteral("101"), QStringLiteral("102")})
            QCOMPARE(f.event(QStringLiteral("g1"), QStringLiteral("INCOMING"), ext), 200);
        QVERIFY(arrived(rings1));
        QVERIFY(arrived(rings2));
        const qint64 id = rings1.at(0).at(0).toLongLong();

        QCOMPARE(
            f.event(QStringLiteral("g1"), QStringLiteral("ACCEPTED"), QStringLiteral("102")), 200);
        QCOMPARE(
            f.completed(QStringLiteral("g1"), QStringLiteral("101"), QStringLiteral("Cancelled")),
            200);
        QVERIFY(arrived(closed1));
        QCOMPARE(closed1.at(0).at(0).toLongLong(), id);
        QVERIFY(waitState(*second, id, Call::State::Answered));
        QCOMPARE(second->call(id).call.answeredById, f.op2);
        QVERIFY(closed2.isEmpty());
        QCOMPARE(first->call(id).call.state, Call::State::Answered); // still listed as current
        QCOMPARE(first->activeCalls(), QList<qint64> {id});
    }

    // A missed call is the team's to-do until someone marks it handled.
    void missedCallIsHandledForEveryone()
    {
        CallFixture f;
        QVERIFY(f.ready());
        auto first = centreFor(f, QStringLiteral("op1"));
        auto second = centreFor(f, QStringLiteral("op2"));
        QVERIFY(first && second);
        QCOMPARE(
            f.event(QStringLiteral("m1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(f.completed(QStringLiteral("m1"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        QVERIFY(QTest::qWaitFor([&] { return first->missedCalls().size() == 1; }, 15000));
        const qint64 id = first->missedCalls().first();
        QCOMPARE(first->call(id).call.state, Call::State::Missed);
        QVERIFY(first->activeCalls().isEmpty());

        // op2 did not hear it ring, but a fresh load lists it as missed too.
        QSignalSpy loaded(second.get(), &CallCenter::loaded);
        second->reload();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(second->missedCalls(), QList<qint64> {id});

        QSignalSpy done(first.get(), &CallCenter::actionSucceeded);
        first->markHandled(id);
        QVERIFY(done.wait(15000));
        QCOMPARE(done.at(0).at(1).value<CallCenter::Action>(), CallCenter::Action::Handled);
        QVERIFY(first->missedCalls().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return second->missedCalls().isEmpty(); }, 15000));
        QVERIFY(f.callJson(id).value(QStringLiteral("handled")).toBool());
    }

    // Failures are told in words and change nothing.
    void failedActionsSayWhy()
    {
        CallFixture f;
        QVERIFY(f.ready());
        auto centre = centreFor(f, QStringLiteral("op1"));
        QVERIFY(centre);
        QSignalSpy ringing(centre.get(), &CallCenter::callRinging);
        QCOMPARE(
            f.event(QStringLiteral("f1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(arrived(ringing));
        const qint64 id = ringing.at(0).at(0).toLongLong();

        QSignalSpy failed(centre.get(), &CallCenter::actionFailed);
        centre->attachToTask(id, 999999);
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.at(0).at(1).value<CallCenter::Action>(), CallCenter::Action::AttachTask);
        QVERIFY2(failed.at(0).at(2).toString().contains(QLatin1String("999999")),
            qPrintable(failed.at(0).at(2).toString()));
        QCOMPARE(f.callJson(id).value(QStringLiteral("attachTaskId")), QJsonValue());

        centre->markHandled(id); // only a missed call is handled
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.at(1).at(1).value<CallCenter::Action>(), CallCenter::Action::Handled);
        centre->take(id); // not answered yet
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.at(2).at(1).value<CallCenter::Action>(), CallCenter::Action::Take);
        QCOMPARE(centre->call(id).call.state, Call::State::Ringing);
    }

    // An action's answer waits for the disk; events do not. The call may end while the
    // operator's "attach" is being flushed: its answer (the call as attached, still
    // answered) comes after the call's end and must not bring the call back to life.
    void anAnswerOlderThanAnEventChangesNothing()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QVERIFY(f.callerContact());
        const qint64 task = f.task(QStringLiteral("Delivery"));
        QVERIFY(task);
        auto centre = centreFor(f, QStringLiteral("op1"));
        QVERIFY(centre);
        QSignalSpy ringing(centre.get(), &CallCenter::callRinging);
        QCOMPARE(
            f.event(QStringLiteral("o1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(arrived(ringing));
        const qint64 id = ringing.at(0).at(0).toLongLong();
        QCOMPARE(
            f.event(QStringLiteral("o1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QVERIFY(waitState(*centre, id, Call::State::Answered));

        QSignalSpy done(centre.get(), &CallCenter::actionSucceeded);
        QNetworkAccessManager pbx;
        {
            HeldFlushes held(f.server());
            centre->attachToTask(id, task);
            QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 15000));
            QVERIFY(QTest::qWaitFor(
                [&] { return centre->call(id).attachTaskId == task; }, 15000)); // its event
            // The PBX says the call ended; its event comes at once, its answer after the disk.
            f.server().send(pbx, "POST", QStringLiteral("/tel/api"), {},
                formBody({{QStringLiteral("cmd"), QStringLiteral("event")},
                    {QStringLiteral("type"), QStringLiteral("in")},
                    {QStringLiteral("event"), QStringLiteral("COMPLETED")},
                    {QStringLiteral("phone"), QLatin1String(CallFixture::caller)},
                    {QStringLiteral("diversion"), QStringLiteral("74951200001")},
                    {QStringLiteral("callid"), QStringLiteral("o1")},
                    {QStringLiteral("ext"), QStringLiteral("101")},
                    {QStringLiteral("status"), QStringLiteral("Success")},
                    {QStringLiteral("duration"), QStringLiteral("30")},
                    {QStringLiteral("planfix_token"), QLatin1String(CallFixture::token)}}),
                "application/x-www-form-urlencoded");
            QVERIFY(waitState(*centre, id, Call::State::Ended));
            QVERIFY(done.isEmpty()); // the attach is still waiting for the disk
        }
        QVERIFY(arrived(done));
        QCOMPARE(done.at(0).at(1).value<CallCenter::Action>(), CallCenter::Action::AttachTask);
        QCOMPARE(centre->call(id).call.state, Call::State::Ended);
        QCOMPARE(centre->call(id).attachTaskId, task);
        QVERIFY(centre->activeCalls().isEmpty());
    }

    // A call answered on a shared handset (the PBX names no extension): any operator of the
    // line may take it, and gets the card with it.
    void takeOfASharedHandsetCall()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.server()
                     .put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
                         {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                             {QStringLiteral("name"), QStringLiteral("Sales")},
                             {QStringLiteral("color"), QStringLiteral("#2e7d32")},
                             {QStringLiteral("employeeIds"), QJsonArray {f.op3}}},
                         f.adminToken())
                     .status,
            200);
        auto centre = centreFor(f, QStringLiteral("op1"));
        QVERIFY(centre);
        QCOMPARE(f.event(QStringLiteral("s1"), QStringLiteral("INCOMING"), QString()), 200);
        QCOMPARE(f.event(QStringLiteral("s1"), QStringLiteral("ACCEPTED"), QString()), 200);
        QSignalSpy loaded(centre.get(), &CallCenter::loaded);
        centre->reload(); // op1 was not rung: the call is known from the list
        QVERIFY(loaded.wait(15000));
        QCOMPARE(centre->activeCalls().size(), 1);
        const qint64 id = centre->activeCalls().first();
        QVERIFY(!centre->call(id).hasCard);

        QSignalSpy taken(centre.get(), &CallCenter::callTaken);
        centre->take(id);
        QVERIFY(taken.wait(15000));
        QCOMPARE(centre->call(id).call.answeredById, f.op1);
        QVERIFY(centre->call(id).hasCard);
        QVERIFY(centre->call(id).line);
        QCOMPARE(f.callJson(id).value(QStringLiteral("answeredById")).toInteger(), f.op1);
    }

    // Click-to-call: the PBX (the simulator's listener) gets one makeCall however often
    // the operator clicks while it dials.
    void dialIgnoresRepeatedClicks()
    {
        pbxsim::MakeCallListener pbx;
        const quint16 port = pbx.start(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        CallFixture f(QStringLiteral("http://127.0.0.1:%1/planfix_api.php").arg(port));
        QVERIFY(f.ready());
        auto centre = centreFor(f, QStringLiteral("op1"));
        QVERIFY(centre);
        QSignalSpy received(&pbx, &pbxsim::MakeCallListener::received);
        QSignalSpy started(centre.get(), &CallCenter::dialStarted);
        QSignalSpy dialling(centre.get(), &CallCenter::diallingChanged);

        QVERIFY(centre->dial(QStringLiteral("8 (916) 765-43-21"), f.lineId));
        QVERIFY(centre->isDialling(QStringLiteral("+7 916 765 43 21")) || !started.isEmpty());
        QCOMPARE(dialling.size(), 1);
        QVERIFY(dialling.at(0).at(1).toBool());
        QVERIFY(!centre->dial(QStringLiteral("8 (916) 765-43-21"), f.lineId));
        QVERIFY(!centre->dial(QStringLiteral("8 (916) 765-43-21")));
        QVERIFY(started.wait(15000));
        QVERIFY(!centre->isDialling(QStringLiteral("8 (916) 765-43-21")));
        QVERIFY(QTest::qWaitFor([&] { return !received.isEmpty(); }, 15000));
        QCOMPARE(received.size(), 1);
        const QJsonObject fields
            = received.at(0).at(0).toJsonObject().value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("cmd")).toString(), QStringLiteral("makeCall"));
        QCOMPARE(fields.value(QStringLiteral("from")).toString(), QStringLiteral("101"));
        QVERIFY(!fields.value(QStringLiteral("diversion")).toString().isEmpty()); // the chosen line

        QCOMPARE(dialling.size(), 2); // on, then off: the ignored clicks changed nothing

        // Another number dials at once; the PBX's second request is that one.
        QVERIFY(centre->dial(QStringLiteral("+7 916 000-11-22")));
        QVERIFY(started.wait(15000));
        QVERIFY(QTest::qWaitFor([&] { return received.size() >= 2; }, 15000));
        QCOMPARE(received.size(), 2);
        QCOMPARE(received.at(1)
                     .at(0)
                     .toJsonObject()[QStringLiteral("fields")][QStringLiteral("to")]
                     .toString(),
            QStringLiteral("79160001122"));

        // A number that is not one is refused before anything is sent.
        QSignalSpy failed(centre.get(), &CallCenter::dialFailed);
        QVERIFY(!centre->dial(QStringLiteral("call me")));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    }

    // The server's refusal (no extension to call from) comes back as a reason.
    void dialFailureIsExplained()
    {
        CallFixture f;
        QVERIFY(f.ready());
        client::Session *session = f.signInAdmin();
        QVERIFY(session);
        CallCenter centre(session);
        QSignalSpy failed(&centre, &CallCenter::dialFailed);
        QVERIFY(centre.dial(QStringLiteral("+79161234567")));
        QVERIFY(failed.wait(15000));
        QVERIFY2(failed.at(0).at(1).toString().contains(QLatin1String("extension")),
            qPrintable(failed.at(0).at(1).toString()));
        QVERIFY(!centre.isDialling(QStringLiteral("+79161234567")));
    }
};

QTEST_MAIN(TestCallCenter)
#include "tst_callcenter.moc"
