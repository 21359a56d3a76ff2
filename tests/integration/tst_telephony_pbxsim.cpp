#include "telephonyfixture.h"

#include "server/demo/demoseeder.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace linecard::testing;
using linecard::server::DemoSeeder;

// The built linecard-pbx-sim against the real server: its scenarios in both formats land
// the right call records, call.ringing reaches only the operators it rings, and
// click-to-call reaches the simulator listening as the PBX.
class TestTelephonyPbxSim : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString output;
    };

    // Runs the simulator to its end while the in-process server keeps serving.
    static Run sim(const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QStringLiteral(LINECARD_PBXSIM), args);
        Run run;
        if (!p.waitForStarted(10000) || !finished.wait(60000))
            return run;
        run.exitCode = p.exitCode();
        run.output = QString::fromUtf8(p.readAll());
        return run;
    }

    static QStringList base(TelephonyFixture &f, const QString &format)
    {
        return {QStringLiteral("--server"), f.server.url(QStringLiteral("/")).toString(),
            QStringLiteral("--format"), format, QStringLiteral("--token"),
            QLatin1String(format == QLatin1String("planfix") ? TelephonyFixture::planFixToken
                                                             : TelephonyFixture::zammadToken),
            QStringLiteral("--line"), QStringLiteral("74951200001")};
    }

    static QString recordText(TelephonyFixture &f, const QJsonObject &call)
    {
        for (const QJsonValue &c : f.cardComments(idIn(call, QStringLiteral("contactId"))))
            if (idIn(c.toObject().value(QStringLiteral("call")).toObject(), QStringLiteral("id"))
                == idIn(call, QStringLiteral("id")))
                return c.toObject().value(QStringLiteral("text")).toString();
        return {};
    }

