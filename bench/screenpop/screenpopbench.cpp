#include "screenpopbench.h"

#include "common/benchdata.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/eventsockets.h"
#include "common/samples.h"

#include "server/store/database.h"
#include "server/store/linestore.h"
#include "server/store/providerstore.h"

#include "models/phonenumber.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>

namespace linecard::bench {

namespace {

const QString providerToken = QStringLiteral("bench-planfix-token");
const QString lineNumber = QStringLiteral("+7 495 120-00-01");

void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '='
            + QUrl::toPercentEncoding(value, " ").replace(' ', '+');
    }
    return body;
}

QByteArray planFixEvent(const QString &event, const QString &callId, const QString &phone,
    const QString &ext, const QList<std::pair<QString, QString>> &extra = {})
{
    return form(
        QList<std::pair<QString, QString>> {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("in")}, {QStringLiteral("event"), event},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("diversion"), QStringLiteral("74951200001")},
            {QStringLiteral("ext"), ext}, {QStringLiteral("callid"), callId},
            {QStringLiteral("planfix_token"), providerToken}}
        + extra);
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
    DataSpec smoke;
    smoke.contacts = 500;
    smoke.tasks = 100;
    smoke.employees = 2;
    if (!program.start(smoke))
        return 2;
    QTextStream &out = program.out();
    const int calls = program.count(QStringLiteral("calls"));
    const int warmup = program.count(QStringLiteral("warmup"));
    QRandomGenerator rng(quint32(program.count(QStringLiteral("seed"))));

    QString summary, token, extension;
    QStringList callers;
    {
        BenchData data(program.dataDir());
        QSqlQuery op = data.db().exec(
            QStringLiteral("SELECT p.id, e.extension FROM people p JOIN extensions e ON "
                           "e.person_id = p.id WHERE p.login = 'op1'"));
        if (!op.next()) {
            out << "the data set has no operator op1 with an extension (linecard-datagen "
                   "--employees 1 or more)\n";
            return 1;
        }
        const qint64 operatorId = op.value(0).toLongLong();
        extension = op.value(1).toString();
        server::Transaction tx(data.db());
        token = data.rows().issueToken(operatorId);
        server::ProviderStore providers(data.db());
        if (!providers.byToken(providerToken)) {
            server::Provider p;
            p.name = QStringLiteral("Bench PBX");
            p.format = server::Provider::Format::PlanFix;
            providers.create(p, providerToken);
        }
        server::LineStore lines(data.db());
        if (!lines.findByNumber(lineNumber)) {
            Line l;
            l.number = lineNumber;
            l.name = QStringLiteral("Bench line");
            l.color = QStringLiteral("#2e7d32");
            lines.create(l);
        }
        tx.commit();
        // Known callers: the numbers of random contacts, as they were written down.
        QSqlQuery range = data.db().exec(QStringLiteral("SELECT MIN(id), MAX(id) FROM phones"));
        range.next();
        const qint64 minId = range.value(0).toLongLong(), maxId = range.value(1).toLongLong();
        while (callers.size() < warmup + calls) {
            const qint64 id = minId + qint64(rng.bounded(quint64(maxId - minId + 1)));
            const QString number = data.db()
                                       .scalar(QStringLiteral("SELECT number FROM phones WHERE id "
                                                              "= :id AND e164 IS NOT NULL"),
                                           {{QStringLiteral("id"), id}})
                                       .toString();
            if (!number.isEmpty())
                callers << number;
        }
        summary = data.summary();
    }
    program.printHeader(summary);
    out << "server: in-process LinecardServer on its own thread; PBX: QNetworkAccessManager "
           "(the INCOMING), operator: one QWebSocket event stream, both on the main thread; known "
           "callers\n";
    out.flush();

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    BenchHttp http(server.url());
    EventSockets operatorStream;
    if (!operatorStream.open(
            {server.webSocketUrl(QStringLiteral("/api/v1/events"), token)}, 1, 10000)) {
        out << "the operator's event stream did not open\n";
        return 1;
    }
    Samples ringing, answered;
    int failures = 0;
    qint64 cpu = 0;
    const QString run = QString::number(nowNs(), 36);
    for (int i = 0; i < warmup + calls; ++i) {
        const QString callId = QStringLiteral("bench-%1-%2").arg(run).arg(i);
        const QString phone = callers.at(i);
        operatorStream.expect([callId](const QString &text) {
            return text.contains(QLatin1String("\"call.ringing\"")) && text.contains(callId);
        });
        HttpReply reply;
        bool replied = false;
        const qint64 cpuBefore = processCpuNs();
        const qint64 sent = nowNs();
        http.postAsync(QStringLiteral("/tel/api"),
            planFixEvent(QStringLiteral("INCOMING"), callId, phone, extension),
            "application/x-www-form-urlencoded", {}, [&](const HttpReply &r) {
                reply = r;
                replied = true;
            });
        const bool popped = operatorStream.waitForAll(10000);
        const qint64 poppedAt = operatorStream.arrivals().front();
        const qint64 cpuUsed = processCpuNs() - cpuBefore;
        while (!replied)
            idle(1);
        const bool named = operatorStream.lastMatch().contains(QLatin1String("\"contact\":{"));
        if (!popped || reply.status != 200 || !named) {
            if (++failures <= 5)
                out << "  call " << i << " from " << phone << ": "
                    << (popped ? "popped" : "no call.ringing")
                    << (named ? "" : " without a contact") << ", PBX answered " << reply.status
                    << '\n';
        } else if (i >= warmup) {
            ringing.add(poppedAt - sent);
            answered.add(reply.nanoseconds);
            cpu += cpuUsed;
        }
        // The operator answers, the call ends (not timed).
        http.post(QStringLiteral("/tel/api"),
            planFixEvent(QStringLiteral("ACCEPTED"), callId, phone, extension), {},
            "application/x-www-form-urlencoded");
        http.post(QStringLiteral("/tel/api"),
            planFixEvent(QStringLiteral("COMPLETED"), callId, phone, extension,
                {{QStringLiteral("status"), QStringLiteral("Success")},
                    {QStringLiteral("duration"), QStringLiteral("30")}}),
            {}, "application/x-www-form-urlencoded");
        idle(10);
    }
    operatorStream.closeAll();
    out << ringing.line(QStringLiteral("INCOMING sent -> call.ringing read")) << '\n'
        << answered.line(QStringLiteral("INCOMING answered to the PBX")) << '\n';
    program.printCpu(cpu, ringing.count(), QStringLiteral("call, until call.ringing was read"));
    program.printTarget(QStringLiteral("screen-pop p99"), ringing.percentileMs(99), 5);
    if (failures) {
        out << failures << " calls did not pop up a named card\n";
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
