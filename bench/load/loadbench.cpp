#include "loadbench.h"

#include "common/benchdata.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/pbxsetup.h"
#include "common/samples.h"

#include "server/store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQueue>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <unistd.h>

#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace linecard::bench {

namespace {

// One HTTP/1.1 exchange at a time on a kept-alive socket, queued, without blocking the event
// loop: what an operator's client or a PBX's HTTP client does. The time of a request runs
// from the moment it is written to the socket to the last byte of its answer.
class AsyncHttp
{
public:
    using Done = std::function<void(int status, const QByteArray &body, qint64 ns)>;

    explicit AsyncHttp(const QUrl &base)
        : m_base(base)
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] { writeCurrent(); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { fail(); });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket, [this] { fail(); });
    }

    // The socket's signals go first: they would reach a queue already destroyed.
    ~AsyncHttp()
    {
        QObject::disconnect(&m_socket, nullptr, nullptr, nullptr);
        m_socket.abort();
    }

    void request(const QByteArray &method, const QString &pathAndQuery, const QString &token,
        const QByteArray &body, Done done, std::function<void(qint64)> sent = {},
        const QByteArray &contentType = "application/json")
    {
        QByteArray bytes = method + ' ' + QUrl(pathAndQuery).toEncoded()
            + " HTTP/1.1\r\nHost: " + m_base.host().toLatin1() + "\r\nConnection: keep-alive\r\n";
        if (!token.isEmpty())
            bytes += "Authorization: Bearer " + token.toLatin1() + "\r\n";
        if (method != "GET")
            bytes += "Content-Type: " + contentType
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        bytes += "\r\n" + body;
        m_queue.push_back({bytes, std::move(done), std::move(sent)});
        if (!m_inFlight)
            sendNext();
    }

private:
    struct Pending
    {
        QByteArray bytes;
        Done done;
        std::function<void(qint64)> sent;
    };

    void sendNext()
    {
        if (m_queue.empty())
            return;
        m_inFlight = true;
        m_in.clear();
        m_headerEnd = -1;
        if (m_socket.state() == QAbstractSocket::ConnectedState) {
            writeCurrent();
            return;
        }
        if (m_socket.state() == QAbstractSocket::UnconnectedState) {
            m_socket.connectToHost(m_base.host(), quint16(m_base.port()));
            m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        }
        // writeCurrent() once connected
    }

    void writeCurrent()
    {
        if (!m_inFlight || m_queue.empty())
            return;
        m_sentAt = nowNs();
        if (m_queue.front().sent)
            m_queue.front().sent(m_sentAt);
        m_socket.write(m_queue.front().bytes);
        m_socket.flush();
    }

    void read()
    {
        m_in += m_socket.readAll();
        if (!m_inFlight)
            return;
        if (m_headerEnd < 0) {
            m_headerEnd = m_in.indexOf("\r\n\r\n");
            if (m_headerEnd < 0)
                return;
            const QList<QByteArray> lines = m_in.left(m_headerEnd).split('\n');
            m_status = lines.first().split(' ').value(1).toInt();
            m_length = 0;
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
                    m_length = line.mid(colon + 1).trimmed().toLongLong();
            }
        }
        if (m_in.size() < m_headerEnd + 4 + m_length)
            return;
        const qint64 took = nowNs() - m_sentAt;
        Pending done = std::move(m_queue.front());
        m_queue.pop_front();
        m_inFlight = false;
        const QByteArray body = m_in.mid(m_headerEnd + 4, m_length);
        done.done(m_status, body, took);
        sendNext();
    }

    // The connection broke: the request in flight failed; the next ones go on a new one.
    void fail()
    {
        if (!m_inFlight)
            return;
        Pending failed = std::move(m_queue.front());
        m_queue.pop_front();
        m_inFlight = false;
        m_socket.abort();
        failed.done(0, {}, nowNs() - m_sentAt);
        QTimer::singleShot(0, &m_socket, [this] {
            if (!m_inFlight)
                sendNext();
        });
    }

    QUrl m_base;
    QTcpSocket m_socket;
    std::deque<Pending> m_queue;
    bool m_inFlight = false;
    QByteArray m_in;
    qsizetype m_headerEnd = -1;
    int m_status = 0;
    qint64 m_length = 0;
    qint64 m_sentAt = 0;
};

