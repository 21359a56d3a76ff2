#include "fanoutbench.h"

#include "common/barerelay.h"
#include "common/benchdata.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/eventsockets.h"
#include "common/samples.h"

#include "server/store/database.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace linecard::bench {

namespace {

// The same events through a bare relay: a POST whose answer is fixed, and a fixed frame
// written to each of the same number of WebSockets.
Samples measureFloor(
    const QByteArray &frame, const QByteArray &answer, int clients, int total, int warmup)
{
    Samples floor;
    BareRelay relay;
    relay.setFrame(frame);
    relay.setBody(answer);
    EventSockets sockets;
    if (!sockets.open(QList<QUrl>(clients, relay.webSocketUrl()), 50, 30000)) {
        qWarning("the bare relay's event streams did not open");
        return floor;
    }
    BenchHttp http(relay.url());
    for (int e = 0; e < total; ++e) {
        sockets.expect([](const QString &) { return true; });
        bool replied = false;
        const qint64 sent = nowNs();
        http.postAsync(QLatin1String(BareRelay::popPath), frame, "application/json", {},
            [&](const HttpReply &) { replied = true; });
        const bool all = sockets.waitForAll(10000);
        while (!replied)
            idle(1);
        const auto &t = sockets.arrivals();
        if (all && e >= warmup)
            floor.add(*std::max_element(t.begin(), t.end()) - sent);
        idle(20);
    }
    sockets.closeAll();
    return floor;
}

} // namespace

int runFanoutBench(int argc, char *argv[])
{
    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-fanout"));
    BenchProgram program(app,
        QStringLiteral("Fan-out: an administrator posts a comment (POST "
                       "/api/v1/tasks/{id}/comments); time until each of N operators' event "
                       "streams (WebSocket on loopback) has the comment.created event."));
    program.addCount(QStringLiteral("clients"), QStringLiteral("Connected operators"), 1000, 20);
    program.addCount(QStringLiteral("events"), QStringLiteral("Measured events"), 100, 5);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured events first"), 5, 1);
    DataSpec smoke;
    smoke.contacts = 200;
    smoke.tasks = 10;
    smoke.employees = 2;
    if (!program.start(smoke))
        return 2;
    QTextStream &out = program.out();
    const int clients = program.count(QStringLiteral("clients"));
    const int events = program.count(QStringLiteral("events"));
    const int warmup = program.count(QStringLiteral("warmup"));

    QString summary, adminToken;
    qint64 taskId = 0;
    BenchData::Staff staff;
    {
        BenchData data(program.dataDir());
        taskId = data.number(QStringLiteral("SELECT MIN(id) FROM tasks"));
        if (!taskId) {
            out << "the data set has no task to comment on\n";
            return 1;
        }
        staff = data.employeesWithTokens(QStringLiteral("fanout-"), clients);
        server::Transaction tx(data.db());
        adminToken = data.rows().issueToken(data.administratorId());
        tx.commit();
        summary = data.summary();
    }
    program.printHeader(summary);
    out << "server: in-process LinecardServer on its own thread; clients: " << clients
        << " QWebSocket event streams on the main thread (their own event loop); every "
           "operator may see the comment\n";
    out.flush();

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    // Two instances: the comment is posted to the first, the sockets are on the second.
    std::unique_ptr<BenchServer> second;
    if (program.secondInstance())
        second = std::make_unique<BenchServer>(program.dataDir() + QStringLiteral("/second"));
    const BenchServer &listened = second ? *second : server;
    BenchHttp http(server.url());
    EventSockets sockets;
    QList<QUrl> urls;
    for (const QString &token : staff.tokens)
        urls << listened.webSocketUrl(QStringLiteral("/api/v1/events"), token);
    const qint64 openStarted = nowNs();
    if (!sockets.open(urls, 50, 30000)) {
        out << "not every event stream opened\n";
        return 1;
    }
    out << clients << " event streams open in "
        << QString::number(double(nowNs() - openStarted) / 1e6, 'f', 0) << " ms\n";
    out.flush();

    Samples last, first, answered;
    QByteArray frame, answer; // a real event and answer, for the bare relay
    int failures = 0;
    qint64 cpu = 0;
    const QString run = QString::number(nowNs(), 36);
    const QString path = QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId);
    for (int e = 0; e < warmup + events; ++e) {
        const QString marker = QStringLiteral("fanout-%1-%2").arg(run).arg(e);
        sockets.expect([marker](const QString &text) {
            return text.contains(marker) && text.contains(QLatin1String("comment.created"));
        });
        HttpReply reply;
        bool replied = false;
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("text"),
                marker}}).toJson(QJsonDocument::Compact);
        const qint64 cpuBefore = processCpuNs();
        const qint64 sent = nowNs();
        http.postAsync(path, body, "application/json", adminToken, [&](const HttpReply &r) {
            reply = r;
            replied = true;
        });
        const bool all = sockets.waitForAll(10000);
        const qint64 cpuUsed = processCpuNs() - cpuBefore;
        while (!replied)
            idle(1);
        if (!all || reply.status != 201) {
            if (++failures <= 5)
                out << "  event " << e << ": " << sockets.arrived() << '/' << clients
                    << " delivered, POST answered " << reply.status << '\n';
            continue;
        }
        if (e >= warmup) {
            frame = sockets.lastMatch().toUtf8();
            answer = reply.body;
            const auto &t = sockets.arrivals();
            last.add(*std::max_element(t.begin(), t.end()) - sent);
            first.add(*std::min_element(t.begin(), t.end()) - sent);
            answered.add(reply.nanoseconds);
            cpu += cpuUsed;
        }
        idle(20); // the next event is a new one, not a burst
    }
    sockets.closeAll();
    const Samples floor = measureFloor(frame, answer, clients, warmup + events, warmup);

    out << last.line(QStringLiteral("last of %1 delivered").arg(clients)) << '\n'
        << first.line(QStringLiteral("first delivered")) << '\n'
        << answered.line(QStringLiteral("POST answered")) << '\n';
    program.printCpu(cpu, last.count(), QStringLiteral("event, until the last delivery"));
    program.printTarget(QStringLiteral("fan-out to %1, last delivered p99").arg(clients),
        last.percentileMs(99), 100);
    program.printFloor(QStringLiteral("fan-out to %1, last delivered").arg(clients), last, floor);
    if (failures) {
        out << failures << " events were not delivered to everyone\n";
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
