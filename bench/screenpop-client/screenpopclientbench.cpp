#include "screenpopclientbench.h"

#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/clienthome.h"
#include "common/pbxsetup.h"
#include "common/samples.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

namespace linecard::bench {

namespace {

const QString login = QStringLiteral("op1");

// The client's stderr, line by line, and what its reports said.
class ClientReports : public QObject
{
public:
    explicit ClientReports(QProcess *client)
        : m_client(client)
    {
        connect(client, &QProcess::readyReadStandardError, this, &ClientReports::read);
    }

    struct Pop
    {
        qint64 atNs = 0;
        qint64 callId = 0;
        QString name;
    };

    // Runs the event loop until a line matches (or the time is up).
    bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!done() && !deadline.hasExpired() && m_client->state() != QProcess::NotRunning) {
            QEventLoop loop;
            QTimer::singleShot(1, &loop, &QEventLoop::quit);
            connect(m_client, &QProcess::readyReadStandardError, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return done();
    }

    bool usable = false;
    QList<Pop> pops;
    QByteArray log; // everything it said, for a failure's explanation

private:
    void read()
    {
        m_buffer += m_client->readAllStandardError();
        qsizetype end;
        while ((end = m_buffer.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_buffer.left(end));
            m_buffer.remove(0, end + 1);
            log += line.toUtf8() + '\n';
            static const QRegularExpression pop(
                QStringLiteral("call window painted at_ns=(\\d+) call=(\\d+) name=(.*)$"));
            if (line.contains(QLatin1String("linecard: usable after")))
                usable = true;
            else if (const auto m = pop.match(line); m.hasMatch())
                pops.append({m.captured(1).toLongLong(), m.captured(2).toLongLong(),
                    m.captured(3).trimmed()});
        }
    }

    QProcess *m_client;
    QByteArray m_buffer;
};

} // namespace

int runScreenPopClientBench(int argc, char *argv[])
{
    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-screenpop-client"));
    BenchProgram program(app,
        QStringLiteral("Screen-pop end to end: a PlanFix-format INCOMING request (POST /tel/api) "
                       "→ the call window painted with the caller's name in the real linecard "
                       "program (offscreen), signed in as the ringing operator."));
    program.addCount(QStringLiteral("calls"), QStringLiteral("Measured calls"), 100, 3);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured calls first"), 5, 1);
    program.addCount(QStringLiteral("seed"), QStringLiteral("Random seed"), 9, 9);
    if (!program.start(PbxSetup::smokeData()))
        return 2;
    QTextStream &out = program.out();
    const int calls = program.count(QStringLiteral("calls"));
    const int warmup = program.count(QStringLiteral("warmup"));

    PbxSetup pbx;
    if (!pbx.start(program, warmup + calls))
        return 1;
    const QString token = pbx.operatorToken;
    out << "server: in-process LinecardServer on its own thread; PBX: QNetworkAccessManager on "
           "the main thread; client: "
        << LINECARD_CLIENT_PROGRAM << " (offscreen) signed in as " << login
        << "; the window's first paint is timed on the steady clock both processes share\n";
    out.flush();

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    BenchHttp http(server.url());
    ClientHome home;
    if (!home.remember(server.url(), login, token)) {
        out << "cannot write the client's settings under " << home.path() << '\n';
        return 1;
    }
    QProcess client;
    client.setProcessEnvironment(home.environment());
    ClientReports reports(&client);
    client.start(QStringLiteral(LINECARD_CLIENT_PROGRAM), {});
    if (!reports.waitFor([&] { return reports.usable; }, 30000)) {
        out << "the client did not start: " << reports.log << '\n';
        return 1;
    }
    idle(500); // the event stream connects after the window shows

    Samples popped;
    int failures = 0, otherName = 0;
    const QString run = QString::number(nowNs(), 36);
    for (int i = 0; i < warmup + calls; ++i) {
        const QString callId = QStringLiteral("e2e-%1-%2").arg(run).arg(i);
        const QString phone = pbx.callers.at(i);
        const qsizetype before = reports.pops.size();
        const qint64 sent = nowNs();
        http.postAsync(QStringLiteral("/tel/api"),
            PbxSetup::planFixEvent(QStringLiteral("INCOMING"), callId, phone, pbx.extension),
            "application/x-www-form-urlencoded", {}, [](const HttpReply &) {});
        const bool shown = reports.waitFor([&] { return reports.pops.size() > before; }, 10000);
        if (!shown) {
            if (++failures <= 5)
                out << "  call " << i << " from " << phone << ": no window\n";
        } else {
            const ClientReports::Pop pop = reports.pops.at(before);
            if (pop.name.isEmpty()) {
                if (++failures <= 5)
                    out << "  call " << i << " from " << phone << ": a window without a name\n";
            } else {
                // Several contacts may share a number: the window may name another of them.
                if (pop.name != pbx.callerNames.at(i))
                    ++otherName;
                if (i >= warmup)
                    popped.add(pop.atNs - sent);
            }
        }
        // The operator answers, the call ends (not timed); its window stays, as it does.
        http.post(QStringLiteral("/tel/api"),
            PbxSetup::planFixEvent(QStringLiteral("ACCEPTED"), callId, phone, pbx.extension), {},
            "application/x-www-form-urlencoded");
        http.post(QStringLiteral("/tel/api"),
            PbxSetup::planFixEvent(QStringLiteral("COMPLETED"), callId, phone, pbx.extension,
                {{QStringLiteral("status"), QStringLiteral("Success")},
                    {QStringLiteral("duration"), QStringLiteral("30")}}),
            {}, "application/x-www-form-urlencoded");
        idle(30);
    }
    client.terminate();
    client.waitForFinished(5000);
    out << popped.line(QStringLiteral("INCOMING sent -> call window painted with the name"))
        << '\n';
    if (otherName)
        out << otherName << " windows named another contact sharing the caller's number\n";
    program.printTarget(QStringLiteral("screen-pop end to end p99"), popped.percentileMs(99), 50);
    if (failures) {
        out << failures << " calls did not pop up a named window\n";
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