// What an operator does, with its weight (per action; opening a task is two requests).
enum class Kind
{
    TaskList,
    Task,
    Comments,
    SearchDigits,
    SearchName,
    ContactCard,
    PostComment,
    MarkRead,
    KindCount
};

const char *kindName(Kind kind)
{
    static const char *names[]
        = {"task list page", "task", "task's first comment page", "contact search, 4 digits",
            "contact search, name", "contact card", "comment posted", "task marked read"};
    return names[int(kind)];
}

struct Action
{
    int weight;
    Kind first;
};
// list 25, open a task 15 (task + comments), digits 8, name 8, card 10, comment 5, read 14:
// 85 actions make 100 requests, 5 of them comments.
const Action actions[] = {{25, Kind::TaskList}, {15, Kind::Task}, {8, Kind::SearchDigits},
    {8, Kind::SearchName}, {10, Kind::ContactCard}, {5, Kind::PostComment}, {14, Kind::MarkRead}};

// What the operators pick from: ids that exist, name fragments of real contacts, callers.
struct World
{
    QList<qint64> taskIds;
    QList<qint64> contactIds;
    QStringList nameFragments;
    QStringList callers;
};

QList<qint64> sampleIds(server::Database &db, const QString &table, const QString &where, int n,
    QRandomGenerator &rng, QStringList *names = nullptr)
{
    QSqlQuery range
        = db.exec(QStringLiteral("SELECT MIN(id), MAX(id) FROM %1 WHERE %2").arg(table, where));
    range.next();
    const qint64 lo = range.value(0).toLongLong(), hi = range.value(1).toLongLong();
    QList<qint64> ids;
    for (int tries = 0; ids.size() < n && tries < n * 20 && hi >= lo; ++tries) {
        const qint64 probe = lo + qint64(rng.bounded(quint64(hi - lo + 1)));
        QSqlQuery row
            = db.exec(QStringLiteral("SELECT id%1 FROM %2 WHERE %3 AND id >= :p "
                                     "ORDER BY id LIMIT 1")
                          .arg(names ? QStringLiteral(", name") : QString(), table, where),
                {{QStringLiteral("p"), probe}});
        if (!row.next())
            continue;
        ids << row.value(0).toLongLong();
        if (names) {
            const QString word = row.value(1).toString().section(u' ', 0, 0).toLower();
            if (word.size() >= 3)
                *names << word.left(4);
        }
    }
    return ids;
}

// The server's CPU time from /proc: the process, and its busiest thread.
struct ServerCpu
{
    double processSeconds = 0;
    std::map<QString, double> threadSeconds; // by thread id

    static ServerCpu read(qint64 pid)
    {
        ServerCpu cpu;
        cpu.processSeconds = seconds(QStringLiteral("/proc/%1/stat").arg(pid));
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
        for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            cpu.threadSeconds[tid] = seconds(tasks.filePath(tid + QStringLiteral("/stat")));
        return cpu;
    }
    static double seconds(const QString &statFile)
    {
        QFile f(statFile);
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray stat = f.readAll();
        // After "pid (comm) ": state is field 3, utime 14, stime 15.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        const double ticks = double(sysconf(_SC_CLK_TCK));
        return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
    }
};

class LoadRun;

// One simulated operator: a kept-alive HTTP connection, an event stream, and a loop of
// actions with an exponential think time between them.
class Operator
{
public:
    Operator(LoadRun &run, int index, qint64 personId, const QString &token);
    void openStream(const QUrl &url) { m_stream.open(url); }
    bool saidHello() const { return m_hello; }
    void start() { next(); }

private:
    void next();
    void issue(Kind kind, const QByteArray &method, const QString &path, const QByteArray &body,
        std::function<void()> then);
    void onEvent(const QString &text);

    LoadRun &m_run;
    int m_index;
    qint64 m_personId;
    QString m_token;
    AsyncHttp m_http;
    QWebSocket m_stream;
    QRandomGenerator m_rng;
    bool m_hello = false;
};

