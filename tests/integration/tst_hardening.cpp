// Issue 14: the server against hostile or careless clients — huge and slow requests, huge
// WebSocket frames, old tokens, malformed text — each over real sockets on loopback.
#include "telephonyfixture.h"
#include "testserver.h"

#include "server/servercontext.h"
#include "server/serveroptions.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

#include <sys/resource.h>
#include <unistd.h>

using namespace linecard::testing;
using linecard::server::LinecardServer;

namespace {

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    return statm.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

// A client that speaks HTTP by hand: whatever bytes the test wants, when it wants.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor(
            [this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    bool waitForAnswer(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return received.contains("\r\n\r\n") || closed; }, ms)
            && received.contains("\r\n\r\n");
    }
    // Lets the server read what was written (or go away meanwhile).
    void drain()
    {
        if (!QTest::qWaitFor([this] { return socket.bytesToWrite() == 0 || gone(); }, 2000))
            qWarning("the server read nothing for 2 s");
    }
    int status() const { return received.startsWith("HTTP/1.1 ") ? received.mid(9, 3).toInt() : 0; }
    bool gone() const { return closed || socket.state() == QAbstractSocket::UnconnectedState; }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

// An event-stream client that keeps its messages and its close code.
class Stream
{
public:
    Stream(const QUrl &base, const QString &token)
    {
        QObject::connect(ws.get(), &QWebSocket::textMessageReceived,
            [this](const QString &text) { messages << text; });
        QObject::connect(ws.get(), &QWebSocket::disconnected, [this] { closed = true; });
        QUrl url = base.resolved(QUrl(QStringLiteral("/api/v1/events?token=") + token));
        url.setScheme(QStringLiteral("ws"));
        ws->open(url);
    }
    ~Stream() { ws->abort(); }
    bool waitForHello()
    {
        return QTest::qWaitFor([this] { return !messages.isEmpty() || closed; }, 5000)
            && !messages.isEmpty() && messages.first().contains(QLatin1String("\"hello\""));
    }
    bool waitForClose(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return closed; }, ms);
    }

    std::unique_ptr<QWebSocket> ws = std::make_unique<QWebSocket>();
    QStringList messages;
    bool closed = false;
};

} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> s;
    QString admin;

    void start(std::function<void(LinecardServer::Options &)> configure = {})
    {
        s.reset();
        s = std::make_unique<TestServer>(std::move(configure));
        admin = s->bootstrapAdmin();
        QVERIFY(!admin.isEmpty());
    }

    // A contact that signs in with login / login-password, looked after by `responsible`.
    qint64 contactWithAccess(const QString &login, qint64 responsible = 0)
    {
        QJsonObject fields {{QStringLiteral("name"), login}};
        if (responsible)
            fields.insert(QStringLiteral("responsibleId"), responsible);
        const qint64 id = s->createContact(admin, fields);
        const HttpResult r = s->put(QStringLiteral("/api/v1/contacts/%1/access").arg(id),
            {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), QString(login + QStringLiteral("-password"))}},
            admin);
        return r.status == 200 ? id : 0;
    }

    QVariant tokenColumn(const QString &token, const QString &column)
    {
        return s->server().context().db.scalar(
            QStringLiteral("SELECT %1 FROM auth_tokens WHERE token_hash = :h").arg(column),
            {{QStringLiteral("h"),
                QString::fromLatin1(linecard::server::AuthService::hashToken(token.toUtf8()))}});
    }

    struct SignIn
    {
        int status = 0;
        int retryAfter = 0;
    };
    // POST /auth/login as if from `address` (X-Real-IP, trusted from loopback as from nginx).
    SignIn signIn(const QString &login, const QString &password, const QString &address)
    {
        QNetworkRequest request(s->url(QStringLiteral("/api/v1/auth/login")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("X-Real-IP", address.toLatin1());
        QNetworkReply *reply = m_network.post(request,
            QJsonDocument(QJsonObject {{QStringLiteral("login"), login},
                              {QStringLiteral("password"), password}})
                .toJson());
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
            qWarning("sign-in timed out");
        SignIn result {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            reply->rawHeader("Retry-After").toInt()};
        reply->deleteLater();
        return result;
    }

    qint64 taskWith(const QJsonObject &fields)
    {
        QJsonObject body = fields;
        body.insert(QStringLiteral("title"), QStringLiteral("A task"));
        const HttpResult r = s->post(QStringLiteral("/api/v1/tasks"), body, admin);
        return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
    }

    QNetworkAccessManager m_network;

private slots:
    void initTestCase()
    {
        // A thousand slow clients and their thousand server ends share this process.
        rlimit limit {};
        if (getrlimit(RLIMIT_NOFILE, &limit) == 0) {
            limit.rlim_cur = limit.rlim_max;
            setrlimit(RLIMIT_NOFILE, &limit);
        }
    }

    void cleanup() { s.reset(); }

    // Item 1: a body announced larger than the limit is refused as soon as its head is in,
    // before any of it is buffered; memory stays flat however much the client sends.
    void oversizedContentLengthIsRefusedBeforeBuffering()
    {
        start();
        RawClient client(s->server().port());
        QVERIFY(client.waitConnected());
        const qint64 before = residentBytes();
        client.socket.write(
            "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 2200000000\r\n\r\n");
        const QByteArray piece(1024 * 1024, 'x');
        qint64 peak = before;
        for (int i = 0; i < 64 && !client.received.contains("\r\n\r\n") && !client.gone(); ++i) {
            client.socket.write(piece);
            client.drain();
            peak = qMax(peak, residentBytes());
        }
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 413);
        QVERIFY(client.received.contains("too_large"));
        // Qt 6.4 on its own keeps every byte twice (64 MiB sent: 128 MiB more).
        QVERIFY2(peak - before < 16 * 1024 * 1024,
            qPrintable(QStringLiteral("RSS grew by %1 MiB").arg((peak - before) >> 20)));
        QVERIFY(QTest::qWaitFor([&] { return client.gone(); }, 5000));
        // The server goes on.
        QCOMPARE(s->get(QStringLiteral("/healthz")).status, 200);
    }

    // Item 1, chunked: the chunks are counted as they come; past the limit, 413.
    void oversizedChunkedBodyIsRefusedWhileArriving()
    {
        start();
        RawClient client(s->server().port());
        QVERIFY(client.waitConnected());
        const qint64 before = residentBytes();
        client.socket.write(
            "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "100000\r\n" + QByteArray(0x100000, 'x') + "\r\n";
        qint64 peak = before;
        for (int i = 0; i < 64 && !client.received.contains("\r\n\r\n") && !client.gone(); ++i) {
            client.socket.write(chunk);
            client.drain();
            peak = qMax(peak, residentBytes());
        }
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 413);
        QVERIFY2(peak - before < 16 * 1024 * 1024,
            qPrintable(QStringLiteral("RSS grew by %1 MiB").arg((peak - before) >> 20)));
    }

    // Bodies within the limit, plain or chunked, one after another on one kept-alive
    // connection (pipelined), all reach their handlers.
    void bodiesWithinTheLimitStillWork()
    {
        start();
        RawClient client(s->server().port());
        QVERIFY(client.waitConnected());
        const QByteArray login = R"({"login":"admin","password":"wrong-password"})";
        const QByteArray plain = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + QByteArray::number(login.size()) + "\r\n\r\n" + login;
        const QByteArray chunked = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                   "Transfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(login.size(), 16) + "\r\n" + login + "\r\n0\r\n\r\n";
        client.socket.write(plain + chunked + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return client.received.count("HTTP/1.1 ") == 3; }, 10000));
        QCOMPARE(client.received.count("HTTP/1.1 401"), 2);
        QCOMPARE(client.received.count("HTTP/1.1 200"), 1);
        QVERIFY(!client.gone());
    }

    // Item 1: a head that never ends is cut at 64 KiB (431).
    void endlessHeadIsRefused()
    {
        start();
        RawClient client(s->server().port());
        QVERIFY(client.waitConnected());
        client.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 100 && !client.received.contains("\r\n\r\n") && !client.gone(); ++i) {
            client.socket.write("X-Padding: " + QByteArray(1000, 'p') + "\r\n");
            client.drain();
        }
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 431);
    }

    // Item 5: slowloris — connections that send half a head are answered 408 and closed
    // after the request timeout; the server keeps serving meanwhile.
    void slowClientsAreClosed()
    {
        start([](LinecardServer::Options &o) {
            o.connectionLimits.requestTimeoutMs = 1000;
            o.connectionLimits.idleTimeoutMs = 1500;
        });
        std::vector<std::unique_ptr<RawClient>> slow;
        for (int i = 0; i < 1000; ++i)
            slow.push_back(std::make_unique<RawClient>(s->server().port()));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(slow.begin(), slow.end(), [](const auto &c) {
                    return c->socket.state() == QAbstractSocket::ConnectedState;
                });
            },
            10000));
        for (auto &c : slow)
            c->socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Half: ");
        QCOMPARE(s->get(QStringLiteral("/healthz")).status, 200);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(
                    slow.begin(), slow.end(), [](const auto &c) { return c->gone(); });
            },
            15000));
        QCOMPARE(slow.front()->status(), 408);
        QCOMPARE(s->get(QStringLiteral("/healthz")).status, 200);
    }

    // Item 5: a kept-alive connection quiet after its answer is closed after the idle
    // timeout; an event stream is not (its pings decide).
    void idleConnectionsAreClosedButEventStreamsStay()
    {
        start([](LinecardServer::Options &o) {
            o.connectionLimits.requestTimeoutMs = 1000;
            o.connectionLimits.idleTimeoutMs = 1000;
        });
        RawClient client(s->server().port());
        QVERIFY(client.waitConnected());
        client.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(client.waitForAnswer());
        QCOMPARE(client.status(), 200);
        Stream stream(s->server().url(), admin);
        QVERIFY(stream.waitForHello());
        QVERIFY(QTest::qWaitFor([&] { return client.gone(); }, 5000));
        QTest::qWait(1500);
        QVERIFY(!stream.closed);
        QCOMPARE(s->server().context().events.connectionCount(), 1);
    }

    // Item 3: clients send the event stream nothing but pings; a frame over the limit
    // closes the stream with 1009 before it is read.
    void bigWebSocketFrameClosesWith1009()
    {
        start();
        QVERIFY(contactWithAccess(QStringLiteral("client")));
        const QString token = s->login(QStringLiteral("client"), QStringLiteral("client-password"));
        Stream stream(s->server().url(), token);
        QVERIFY(stream.waitForHello());
        stream.ws->sendBinaryMessage(
            QByteArray(int(linecard::server::EventHub::MaxIncomingBytes) + 1, 'x'));
        QVERIFY(stream.waitForClose());
        QCOMPARE(int(stream.ws->closeCode()), 1009);
        QTRY_COMPARE(s->server().context().events.connectionCount(), 0);
    }

    // Item 10: a stream refused at once (bad token) or dropped by its client logs no
    // "QIODevice::peek ... device not open" warning.
    void droppedStreamsLogNoWarnings()
    {
        start();
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        for (int i = 0; i < 3; ++i) {
            Stream refused(s->server().url(), QStringLiteral("not-a-token"));
            QVERIFY(refused.waitForClose());
            QCOMPARE(int(refused.ws->closeCode()), 4401);
            Stream dropped(s->server().url(), admin);
            QVERIFY(dropped.waitForHello());
            dropped.ws->abort();
            QTRY_COMPARE(s->server().context().events.connectionCount(), 0);
        }
        QTest::qWait(200);
    }

    // Item 7: a token unused for longer than the idle expiry is refused and deleted;
    // last_used_at moves on use, at most once a minute.
    void idleTokensExpire()
    {
        start();
        auto &db = s->server().context().db;
        const QString token = s->login(QStringLiteral("admin"), QStringLiteral("admin-password"));
        const QString created = tokenColumn(token, QStringLiteral("last_used_at")).toString();
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), token).status, 200);
        QCOMPARE(tokenColumn(token, QStringLiteral("last_used_at")).toString(), created);

        const auto setLastUsed = [&](qint64 secondsAgo) {
            db.exec(
                QStringLiteral("UPDATE auth_tokens SET last_used_at = :t WHERE token_hash = :h"),
                {{QStringLiteral("t"),
                     QDateTime::currentDateTimeUtc()
                         .addSecs(-secondsAgo)
                         .toString(Qt::ISODateWithMs)},
                    {QStringLiteral("h"),
                        QString::fromLatin1(
                            linecard::server::AuthService::hashToken(token.toUtf8()))}});
        };
        setLastUsed(120);
        const QDateTime beforeUse = QDateTime::currentDateTimeUtc().addSecs(-1);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), token).status, 200);
        QVERIFY(QDateTime::fromString(tokenColumn(token, QStringLiteral("last_used_at")).toString(),
                    Qt::ISODateWithMs)
            >= beforeUse);

        setLastUsed(29 * 86400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), token).status, 200);
        setLastUsed(31 * 86400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), token).status, 401);
        QVERIFY(tokenColumn(token, QStringLiteral("token_hash")).isNull());
        Stream refused(s->server().url(), token);
        QVERIFY(refused.waitForClose());
        QCOMPARE(int(refused.ws->closeCode()), 4401);
    }

    // Item 7: a new password or access taken away signs the contact out everywhere (old
    // tokens 401, open streams closed with 4401); only administrators and the contact's
    // responsible employee may set its password.
    void passwordChangeAndAccessRemovalRevokeTokens()
    {
        start();
        const qint64 manager = s->createEmployee(admin, QStringLiteral("manager"));
        const qint64 other = s->createEmployee(admin, QStringLiteral("other"));
        QVERIFY(manager && other);
        const QString managerToken
            = s->login(QStringLiteral("manager"), QStringLiteral("manager-password"));
        const QString otherToken
            = s->login(QStringLiteral("other"), QStringLiteral("other-password"));
        const qint64 client = contactWithAccess(QStringLiteral("client"), manager);
        QVERIFY(client);
        const QString accessPath = QStringLiteral("/api/v1/contacts/%1/access").arg(client);
        const QString oldToken
            = s->login(QStringLiteral("client"), QStringLiteral("client-password"));
        Stream stream(s->server().url(), oldToken);
        QVERIFY(stream.waitForHello());

        // Another operator may not set it (and so cannot sign in as the contact).
        HttpResult r = s->put(accessPath,
            {{QStringLiteral("enabled"), true},
                {QStringLiteral("password"), QStringLiteral("stolen-pass")}},
            otherToken);
        QCOMPARE(r.status, 403);
        QVERIFY(s->login(QStringLiteral("client"), QStringLiteral("stolen-pass")).isEmpty());
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), oldToken).status, 200);

        // The responsible employee may; every old sign-in ends.
        r = s->put(accessPath,
            {{QStringLiteral("enabled"), true},
                {QStringLiteral("password"), QStringLiteral("new-password")}},
            managerToken);
        QCOMPARE(r.status, 200);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), oldToken).status, 401);
        QVERIFY(stream.waitForClose());
        QCOMPARE(int(stream.ws->closeCode()), 4401);
        const QString newToken = s->login(QStringLiteral("client"), QStringLiteral("new-password"));
        QVERIFY(!newToken.isEmpty());

        // Access taken away (any employee may): the new token and its stream end too.
        Stream second(s->server().url(), newToken);
        QVERIFY(second.waitForHello());
        QCOMPARE(s->put(accessPath, {{QStringLiteral("enabled"), false}}, otherToken).status, 200);
        QVERIFY(second.waitForClose());
        QCOMPARE(int(second.ws->closeCode()), 4401);
        QVERIFY(tokenColumn(newToken, QStringLiteral("token_hash")).isNull());
        // Given back by an administrator: the old password does not bring old tokens back.
        QCOMPARE(s->put(accessPath,
                      {{QStringLiteral("enabled"), true},
                          {QStringLiteral("login"), QStringLiteral("client")},
                          {QStringLiteral("password"), QStringLiteral("third-password")}},
                      admin)
                     .status,
            200);
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), newToken).status, 401);
    }
    // Item 2: list fields have a cap the 422 names, checked before the list is walked;
    // duplicates go in linear time.
    void listFieldsAreCappedAndDeduplicated()
    {
        start();
        const qint64 task = taskWith({});
        QVERIFY(task);
        const QString comments = QStringLiteral("/api/v1/tasks/%1/comments").arg(task);
        QJsonArray many;
        for (int i = 1; i <= 130000; ++i)
            many.append(i);
        HttpResult r = s->post(comments,
            {{QStringLiteral("text"), QStringLiteral("hi")}, {QStringLiteral("notifiedIds"), many}},
            admin);
        QCOMPARE(r.status, 422);
        QVERIFY2(r.raw.contains("at most 1000"), r.raw.constData());
        const qint64 me = s->get(QStringLiteral("/api/v1/me"), admin)
                              .json.value(QStringLiteral("id"))
                              .toInteger();
        r = s->post(comments,
            {{QStringLiteral("text"), QStringLiteral("hi")},
                {QStringLiteral("notifiedIds"), QJsonArray {me, me, me}}},
            admin);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json.value(QStringLiteral("notifiedIds")).toArray(), QJsonArray {me});
    }

    // Item 4: a contact notifies only the people on its task; someone else, existing or
    // not, gets the same 422, and their name stays unknown to the contact.
    void contactsNotifyOnlyPeopleOnTheirTask()
    {
        start();
        const qint64 assignee = s->createEmployee(admin, QStringLiteral("assignee"));
        const qint64 outsider = s->createEmployee(admin, QStringLiteral("outsider"));
        const qint64 client = contactWithAccess(QStringLiteral("client"));
        QVERIFY(assignee && outsider && client);
        const qint64 task = taskWith({{QStringLiteral("assigneeIds"), QJsonArray {assignee}},
            {QStringLiteral("counterpartyId"), client},
            {QStringLiteral("participantIds"), QJsonArray {client}}});
        QVERIFY(task);
        const QString token = s->login(QStringLiteral("client"), QStringLiteral("client-password"));
        const QString comments = QStringLiteral("/api/v1/tasks/%1/comments").arg(task);
        const auto post = [&](qint64 notified) {
            return s->post(comments,
                {{QStringLiteral("text"), QStringLiteral("hello")},
                    {QStringLiteral("notifiedIds"), QJsonArray {notified}}},
                token);
        };
        const HttpResult existing = post(outsider);
        const HttpResult missing = post(999999);
        QCOMPARE(existing.status, 422);
        QCOMPARE(missing.status, 422);
        QCOMPARE(existing.raw, missing.raw);
        QCOMPARE(post(assignee).status, 201);
        const HttpResult names
            = s->get(QStringLiteral("/api/v1/people?ids=%1,%2").arg(outsider).arg(assignee), token);
        QCOMPARE(names.status, 200);
        const QJsonArray items = names.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("id")).toInteger(), assignee);
    }

    // Item 9: a NUL in a query and malformed text in a JSON body are refused with 400.
    void malformedTextIsRefused()
    {
        start();
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?q=%00abc"), admin).status, 400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/tasks?q=ab%00c"), admin).status, 400);
        const auto create = [&](const QByteArray &json) {
            return s->request("POST", QStringLiteral("/api/v1/contacts"), admin, json).status;
        };
        QCOMPARE(create("{\"name\":\"lone \\udc00 low\"}"), 400);
        QCOMPARE(create("{\"name\":\"lone \\ud83d high\"}"), 400);
        QCOMPARE(create("{\"name\":\"\\ud83d then \\ude00\"}"), 400);
        QCOMPARE(create("{\"name\":\"bad \xff byte\"}"), 400);
        QCOMPARE(create("{\"name\":\"encoded \xed\xb0\x80 surrogate\"}"), 400);
        QCOMPARE(s->get(QStringLiteral("/api/v1/contacts?q=lone"), admin)
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
            0);
        // A real pair and escaped backslashes are fine.
        QCOMPARE(create("{\"name\":\"smile \\ud83d\\ude00 \\\\udc00\"}"), 201);
    }

    // Item 6: requests with a wrong PBX token are counted and sampled apart; the genuine
    // log keeps its entries and a logged body is cut.
    void rejectedPbxRequestsStayOutOfTheLog()
    {
        TelephonyFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.event(QStringLiteral("c-1"), QStringLiteral("INCOMING"), QStringLiteral("101"))
                     .status,
            200);
        const QString padding(20000, u'p');
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(f.planFix({{QStringLiteral("cmd"), QStringLiteral("ping")},
                                   {QStringLiteral("pad"), padding}},
                          QStringLiteral("wrong-token"))
                         .status,
                401);
        const HttpResult r = f.server.get(QStringLiteral("/api/v1/telephony/log"), f.admin);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QStringLiteral("status")).toInt(), 200);
        const QJsonObject rejected = r.json.value(QStringLiteral("rejected")).toObject();
        QCOMPARE(rejected.value(QStringLiteral("count")).toInt(), 1000);
        const QJsonArray samples = rejected.value(QStringLiteral("samples")).toArray();
        QVERIFY(!samples.isEmpty() && samples.size() <= 10);
        QVERIFY(
            samples.at(0).toObject().value(QStringLiteral("body")).toString().size() < 9 * 1024);
        QCOMPARE(f.server.server()
                     .context()
                     .db.scalar(QStringLiteral("SELECT COUNT(*) FROM integration_log"))
                     .toInt(),
            1);
    }

    // Item 8: failures for made-up logins from one address do not lock out a correct
    // password from it; an account's own failures lock that account only; successes are
    // throttled too; 429 comes with Retry-After.
    void signInThrottlesPerAccountAndPerAddress()
    {
        start();
        QVERIFY(s->createEmployee(admin, QStringLiteral("manager")));
        QVERIFY(s->createEmployee(admin, QStringLiteral("other")));
        const QString nat = QStringLiteral("203.0.113.7");
        int refused = 0;
        for (int i = 0; i < 25; ++i) {
            const SignIn r = signIn(QStringLiteral("ghost%1").arg(i), QStringLiteral("guess"), nat);
            QVERIFY(r.status == 401 || r.status == 429);
            if (r.status == 429) {
                ++refused;
                QVERIFY(r.retryAfter > 0);
            }
        }
        QVERIFY(refused >= 5);
        QCOMPARE(
            signIn(QStringLiteral("manager"), QStringLiteral("manager-password"), nat).status, 200);

        // Five wrong passwords for one account: that account waits, from any address.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(QStringLiteral("manager"), QStringLiteral("wrong"),
                         QStringLiteral("198.51.100.1"))
                         .status,
                401);
        const SignIn locked = signIn(QStringLiteral("manager"), QStringLiteral("manager-password"),
            QStringLiteral("198.51.100.2"));
        QCOMPARE(locked.status, 429);
        QVERIFY(locked.retryAfter > 0 && locked.retryAfter <= 60);
        QCOMPARE(signIn(QStringLiteral("other"), QStringLiteral("other-password"),
                     QStringLiteral("198.51.100.1"))
                     .status,
            200);

        // A script signing in again and again.
        int successes = 1; // the sign-in above
        SignIn last;
        for (int i = 0; i < 12; ++i) {
            last = signIn(QStringLiteral("other"), QStringLiteral("other-password"),
                QStringLiteral("192.0.2.9"));
            if (last.status != 200)
                break;
            ++successes;
        }
        QCOMPARE(successes, 10);
        QCOMPARE(last.status, 429);
        QVERIFY(last.retryAfter > 0);
    }

    // Item 8: passwords are hashed off the serving thread — a health check sent after
    // sixteen sign-ins is answered while most of them still wait for their hash.
    void signInsDoNotHoldTheServer()
    {
        start();
        std::vector<std::unique_ptr<RawClient>> logins;
        for (int i = 0; i < 16; ++i) {
            logins.push_back(std::make_unique<RawClient>(s->server().port()));
            QVERIFY(logins.back()->waitConnected());
        }
        RawClient health(s->server().port());
        QVERIFY(health.waitConnected());
        for (int i = 0; i < 16; ++i) {
            const QByteArray body = "{\"login\":\"nobody" + QByteArray::number(i)
                + "\",\"password\":\"wrong-password\"}";
            logins[i]->socket.write(
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.9.0."
                + QByteArray::number(i) + "\r\nContent-Length: " + QByteArray::number(body.size())
                + "\r\n\r\n" + body);
        }
        health.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(health.waitForAnswer());
        QCOMPARE(health.status(), 200);
        const auto answered = std::count_if(logins.begin(), logins.end(),
            [](const auto &c) { return c->received.contains("\r\n\r\n"); });
        QVERIFY2(answered < 8,
            qPrintable(QStringLiteral("%1 of 16 sign-ins answered first").arg(answered)));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(logins.begin(), logins.end(),
                    [](const auto &c) { return c->received.contains("\r\n\r\n"); });
            },
            30000));
        for (const auto &c : logins)
            QCOMPARE(c->status(), 401);
    }

    // Item 10: a data directory the server creates is 0700, its database 0600; a password
    // typed into the login field appears in no log line, not even at debug level.
    void filesAndLogsKeepSecrets()
    {
        QTemporaryDir parent;
        LinecardServer::Options options;
        options.dataDir = parent.filePath(QStringLiteral("fresh/data"));
        {
            LinecardServer server(options);
            server.start();
        }
        const auto ownerOnlyDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
        QCOMPARE(QFileInfo(options.dataDir).permissions()
                & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
            ownerOnlyDir);
        QCOMPARE(QFileInfo(QDir(options.dataDir).filePath(QStringLiteral("linecard.sqlite")))
                     .permissions()
                & ~(QFile::ReadUser | QFile::WriteUser),
            QFile::ReadOwner | QFile::WriteOwner);

        start();
        static QStringList seen;
        seen.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) { seen << message; });
        const QString secret = QStringLiteral("Typed-Into-Login-9f3");
        QCOMPARE(s->login(secret, QStringLiteral("whatever")), QString());
        Stream stream(s->server().url(), admin);
        QVERIFY(stream.waitForHello());
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!seen.isEmpty());
        for (const QString &line : std::as_const(seen)) {
            QVERIFY2(!line.contains(secret), qPrintable(line));
            QVERIFY2(!line.contains(admin), qPrintable(line));
        }
    }

    // Item 10: --admin-password-file reads the password from a file (not from ps).
    void adminPasswordFromAFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("password")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cret from a file\n");
        file.close();
        int exitCode = -1;
        const auto options = linecard::server::ServerOptions::parse(
            {QStringLiteral("linecard-server"), QStringLiteral("--admin-password-file"),
                file.fileName()},
            &exitCode);
        QVERIFY(options);
        QCOMPARE(options->adminPassword, QStringLiteral("s3cret from a file"));
        qputenv("LINECARD_ADMIN_PASSWORD", "from the environment");
        const auto fromEnvironment = linecard::server::ServerOptions::parse(
            {QStringLiteral("linecard-server")}, &exitCode);
        qunsetenv("LINECARD_ADMIN_PASSWORD");
        QVERIFY(fromEnvironment);
        QCOMPARE(fromEnvironment->adminPassword, QStringLiteral("from the environment"));
        QVERIFY(!linecard::server::ServerOptions::parse(
            {QStringLiteral("linecard-server"), QStringLiteral("--admin-password-file"),
                dir.filePath(QStringLiteral("missing"))},
            &exitCode));
        QCOMPARE(exitCode, 2);
    }
};

QTEST_MAIN(TestHardening)
#include "tst_hardening.moc"