private slots:
    // A PlanFix group ring from the simulator: three extensions ring, 102 answers, the call
    // record with its recording lands on the card; operator 4 hears of no call at all.
    void groupRing()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token), s3(f.server, f.op3Token),
            s4(f.server, f.op4Token);
        for (EventStream *s : {&s1, &s2, &s3, &s4})
            QVERIFY(s->waitFor(QStringLiteral("hello")));
        const Run run = sim(base(f, QStringLiteral("planfix"))
            << QStringLiteral("--callid") << QStringLiteral("sim-group") << QStringLiteral("--ext")
            << QStringLiteral("101,102,103") << QStringLiteral("--answer") << QStringLiteral("102")
            << QStringLiteral("--record") << QStringLiteral("https://rec.example/g.mp3")
            << QStringLiteral("group"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(run.output.count(QStringLiteral("<- 200")), 7);

        const QJsonObject call = f.call(QStringLiteral("sim-group"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op2);
        QCOMPARE(call.value(QStringLiteral("duration")).toInt(), 42);
        QCOMPARE(idIn(call, QStringLiteral("lineId")), f.lineId);
        const QString text = recordText(f, call);
        QVERIFY2(text.contains(QStringLiteral("https://rec.example/g.mp3")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("answered by op2")));

        for (EventStream *s : {&s1, &s2, &s3}) {
            QVERIFY(s->waitFor(QStringLiteral("call.ended")));
            QCOMPARE(s->count(QStringLiteral("call.ringing")), 1);
            QCOMPARE(idIn(s->lastData(QStringLiteral("call.answered"))
                              .value(QStringLiteral("call"))
                              .toObject(),
                         QStringLiteral("answeredById")),
                f.op2);
        }
        // The record's comment.created comes last, and op4 (an employee) gets it: by then
        // every call event meant for op4 would have arrived.
        QVERIFY(s4.waitFor(QStringLiteral("comment.created")));
        QCOMPARE(s4.count(QStringLiteral("call.ringing")), 0);
        QCOMPARE(s4.count(QStringLiteral("call.answered")), 0);
        QCOMPARE(s4.count(QStringLiteral("call.ended")), 0);
    }

    // Zammad JSON, one extension: only its operator's window opens; the hangup comes
    // before the answer and the record is still an answered call.
    // The README's Zammad example against the demo data (linecard-server --demo): the demo
    // has a Zammad-format PBX with the documented token; 102 (Denis) answers the group ring.
    void readmeZammadExampleRingsTheDemo()
    {
        TestServer server;
        const QList<DemoSeeder::Account> accounts = DemoSeeder(server.server()).seed();
        QVERIFY(!accounts.isEmpty());
        const Run run = sim({QStringLiteral("--server"), server.url(QStringLiteral("/")).toString(),
            QStringLiteral("--format"), QStringLiteral("zammad"), QStringLiteral("--token"),
            QLatin1String(DemoSeeder::demoZammadToken), QStringLiteral("--callid"),
            QStringLiteral("readme-zammad"), QStringLiteral("group"), QStringLiteral("--ext"),
            QStringLiteral("101,102,103"), QStringLiteral("--answer"), QStringLiteral("102")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(!run.output.contains(QStringLiteral("<- 4")), qPrintable(run.output));
        const QString admin
            = server.login(QStringLiteral("admin"), QStringLiteral("admin-demo-pass"));
        QVERIFY(!admin.isEmpty());
        const QString denis
            = server.login(QStringLiteral("denis"), QStringLiteral("denis-demo-pass"));
        QVERIFY(!denis.isEmpty());
        const QJsonArray calls = server.get(QStringLiteral("/api/v1/calls?state=all"), admin)
                                     .json.value(QStringLiteral("items"))
                                     .toArray();
        QJsonObject found;
        for (const QJsonValue &c : calls)
            if (c.toObject().value(QStringLiteral("externalId")).toString()
                == QLatin1String("readme-zammad"))
                found = c.toObject();
        QVERIFY2(!found.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(calls).toJson())));
        QCOMPARE(found.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        const HttpResult me = server.get(QStringLiteral("/api/v1/me"), denis);
        QCOMPARE(idIn(found, QStringLiteral("answeredById")),
            qint64(me.json.value(QStringLiteral("id")).toDouble()));
    }

    void ringingReachesTheRightOperatorOnly()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")) && s2.waitFor(QStringLiteral("hello")));
        const Run run = sim(base(f, QStringLiteral("zammad"))
            << QStringLiteral("--json") << QStringLiteral("--callid") << QStringLiteral("zj")
            << QStringLiteral("--ext") << QStringLiteral("102") << QStringLiteral("reorder"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(s2.waitFor(QStringLiteral("call.ringing")));
        const QJsonObject ringing = s2.lastData(QStringLiteral("call.ringing"));
        QCOMPARE(
            ringing.value(QStringLiteral("call")).toObject().value(QStringLiteral("externalId")),
            QStringLiteral("zj"));
        QVERIFY(s1.waitFor(QStringLiteral("comment.created")));
        QCOMPARE(s1.count(QStringLiteral("call.ringing")), 0);
        // A hang-up that overtook its answer: the call ends as it would have in order.
        const QJsonObject call = f.call(QStringLiteral("zj"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op2);
    }

    // The other scenarios, each in the format it is most at home in.
    void scenarios()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        Run run = sim(base(f, QStringLiteral("zammad"))
            << QStringLiteral("--callid") << QStringLiteral("zm") << QStringLiteral("--ext")
            << QStringLiteral("101,103") << QStringLiteral("missed"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(f.call(QStringLiteral("zm")).value(QStringLiteral("state")).toString(),
            QStringLiteral("missed"));
        QCOMPARE(f.calls(QStringLiteral("missed")).size(), 1);
        QVERIFY(
            recordText(f, f.call(QStringLiteral("zm"))).contains(QStringLiteral("Missed call")));

        run = sim(base(f, QStringLiteral("planfix"))
            << QStringLiteral("--callid") << QStringLiteral("ob") << QStringLiteral("--ext")
            << QStringLiteral("102") << QStringLiteral("outgoing-busy"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QJsonObject call = f.call(QStringLiteral("ob"));
        QCOMPARE(call.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(call.value(QStringLiteral("endReason")).toString(), QStringLiteral("Busy"));

        run = sim(base(f, QStringLiteral("planfix"))
            << QStringLiteral("--callid") << QStringLiteral("dup") << QStringLiteral("duplicates"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(run.output.count(QStringLiteral("<- 200")), 6);
        call = f.call(QStringLiteral("dup"));
        QCOMPARE(call.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(idIn(call, QStringLiteral("answeredById")), f.op1);

        run = sim(base(f, QStringLiteral("planfix"))
            << QStringLiteral("--callid") << QStringLiteral("lr") << QStringLiteral("--record")
            << QStringLiteral("https://rec.example/late.mp3") << QStringLiteral("late-record"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        call = f.call(QStringLiteral("lr"));
        QCOMPARE(call.value(QStringLiteral("recordingUrl")).toString(),
            QStringLiteral("https://rec.example/late.mp3"));
        QVERIFY(recordText(f, call).contains(QStringLiteral("https://rec.example/late.mp3")));

        // One caller, one contact, four records on the card (the busy call's included).
        QCOMPARE(f.contactCount(), 1);
        QCOMPARE(f.cardComments(idIn(call, QStringLiteral("contactId"))).size(), 4);

        // The simulator reports refusals: a wrong token exits non-zero.
        run = sim({QStringLiteral("--server"), f.server.url(QStringLiteral("/")).toString(),
            QStringLiteral("--token"), QStringLiteral("wrong-token-1"), QStringLiteral("call")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.output.contains(QStringLiteral("<- 401")));
        QCOMPARE(sim({QStringLiteral("--token"), QStringLiteral("x"), QStringLiteral("nonsense")})
                     .exitCode,
            2);
    }

    // Click-to-call: POST /calls/dial answers 202 at once and the PBX (the simulator,
    // listening) receives PlanFix's makeCall from the operator's extension.
    void clickToCall()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        const QJsonObject dialBody {{QStringLiteral("phone"), QStringLiteral("8 (916) 123-45-67")},
            {QStringLiteral("lineId"), f.lineId}};
        // No provider knows the PBX's URL yet.
        QCOMPARE(
            f.server.post(QStringLiteral("/api/v1/calls/dial"), dialBody, f.op1Token).status, 422);

        QProcess pbx;
        pbx.start(QStringLiteral(LINECARD_PBXSIM),
            {QStringLiteral("listen"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--once")});
        QVERIFY(pbx.waitForStarted(10000));
        QSignalSpy finished(&pbx, &QProcess::finished);
        QTRY_VERIFY_WITH_TIMEOUT(pbx.canReadLine(), 10000);
        const QString banner = QString::fromUtf8(pbx.readLine()).trimmed();
        QVERIFY2(banner.startsWith(QStringLiteral("listening on http://127.0.0.1:")),
            qPrintable(banner));
        const QString pbxUrl = banner.section(u' ', 2) + QStringLiteral("/planfix_api.php");
        QCOMPARE(f.server
                     .patch(QStringLiteral("/api/v1/telephony/providers/%1").arg(f.planFixProvider),
                         {{QStringLiteral("pbxUrl"), pbxUrl},
                             {QStringLiteral("pbxToken"), QStringLiteral("pbx+secret/777=")}},
                         f.admin)
                     .status,
            200);

        QCOMPARE(f.server.post(QStringLiteral("/api/v1/calls/dial"), dialBody, f.op4Token).status,
            422); // op4 has no extension
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/dial"),
                         {{QStringLiteral("phone"), QStringLiteral("anonymous")}}, f.op1Token)
                     .status,
            422);
        const HttpResult dialled
            = f.server.post(QStringLiteral("/api/v1/calls/dial"), dialBody, f.op1Token);
        QCOMPARE(dialled.status, 202);
        QCOMPARE(
            dialled.json.value(QStringLiteral("phone")).toString(), QStringLiteral("79161234567"));
        QCOMPARE(dialled.json.value(QStringLiteral("extension")).toString(), QStringLiteral("101"));

        // The PBX may have answered and exited while the dial's answer was awaited (a write
        // is answered after its flush): then the spy holds it already, and wait() would not
        // see it again.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(pbx.exitCode(), 0);
        const QJsonObject request
            = QJsonDocument::fromJson(pbx.readAllStandardOutput().trimmed()).object();
        QCOMPARE(
            request.value(QStringLiteral("path")).toString(), QStringLiteral("/planfix_api.php"));
        const QJsonObject fields = request.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("cmd")).toString(), QStringLiteral("makeCall"));
        QCOMPARE(fields.value(QStringLiteral("from")).toString(), QStringLiteral("101"));
        QCOMPARE(fields.value(QStringLiteral("to")).toString(), QStringLiteral("79161234567"));
        QCOMPARE(
            fields.value(QStringLiteral("token")).toString(), QStringLiteral("pbx+secret/777="));
        QCOMPARE(fields.value(QStringLiteral("diversion")).toString(),
            QLatin1String(TelephonyFixture::lineNumber));
    }

    // A PBX that refuses makeCall: the operator hears of it on the event stream.
    void clickToCallFailure()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QProcess pbx;
        pbx.start(QStringLiteral(LINECARD_PBXSIM),
            {QStringLiteral("listen"), QStringLiteral("--reply-status"), QStringLiteral("500")});
        QVERIFY(pbx.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(pbx.canReadLine(), 10000);
        const QString url = QString::fromUtf8(pbx.readLine()).trimmed().section(u' ', 2);
        QCOMPARE(f.server
                     .patch(QStringLiteral("/api/v1/telephony/providers/%1").arg(f.planFixProvider),
                         {{QStringLiteral("pbxUrl"), url}}, f.admin)
                     .status,
            200);
        EventStream s1(f.server, f.op1Token), s2(f.server, f.op2Token);
        QVERIFY(s1.waitFor(QStringLiteral("hello")) && s2.waitFor(QStringLiteral("hello")));
        QCOMPARE(f.server
                     .post(QStringLiteral("/api/v1/calls/dial"),
                         {{QStringLiteral("phone"), QStringLiteral("+79161234567")}}, f.op1Token)
                     .status,
            202);
        QVERIFY(s1.waitFor(QStringLiteral("call.dialFailed")));
        QCOMPARE(s1.lastData(QStringLiteral("call.dialFailed")).value(QStringLiteral("phone")),
            QStringLiteral("79161234567"));
        QCOMPARE(s2.count(QStringLiteral("call.dialFailed")), 0);
        pbx.kill();
        pbx.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestTelephonyPbxSim)
#include "tst_telephony_pbxsim.moc"