class LoadRun
{
public:
    LoadRun(const QUrl &base, World world, double thinkMs)
        : base(base)
        , world(std::move(world))
        , thinkMs(thinkMs)
    { }

    bool measuring(qint64 at) const { return at >= windowStart && at < windowEnd; }
    void record(Kind kind, qint64 sentAt, int status, qint64 ns, const QString &what)
    {
        if (!measuring(sentAt))
            return;
        ++measured;
        if (status == 0 || status >= 400) {
            if (++errors <= 5)
                errorNotes << QStringLiteral("%1 %2: %3")
                                  .arg(QString::fromLatin1(kindName(kind)), what)
                                  .arg(status);
            return;
        }
        all.add(ns);
        byKind[int(kind)].add(ns);
    }
    void ringing(int operatorIndex, const QString &callId, qint64 at)
    {
        auto it = calls.find(callId);
        if (it == calls.end() || it->second.operatorIndex != operatorIndex)
            return;
        if (measuring(it->second.sentAt))
            screenPop.add(at - it->second.sentAt);
        calls.erase(it);
    }

    QUrl base;
    World world;
    double thinkMs;
    bool stopping = false;
    qint64 windowStart = std::numeric_limits<qint64>::max();
    qint64 windowEnd = std::numeric_limits<qint64>::max();
    Samples all;
    Samples byKind[int(Kind::KindCount)];
    Samples screenPop;
    int measured = 0;
    int errors = 0;
    QStringList errorNotes;
    qint64 events = 0;
    int inFlight = 0;

    struct Call
    {
        qint64 sentAt = 0;
        int operatorIndex = 0;
    };
    std::map<QString, Call> calls; // INCOMING sent, call.ringing not yet read
    int callsMeasured = 0;
};

Operator::Operator(LoadRun &run, int index, qint64 personId, const QString &token)
    : m_run(run)
    , m_index(index)
    , m_personId(personId)
    , m_token(token)
    , m_http(run.base)
    , m_rng(quint32(1000 + index))
{
    QObject::connect(&m_stream, &QWebSocket::textMessageReceived, &m_stream,
        [this](const QString &text) { onEvent(text); });
}

void Operator::onEvent(const QString &text)
{
    const qint64 at = nowNs();
    if (!m_hello) {
        m_hello = text.contains(QLatin1String("\"hello\""));
        return;
    }
    ++m_run.events;
    if (!text.contains(QLatin1String("\"call.ringing\"")))
        return;
    static const QRegularExpression callId(QStringLiteral("load-[0-9a-z]+-[0-9]+"));
    const QRegularExpressionMatch match = callId.match(text);
    if (match.hasMatch())
        m_run.ringing(m_index, match.captured(), at);
}

void Operator::issue(Kind kind, const QByteArray &method, const QString &path,
    const QByteArray &body, std::function<void()> then)
{
    ++m_run.inFlight;
    const qint64 sentAt = nowNs();
    m_http.request(method, path, m_token, body,
        [this, kind, sentAt, path, then = std::move(then)](
            int status, const QByteArray &, qint64 ns) {
            --m_run.inFlight;
            m_run.record(kind, sentAt, status, ns, path);
            then();
        });
}

