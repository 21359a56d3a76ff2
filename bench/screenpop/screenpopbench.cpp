#include "screenpopbench.h"

#include "common/barerelay.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/eventsockets.h"
#include "common/pbxsetup.h"
#include "common/samples.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTimer>

namespace linecard::bench {

namespace {

// The same calls through a bare relay: the INCOMING's bytes in, the call.ringing frame the
// server sent out on one WebSocket, the PBX's answer back, and the two unmeasured requests
// that follow each call.
Samples measureFloor(
    const QByteArray &frame, const QByteArray &answer, const PbxSetup &pbx, int total, int warmup)
{
    Samples floor;
    BareRelay relay;
    relay.setFrame(frame);
    relay.setBody(answer);
    BenchHttp http(relay.url());
    EventSockets stream;
    if (!stream.open({relay.webSocketUrl()}, 1, 10000)) {
        qWarning("the bare relay's event stream did not open");
        return floor;
    }
    const QString popPath = QLatin1String(BareRelay::popPath);
    for (int i = 0; i < total; ++i) {
        const QString callId = QStringLiteral("floor-%1").arg(i);
        const QString phone = pbx.callers.at(i);
        stream.expect(
            [](const QString &text) { return text.contains(QLatin1String("\"call.ringing\"")); });
        const qint64 sent = nowNs();
        http.send("POST", popPath, {},
            PbxSetup::planFixEvent(QStringLiteral("INCOMING"), callId, phone, pbx.extension),
            "application/x-www-form-urlencoded");
        const bool popped = stream.waitForAll(10000);
        const qint64 poppedAt = stream.arrivals().front();
        const HttpReply reply = http.receive();
        if (popped && reply.status == 200 && i >= warmup)
            floor.add(poppedAt - sent);
        else if (i >= warmup)
            qWarning("the bare relay did not relay call %d: %s, status %d", i,
                popped ? "popped" : "no frame", reply.status);
        for (const char *event : {"ACCEPTED", "COMPLETED"})
            http.post(QStringLiteral("/ack"),
                PbxSetup::planFixEvent(QLatin1String(event), callId, phone, pbx.extension), {},
                "application/x-www-form-urlencoded");
        idle(10);
    }
    stream.closeAll();
    return floor;
}

} // namespace

int runScreenPopBench(int argc, char *argv[])
{
    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-screenpop"));
    BenchProgram program(app,
        QStringLiteral("Screen-pop: a PlanFix-format INCOMING request (POST /tel/api) → "
                       "call.ringing read on the ringing operator's event stream; each call is "
                       "then answered and completed (not timed)."));
    program.addCount(QStringLiteral("calls"), QStringLiteral("Measured calls"), 300, 5);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured calls first"), 20, 1);
    program.addCount(QStringLiteral("seed"), QStringLiteral("Random seed"), 5, 5);
    if (!program.start(PbxSetup::smokeData()))
        return 2;
    QTextStream &out = program.out();
    const int calls = program.count(QStringLiteral("calls"));
    const int warmup = program.count(QStringLiteral("warmup"));

    PbxSetup pbx;
    if (!pbx.start(program, warmup + calls))
        return 1;
    const QString token = pbx.operatorToken;
    out << "server: in-process LinecardServer on its own thread; PBX: HTTP/1.1 on a kept-alive "
           "socket (the INCOMING, as a PBX's HTTP client sends it), operator: one QWebSocket event "
           "stream, both on the main thread; known callers\n";
    out.flush();

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    // Two instances: the PBX sends to the first, the operator listens on the second.
    std::unique_ptr<BenchServer> second;
    if (program.secondInstance())
        second = std::make_unique<BenchServer>(program.dataDir() + QStringLiteral("/second"));
    const BenchServer &listened = second ? *second : server;
    BenchHttp http(server.url());
    EventSockets operatorStream;
    if (!operatorStream.open(
            {listened.webSocketUrl(QStringLiteral("/api/v1/events"), token)}, 1, 10000)) {
        out << "the operator's event stream did not open\n";
        return 1;
    }
    Samples ringing, answered;
    int failures = 0;
    qint64 cpu = 0;
    QByteArray ringingFrame, pbxAnswer; // what the bare relay sends for the floor
    const QString run = QString::number(nowNs(), 36);
    for (int i = 0; i < warmup + calls; ++i) {
        const QString callId = QStringLiteral("bench-%1-%2").arg(run).arg(i);
        const QString phone = pbx.callers.at(i);
        operatorStream.expect([callId](const QString &text) {
            return text.contains(QLatin1String("\"call.ringing\"")) && text.contains(callId);
        });
        const qint64 cpuBefore = processCpuNs();
        const qint64 sent = nowNs();
        http.send("POST", QStringLiteral("/tel/api"), {},
            PbxSetup::planFixEvent(QStringLiteral("INCOMING"), callId, phone, pbx.extension),
            "application/x-www-form-urlencoded");
        const bool popped = operatorStream.waitForAll(10000);
        const qint64 poppedAt = operatorStream.arrivals().front();
        const qint64 cpuUsed = processCpuNs() - cpuBefore;
        const HttpReply reply = http.receive();
        const bool named = operatorStream.lastMatch().contains(QLatin1String("\"contact\":{"));
        if (!popped || reply.status != 200 || !named) {
            if (++failures <= 5)
                out << "  call " << i << " from " << phone << ": "
                    << (popped ? "popped" : "no call.ringing")
                    << (named ? "" : " without a contact") << ", PBX answered " << reply.status
                    << '\n';
        } else if (i >= warmup) {
            ringingFrame = operatorStream.lastMatch().toUtf8();
            pbxAnswer = reply.body;
            ringing.add(poppedAt - sent);
            answered.add(reply.nanoseconds);
            cpu += cpuUsed;
        }
        // The operator answers, the call ends (not timed).
        http.post(QStringLiteral("/tel/api"),
            PbxSetup::planFixEvent(QStringLiteral("ACCEPTED"), callId, phone, pbx.extension), {},
            "application/x-www-form-urlencoded");
        http.post(QStringLiteral("/tel/api"),
            PbxSetup::planFixEvent(QStringLiteral("COMPLETED"), callId, phone, pbx.extension,
                {{QStringLiteral("status"), QStringLiteral("Success")},
                    {QStringLiteral("duration"), QStringLiteral("30")}}),
            {}, "application/x-www-form-urlencoded");
        idle(10);
    }
    operatorStream.closeAll();
    const Samples floor = measureFloor(ringingFrame, pbxAnswer, pbx, warmup + calls, warmup);
    out << ringing.line(QStringLiteral("INCOMING sent -> call.ringing read")) << '\n'
        << answered.line(QStringLiteral("INCOMING answered to the PBX")) << '\n';
    program.printCpu(cpu, ringing.count(), QStringLiteral("call, until call.ringing was read"));
    program.printTarget(QStringLiteral("screen-pop p99"), ringing.percentileMs(99), 5);
    program.printFloor(QStringLiteral("screen-pop"), ringing, floor, 2);
    if (failures) {
        out << failures << " calls did not pop up a named card\n";
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