void Operator::next()
{
    if (m_run.stopping)
        return;
    const World &w = m_run.world;
    auto pick = [this](const auto &list) { return list.at(int(m_rng.bounded(list.size()))); };
    auto thinkThenNext = [this] {
        const double u = std::max(1e-9, m_rng.generateDouble());
        const int ms = int(-std::log(u) * m_run.thinkMs);
        QTimer::singleShot(ms, &m_stream, [this] { next(); });
    };
    int roll = int(m_rng.bounded(85));
    Kind kind = Kind::TaskList;
    for (const Action &a : actions) {
        if (roll < a.weight) {
            kind = a.first;
            break;
        }
        roll -= a.weight;
    }
    const qint64 task = pick(w.taskIds);
    const QString taskPath = QStringLiteral("/api/v1/tasks/%1").arg(task);
    switch (kind) {
    case Kind::TaskList: {
        QUrlQuery q {{QStringLiteral("limit"), QStringLiteral("50")}};
        const int filter = int(m_rng.bounded(100));
        q.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
        if (filter < 20)
            q.addQueryItem(QStringLiteral("assigneeId"), QString::number(m_personId));
        else if (filter < 35)
            q.addQueryItem(QStringLiteral("q"), pick(w.nameFragments));
        else if (filter < 50)
            q.addQueryItem(QStringLiteral("contactId"), QString::number(pick(w.contactIds)));
        issue(kind, "GET", QStringLiteral("/api/v1/tasks?") + q.toString(QUrl::FullyEncoded), {},
            thinkThenNext);
        break;
    }
    case Kind::Task:
        issue(Kind::Task, "GET", taskPath, {}, [this, taskPath, thinkThenNext] {
            issue(Kind::Comments, "GET", taskPath + QStringLiteral("/comments?limit=50"), {},
                thinkThenNext);
        });
        break;
    case Kind::SearchDigits:
        issue(kind, "GET",
            QStringLiteral("/api/v1/contacts?limit=20&q=%1")
                .arg(m_rng.bounded(10000), 4, 10, QLatin1Char('0')),
            {}, thinkThenNext);
        break;
    case Kind::SearchName:
        issue(kind, "GET",
            QStringLiteral("/api/v1/contacts?limit=20&q=")
                + QString::fromLatin1(QUrl::toPercentEncoding(pick(w.nameFragments))),
            {}, thinkThenNext);
        break;
    case Kind::ContactCard:
        issue(kind, "GET", QStringLiteral("/api/v1/contacts/%1").arg(pick(w.contactIds)), {},
            thinkThenNext);
        break;
    case Kind::PostComment:
        issue(kind, "POST", taskPath + QStringLiteral("/comments"),
            QJsonDocument(QJsonObject {{QStringLiteral("text"),
                              QStringLiteral("Load: operator %1 checked this.").arg(m_index + 1)}})
                .toJson(QJsonDocument::Compact),
            thinkThenNext);
        break;
    case Kind::MarkRead:
        issue(kind, "POST", taskPath + QStringLiteral("/read"), "{}", thinkThenNext);
        break;
    case Kind::Comments:
    case Kind::KindCount:
        break;
    }
}

// The PBX: INCOMING for a random operator's extension at a steady rate on one kept-alive
// connection, the answer a second later and the end a second after that on another.
class Pbx
{
public:
    Pbx(LoadRun &run, const QStringList &extensions, int perSecond)
        : m_run(run)
        , m_extensions(extensions)
        , m_incoming(run.base)
        , m_later(run.base)
        , m_runId(QString::number(nowNs(), 36))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1000 / std::max(1, perSecond));
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { ring(); });
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int errors() const { return m_errors; }
    int requests() const { return m_requests; }

private:
    void ring()
    {
        const int target = int(m_rng.bounded(m_extensions.size()));
        const QString callId = QStringLiteral("load-%1-%2").arg(m_runId).arg(m_sequence++);
        const QString phone
            = m_run.world.callers.at(int(m_rng.bounded(m_run.world.callers.size())));
        const QString ext = m_extensions.at(target);
        send(m_incoming, PbxSetup::planFixEvent(QStringLiteral("INCOMING"), callId, phone, ext),
            [this, callId, target](qint64 sentAt) {
                m_run.calls[callId] = {sentAt, target};
            });
        QTimer::singleShot(1000, &m_timer, [this, callId, phone, ext] {
            send(m_later, PbxSetup::planFixEvent(QStringLiteral("ACCEPTED"), callId, phone, ext));
        });
        QTimer::singleShot(2000, &m_timer, [this, callId, phone, ext] {
            send(m_later,
                PbxSetup::planFixEvent(QStringLiteral("COMPLETED"), callId, phone, ext,
                    {{QStringLiteral("status"), QStringLiteral("Success")},
                        {QStringLiteral("duration"), QStringLiteral("1")}}));
        });
    }
    void send(AsyncHttp &http, const QByteArray &form, std::function<void(qint64)> sent = {})
    {
        http.request(
            "POST", QStringLiteral("/tel/api"), {}, form,
            [this](int status, const QByteArray &, qint64) {
                ++m_requests;
                if (status != 200)
                    ++m_errors;
            },
            std::move(sent), "application/x-www-form-urlencoded");
    }

    LoadRun &m_run;
    QStringList m_extensions;
    AsyncHttp m_incoming;
    AsyncHttp m_later;
    QTimer m_timer;
    QRandomGenerator m_rng {7};
    QString m_runId;
    int m_sequence = 0;
    int m_errors = 0;
    int m_requests = 0;
};

void runFor(int ms, const std::function<bool()> &done = {})
{
    const qint64 until = nowNs() + qint64(ms) * 1000000;
    while (nowNs() < until && !(done && done()))
        idle(std::min<qint64>(50, std::max<qint64>(1, (until - nowNs()) / 1000000)));
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

int runLoadBench(int argc, char *argv[])
{
    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-load"));
    BenchProgram program(app,
        QStringLiteral(
            "Throughput under an operator load: N operators at once against a linecard-server "
            "process, each with a kept-alive HTTP connection and an event stream, each "
            "repeating an action after an exponential think time. The actions and their "
            "weights: 25 a task list page (status=active, limit 50; 20% of them also "
            "assigneeId=self, 15% q=a name fragment, 15% contactId), 15 open a task (the task, "
            "then its first comment page: two requests), 8 contact search by 4 digits, 8 by a "
            "name fragment, 10 a contact card, 5 post a comment (5% of the requests), 14 mark "
            "a task read. Meanwhile a PBX rings random operators (INCOMING, ACCEPTED 1 s later, "
            "COMPLETED 1 s after that); the screen-pop is INCOMING sent -> call.ringing read on "
            "that operator's stream. Operators are load1..loadN with extensions 7001…, made in "
            "the data directory when missing."));
    program.addCount(QStringLiteral("clients"), QStringLiteral("Operators at once"), 200, 4);
    program.addCount(QStringLiteral("seconds"), QStringLiteral("Measured seconds"), 30, 2);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured seconds first"), 5, 1);
    program.addCount(
        QStringLiteral("think-ms"), QStringLiteral("Mean think time between actions"), 80, 20);
    program.addCount(QStringLiteral("calls-per-second"), QStringLiteral("PBX calls"), 10, 5);
    program.addOption({QStringLiteral("server"),
        QStringLiteral("Load this server (e.g. instances behind nginx) instead of starting "
                       "linecard-server on the data directory; the operators' tokens are still "
                       "written into --data-dir, which must be that server's. Its CPU is not "
                       "measured."),
        QStringLiteral("url")});
    if (!program.start(PbxSetup::smokeData()))
        return 2;
    QTextStream &out = program.out();
    const int clients = std::max(1, program.count(QStringLiteral("clients")));
    const int seconds = std::max(1, program.count(QStringLiteral("seconds")));
    const int warmup = program.count(QStringLiteral("warmup"));
    const int callsPerSecond = std::max(1, program.count(QStringLiteral("calls-per-second")));

    // The operators, their extensions and what they pick from, straight into the data.
    PbxSetup pbxSetup;
    QString error;
    if (!pbxSetup.prepare(program.dataDir(), 500, 5, error)) {
        out << error << '\n';
        return 1;
    }
    World world;
    world.callers = pbxSetup.callers;
    BenchData::Staff staff;
    QStringList extensions;
    qint64 earlierComments = 0;
    {
        BenchData data(program.dataDir());
        // What earlier runs left: their comments all go to the same sampled tasks (a fixed
        // seed), and each run on one copy was slower than the one before (200 operators:
        // 2,463/s, 2,432/s, 2,355/s, 2,241/s; not the write-ahead log: truncating it first
        // changed nothing). Printed, so that only runs from the same start are compared.
        earlierComments = data.number(QStringLiteral(
            "SELECT COUNT(*) FROM comments WHERE author_id IN (SELECT id FROM people WHERE "
            "kind = 'employee' AND login LIKE 'load%')"));
        staff = data.employeesWithTokens(QStringLiteral("load"), clients);
        server::Transaction tx(data.db());
        for (int i = 0; i < clients; ++i) {
            extensions << QString::number(7001 + i);
            data.db().exec(QStringLiteral("INSERT OR REPLACE INTO extensions(extension, "
                                          "person_id) VALUES (:e, :p)"),
                {{QStringLiteral("e"), extensions.last()}, {QStringLiteral("p"), staff.ids.at(i)}});
        }
        tx.commit();
        QRandomGenerator rng(11);
        world.taskIds
            = sampleIds(data.db(), QStringLiteral("tasks"), QStringLiteral("1"), 2000, rng);
        world.contactIds = sampleIds(data.db(), QStringLiteral("people"),
            QStringLiteral("kind = 'contact'"), 2000, rng, &world.nameFragments);
    }
    if (world.taskIds.isEmpty() || world.contactIds.isEmpty() || world.nameFragments.isEmpty()) {
        out << "the data set has no tasks or contacts\n";
        return 1;
    }
    program.printHeader(pbxSetup.summary);
    out << "earlier load runs on this data: " << earlierComments
        << " comments by the load operators (each run adds some 3,500 and slows the next: "
           "compare runs that start from the same count, e.g. each on a fresh copy)\n";

    QUrl base(program.value(QStringLiteral("server")));
    QProcess server;
    if (!program.isSet(QStringLiteral("server"))) {
        const quint16 port = freePort();
        server.setProgram(QStringLiteral(LINECARD_SERVER_PROGRAM));
        server.setArguments({QStringLiteral("--data-dir"), program.dataDir(),
            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
            QStringLiteral("--ping-interval"), QStringLiteral("3600000")});
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("linecard.*.info=false"));
        server.setProcessEnvironment(env);
        server.start();
        if (!server.waitForStarted(10000)) {
            out << "linecard-server did not start: " << server.errorString() << '\n';
            return 1;
        }
        base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    }
    {
        BenchHttp probe(base);
        const qint64 until = nowNs() + 60 * qint64(1000000000);
        while (probe.get(QStringLiteral("/healthz")).status != 200) {
            if (nowNs() > until || (server.processId() && server.state() != QProcess::Running)) {
                out << "the server at " << base.toString() << " does not answer /healthz\n";
                return 1;
            }
            idle(100);
        }
    }
    out << "load: " << clients << " operators (a kept-alive HTTP/1.1 connection and an event "
        << "stream each, think time exponential, mean " << program.count(QStringLiteral("think-ms"))
        << " ms), PBX " << callsPerSecond << " calls/s; warm-up " << warmup << " s, measured "
        << seconds << " s; server: "
        << (server.processId() ? QStringLiteral("linecard-server process %1 at %2")
                                     .arg(server.processId())
                                     .arg(base.toString())
                               : QStringLiteral("external, %1").arg(base.toString()))
        << "\n";
    out.flush();

    LoadRun run(base, world, program.count(QStringLiteral("think-ms")));
    std::vector<std::unique_ptr<Operator>> operators;
    for (int i = 0; i < clients; ++i)
        operators.push_back(
            std::make_unique<Operator>(run, i, staff.ids.at(i), staff.tokens.at(i)));
    // The listen backlog is short: streams open in waves, each waiting for its hellos.
    for (int i = 0; i < clients; i += 50) {
        const int end = std::min(clients, i + 50);
        for (int j = i; j < end; ++j) {
            QUrl ws = base;
            ws.setScheme(QStringLiteral("ws"));
            ws.setPath(QStringLiteral("/api/v1/events"));
            ws.setQuery(QUrlQuery {{QStringLiteral("token"), staff.tokens.at(j)}});
            operators[size_t(j)]->openStream(ws);
        }
        runFor(20000, [&] {
            for (int j = i; j < end; ++j)
                if (!operators[size_t(j)]->saidHello())
                    return false;
            return true;
        });
    }
    int streams = 0;
    for (const auto &op : operators)
        streams += op->saidHello() ? 1 : 0;
    if (streams < clients) {
        out << (clients - streams) << " event streams did not open\n";
        return 1;
    }

    Pbx pbx(run, extensions, callsPerSecond);
    for (const auto &op : operators)
        op->start();
    pbx.start();
    runFor(warmup * 1000);

    const qint64 clientCpuBefore = processCpuNs();
    const ServerCpu serverBefore
        = server.processId() ? ServerCpu::read(server.processId()) : ServerCpu();
    run.windowStart = nowNs();
    run.windowEnd = run.windowStart + qint64(seconds) * 1000000000;
    const qint64 eventsBefore = run.events;
    runFor(seconds * 1000);
    const ServerCpu serverAfter
        = server.processId() ? ServerCpu::read(server.processId()) : ServerCpu();
    const qint64 clientCpu = processCpuNs() - clientCpuBefore;
    const qint64 events = run.events - eventsBefore;
    run.stopping = true;
    pbx.stop();
    // What was sent inside the window counts when its answer comes.
    runFor(10000, [&] { return run.inFlight == 0; });
    runFor(300);
    int screenPopsMissing = 0;
    for (const auto &[id, call] : run.calls)
        if (run.measuring(call.sentAt))
            ++screenPopsMissing;

    for (int k = 0; k < int(Kind::KindCount); ++k)
        out << "  "
            << run.byKind[k].line(
                   QString::fromLatin1(kindName(Kind(k))), run.byKind[k].count() / double(seconds))
            << '\n';
    out << run.all.line(QStringLiteral("mixed load"), run.all.count() / double(seconds)) << '\n';
    out << "errors=" << run.errors << " of " << run.measured << " requests"
        << (run.inFlight ? QStringLiteral(" (%1 unanswered)").arg(run.inFlight) : QString())
        << "; PBX: " << pbx.errors() << " of " << pbx.requests() << " requests failed; "
        << screenPopsMissing << " measured calls did not pop up\n";
    for (const QString &note : std::as_const(run.errorNotes))
        out << "  error: " << note << '\n';
    out << run.screenPop.line(QStringLiteral("screen-pop under load (INCOMING sent -> call.ringing "
                                             "read)"),
        run.screenPop.count() / double(seconds))
        << '\n';
    out << "events: " << events << " read on the operators' streams ("
        << QString::number(events / double(seconds), 'f', 0) << "/s)\n";
    if (server.processId()) {
        const double used = serverAfter.processSeconds - serverBefore.processSeconds;
        double busiest = 0;
        int busyThreads = 0;
        for (const auto &[tid, after] : serverAfter.threadSeconds) {
            const auto before = serverBefore.threadSeconds.find(tid);
            const double t
                = after - (before == serverBefore.threadSeconds.end() ? 0 : before->second);
            busiest = std::max(busiest, t);
            busyThreads += t > 0.1 * seconds ? 1 : 0;
        }
        out << "server cpu: " << QString::number(used, 'f', 1) << " s in " << seconds
            << " s = " << QString::number(used / seconds, 'f', 2) << " of "
            << BenchProgram::coreCount() << " cores; busiest thread "
            << QString::number(busiest, 'f', 1) << " s; " << busyThreads
            << " threads above 10% of a core\n";
    } else {
        out << "server cpu: not measured (external server)\n";
    }
    out << "client cpu: " << QString::number(clientCpu / 1e9, 'f', 1) << " s in " << seconds
        << " s (this program: operators and PBX)\n";
    program.printTarget(QStringLiteral("mixed load p99"), run.all.percentileMs(99), 50);
    program.printTarget(
        QStringLiteral("screen-pop under load p99"), run.screenPop.percentileMs(99), 10);
    const double throughput = run.all.count() / double(seconds);
    out << "target: throughput >= 2000/s: " << (throughput >= 2000 ? "met" : "MISSED") << " ("
        << QString::number(throughput, 'f', 0) << "/s)\n";
    out.flush();

    operators.clear();
    if (server.processId()) {
        server.terminate();
        if (!server.waitForFinished(10000))
            server.kill();
    }
    const bool failed = run.errors || pbx.errors() || screenPopsMissing || run.all.isEmpty();
    return failed ? 1 : 0;
}

} // namespace linecard::bench
