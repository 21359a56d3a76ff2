#include "clientfixture.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "protocol/jsonid.h"
#include "server/servercontext.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace linecard;
using namespace linecard::testing;
using client::EventStream;
using State = client::EventStream::State;

namespace {

// A TCP relay between the client and the server that can turn into a black hole: bytes stop
// flowing both ways while both connections stay open, as when a server hangs or a NAT
// forgets the link. It also counts the connections the client makes.
class LinkProxy
{
public:
    explicit LinkProxy(quint16 target)
        : m_target(target)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    ~LinkProxy()
    {
        // Quietly: a socket closing must not reach its partner, which may be gone already.
        for (const Link &link : std::as_const(m_links))
            for (QTcpSocket *s : {link.client.data(), link.upstream.data()})
                if (s) {
                    s->disconnect();
                    s->abort();
                }
    }

    QUrl url() const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_server.serverPort());
        return url;
    }
    int connections() const { return m_accepted; }
    void setBlackHole(bool on)
    {
        m_blackHole = on;
        if (!on) // what waited in the buffers goes through now
            for (const Link &link : m_links) {
                forward(link.client, link.upstream);
                forward(link.upstream, link.client);
            }
    }

private:
    struct Link
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
    };

    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            ++m_accepted;
            auto *upstream = new QTcpSocket(&m_server);
            upstream->connectToHost(QHostAddress::LocalHost, m_target);
            m_links.append(Link {client, upstream});
            QObject::connect(client, &QTcpSocket::readyRead, upstream,
                [this, client, upstream] { forward(client, upstream); });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                [this, client, upstream] { forward(upstream, client); });
            // A close on either side closes the other (even in a black hole: that is the
            // kernel's business, not the application's).
            for (QTcpSocket *s : {client, upstream})
                QObject::connect(s, &QTcpSocket::disconnected, s, [client, upstream] {
                    client->disconnectFromHost();
                    upstream->disconnectFromHost();
                });
        }
    }
    void forward(QTcpSocket *from, QTcpSocket *to)
    {
        if (!m_blackHole && from && to)
            to->write(from->readAll());
    }

    QTcpServer m_server;
    quint16 m_target;
    QList<Link> m_links;
    int m_accepted = 0;
    bool m_blackHole = false;
};

// What the stream delivered, as "type:id" keys in arrival order.
struct Received
{
    explicit Received(EventStream &stream)
    {
        QObject::connect(&stream, &EventStream::event, &stream,
            [this](const QString &type, const QJsonObject &data) {
                keys << QStringLiteral("%1:%2").arg(
                    type, QString::number(qint64(data.value(QStringLiteral("id")).toDouble())));
            });
    }
    QStringList keys;
};

QString key(const QString &type, qint64 id)
{
    return QStringLiteral("%1:%2").arg(type, QString::number(id));
}

} // namespace

// EventStream against the real server over a real WebSocket: live events, resuming with
// "since" after the server went away and came back, backoff, resync, the ping watchdog and
// rejected tokens.
class TestEventStream : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    qint64 adminId = 0;

    server::ServerContext &store() { return f->server().server().context(); }

    // What POST /api/v1/tasks does (server/http/taskroutes.cpp), with no turn of the event
    // loop: a client that is away cannot reconnect in between.
    qint64 createTaskInStore(const QString &title)
    {
        Task draft;
        draft.title = title;
        const Task task = store().tasks.create(draft, adminId);
        store().events.publish(protocol::EventType::TaskCreated, task.toJson(),
            server::EventAudience::forTask(store().tasks.audience(task)));
        return task.id;
    }
    // What POST /api/v1/tasks/{id}/comments does, for a hidden comment only its author (the
    // administrator) and admins may see.
    qint64 createHiddenCommentInStore(qint64 taskId, const QString &text)
    {
        Comment draft;
        draft.taskId = taskId;
        draft.authorId = adminId;
        draft.text = text;
        draft.hidden = true;
        const Comment comment = store().comments.create(draft);
        store().events.publish(protocol::EventType::CommentCreated, comment.toJson(),
            server::EventAudience::forTask(store().tasks.audience(*store().tasks.get(taskId)),
                store().comments.audience(comment)));
        return comment.id;
    }

    // A stream for `token`, not started, with a quick backoff.
    std::unique_ptr<EventStream> connectedStream(const QString &token, const QUrl &server = {})
    {
        auto stream = std::make_unique<EventStream>();
        stream->setServer(server.isEmpty() ? f->server().server().url() : server, token);
        stream->setTimings(60000, 60000, 100, 800);
        return stream;
    }
    static bool waitConnected(EventStream &stream)
    {
        // Connected, and the server's hello arrived: from here on nothing is missed.
        return QTest::qWaitFor(
            [&] { return stream.state() == State::Connected && stream.lastSeq() >= 0; }, 10000);
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        adminId = qint64(f->server()
                             .get(QStringLiteral("/api/v1/me"), f->adminToken())
                             .json.value(QStringLiteral("id"))
                             .toDouble());
        QVERIFY(adminId > 0);
    }
    void cleanup() { f.reset(); }

    void connectsAndReceivesEvents()
    {
        auto stream = connectedStream(f->adminToken());
        QCOMPARE(stream->state(), State::Disconnected);
        QSignalSpy states(stream.get(), &EventStream::stateChanged);
        Received got(*stream);
        stream->start();
        QVERIFY(waitConnected(*stream));
        QCOMPARE(states.first().first().value<State>(), State::Connecting);
        QCOMPARE(states.last().first().value<State>(), State::Connected);
        const qint64 hello = stream->lastSeq();

        const qint64 a = f->task(QStringLiteral("first"));
        const qint64 b = f->task(QStringLiteral("second"));
        const qint64 c = f->comment(a, QStringLiteral("a word"));
        QVERIFY(a && b && c);
        QTRY_COMPARE(got.keys.size(), 3);
        QCOMPARE(got.keys,
            QStringList(
                {key(QStringLiteral("task.created"), a), key(QStringLiteral("task.created"), b),
                    key(QStringLiteral("comment.created"), c)}));
        QCOMPARE(stream->lastSeq(), hello + 3);

        stream->stop();
        QCOMPARE(stream->state(), State::Disconnected);
    }

    // EventRouter reads each event once: a task, a comment on it and a line reach their own
    // signals with the event's data; a name this build does not know reaches none.
    void routerEmitsOneSignalPerEventType()
    {
        auto stream = connectedStream(f->adminToken());
        client::EventRouter router(stream.get());
        QSignalSpy tasks(&router, &client::EventRouter::taskCreated);
        QSignalSpy comments(&router, &client::EventRouter::commentCreated);
        QSignalSpy updates(&router, &client::EventRouter::taskUpdated);
        QSignalSpy lines(&router, &client::EventRouter::lineUpdated);
        stream->start();
        QVERIFY(waitConnected(*stream));

        const qint64 task = f->task(QStringLiteral("routed"));
        const qint64 comment = f->comment(task, QStringLiteral("routed too"));
        QVERIFY(task && comment);
        const auto line = f->server().post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("name"), QStringLiteral("Routed line")},
                {QStringLiteral("number"), QStringLiteral("+7 495 120-00-02")}},
            f->adminToken());
        QCOMPARE(line.status, 201);
        QTRY_COMPARE(lines.size(), 1);
        QCOMPARE(tasks.size(), 1);
        QCOMPARE(protocol::idOf(tasks.first().first().toJsonObject()), task);
        QCOMPARE(comments.size(), 1);
        QCOMPARE(protocol::idOf(comments.first().first().toJsonObject()), comment);
        QCOMPARE(protocol::idOf(comments.first().first().toJsonObject(), QStringLiteral("taskId")),
            task);
        QCOMPARE(updates.size(), 0);
        QCOMPARE(lines.first().first().toJsonObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("Routed line"));

        QSignalSpy deleted(&router, &client::EventRouter::lineDeleted);
        router.route(QStringLiteral("line.deleted"), {{QStringLiteral("id"), 7}});
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().first().toLongLong(), qint64(7));
        router.route(QStringLiteral("task.archived"), {{QStringLiteral("id"), task}});
        QCOMPARE(tasks.size() + updates.size(), 1);
        stream->stop();
    }

    // The server goes down; the client says so, retries with a growing backoff, and when the
    // server is back it resumes from the last seq it saw: exactly the missed events it may
    // see, in order, once — without a restart of the client.
    void resumesAfterServerRestart()
    {
        QVERIFY(f->employee(QStringLiteral("olga")));
        const QString olga
            = f->server().login(QStringLiteral("olga"), QStringLiteral("olga-password"));
        auto stream = connectedStream(olga);
        Received got(*stream);
        stream->start();
        QVERIFY(waitConnected(*stream));
        const qint64 before = f->task(QStringLiteral("before the outage"));
        QTRY_COMPARE(got.keys, QStringList {key(QStringLiteral("task.created"), before)});

        QSignalSpy states(stream.get(), &EventStream::stateChanged);
        f->server().stop();
        QVERIFY(states.wait(5000));
        QCOMPARE(stream->state(), State::Reconnecting);
        // Each refused attempt doubles the wait, up to the ceiling (100 → 800 ms here).
        QList<int> backoff {stream->nextRetryMs()};
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (stream->nextRetryMs() != backoff.last())
                    backoff << stream->nextRetryMs();
                return backoff.last() == 800;
            },
            10000));
        QCOMPARE(backoff.first(), 200);
        QCOMPARE(backoff, QList<int>({200, 400, 800}));
        QVERIFY(stream->reconnectRemainingMs() <= 1000); // the base and at most a quarter of jitter
        QCOMPARE(stream->state(), State::Reconnecting);

        // Back on the same port and data; events happen before the client is back.
        f->server().restart();
        const qint64 missedA = createTaskInStore(QStringLiteral("while away A"));
        createHiddenCommentInStore(before, QStringLiteral("not for olga"));
        const qint64 missedB = createTaskInStore(QStringLiteral("while away B"));

        QTRY_COMPARE_WITH_TIMEOUT(stream->state(), State::Connected, 10000);
        QTRY_COMPARE(got.keys.size(), 3);
        QCOMPARE(got.keys,
            QStringList({key(QStringLiteral("task.created"), before),
                key(QStringLiteral("task.created"), missedA),
                key(QStringLiteral("task.created"), missedB)}));

        // Live again, nothing replayed twice.
        const qint64 after = f->task(QStringLiteral("after the outage"));
        QTRY_COMPARE(got.keys.size(), 4);
        QCOMPARE(got.keys.last(), key(QStringLiteral("task.created"), after));
        QCOMPARE(got.keys.count(key(QStringLiteral("task.created"), missedA)), 1);
        QCOMPARE(stream->lastSeq(),
            store().db.scalar(QStringLiteral("SELECT MAX(seq) FROM events")).toLongLong());
    }

    // One client, signed out and in again against another server whose seqs are lower: it
    // starts over from that server's hello instead of resuming from a seq that is not its.
    void startsOverOnAnotherServer()
    {
        auto stream = connectedStream(f->adminToken());
        Received got(*stream);
        stream->start();
        QVERIFY(waitConnected(*stream));
        for (int i = 0; i < 5; ++i)
            QVERIFY(f->task(QStringLiteral("busy %1").arg(i)));
        QTRY_COMPARE(got.keys.size(), 5);
        QVERIFY(stream->lastSeq() >= 5);
        stream->stop();

        TestServer other;
        const QString otherAdmin = other.bootstrapAdmin();
        stream->setServer(other.server().url(), otherAdmin);
        stream->start();
        QVERIFY(waitConnected(*stream));
        QCOMPARE(stream->lastSeq(), 0);
        const HttpResult created = other.post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("elsewhere")}}, otherAdmin);
        QCOMPARE(created.status, 201);
        QTRY_COMPARE(got.keys.size(), 6);
        QCOMPARE(got.keys.last(),
            key(QStringLiteral("task.created"),
                qint64(created.json.value(QStringLiteral("id")).toDouble())));
        QCOMPARE(stream->lastSeq(), 1);
        stream->stop();
    }

    // Away for longer than the replay log reaches: the server says resync, the client asks
    // for a reload (and does not pretend it has the missed events), then carries on live.
    void resyncWhenTheLogDoesNotReachBack()
    {
        auto stream = connectedStream(f->adminToken());
        Received got(*stream);
        QSignalSpy resync(stream.get(), &EventStream::resyncNeeded);
        stream->start();
        QVERIFY(waitConnected(*stream));
        const qint64 seen = stream->lastSeq();

        stream->stop();
        for (int i = 0; i < 3; ++i)
            QVERIFY(f->task(QStringLiteral("missed %1").arg(i)));
        // The log keeps only its last events (EventLog prunes with this statement).
        store().db.exec(QStringLiteral("DELETE FROM events WHERE seq <= :cut"),
            {{QStringLiteral("cut"), seen + 2}});

        stream->start();
        QVERIFY(resync.wait(10000));
        QCOMPARE(resync.size(), 1);
        QCOMPARE(stream->lastSeq(), seen + 3);
        QCOMPARE(stream->state(), State::Connected);
        QVERIFY(got.keys.isEmpty());

        const qint64 next = f->task(QStringLiteral("after the reload"));
        QTRY_COMPARE(got.keys, QStringList {key(QStringLiteral("task.created"), next)});
        QCOMPARE(stream->lastSeq(), seen + 4);
        QCOMPARE(resync.size(), 1);
    }

    // A link that stays open but carries nothing (a hung server, a forgetful NAT) is noticed
    // by the ping watchdog, and a handshake into it is not waited for forever either.
    void pingWatchdogDetectsADeadLink()
    {
        LinkProxy proxy(f->server().server().port());
        auto stream = connectedStream(f->adminToken(), proxy.url());
        stream->setTimings(100, 500, 100, 400);
        Received got(*stream);
        QSignalSpy states(stream.get(), &EventStream::stateChanged);
        stream->start();
        QVERIFY(waitConnected(*stream));
        states.clear();
        // A healthy link answers its pings: several rounds pass without a reconnection.
        QVERIFY(!states.wait(1000));
        QCOMPARE(stream->state(), State::Connected);
        QCOMPARE(proxy.connections(), 1);

        proxy.setBlackHole(true);
        QVERIFY(states.wait(5000));
        QCOMPARE(stream->state(), State::Reconnecting);
        // Handshakes into the black hole time out and are retried.
        QTRY_VERIFY_WITH_TIMEOUT(proxy.connections() >= 3, 10000);
        QCOMPARE(stream->state(), State::Reconnecting);

        proxy.setBlackHole(false);
        QTRY_COMPARE_WITH_TIMEOUT(stream->state(), State::Connected, 10000);
        const qint64 task = f->task(QStringLiteral("through the mended link"));
        QTRY_COMPARE(got.keys.count(key(QStringLiteral("task.created"), task)), 1);
    }

    void unauthorizedTokenStopsTheStream()
    {
        LinkProxy proxy(f->server().server().port());
        auto stream = connectedStream(QStringLiteral("not-a-token"), proxy.url());
        stream->setTimings(60000, 60000, 50, 200);
        QSignalSpy unauthorized(stream.get(), &EventStream::unauthorized);
        stream->start();
        QVERIFY(unauthorized.wait(10000));
        QTRY_COMPARE(stream->state(), State::Disconnected);
        // No reconnection loop: several backoff periods pass without another attempt.
        QVERIFY(!QTest::qWaitFor([&] { return proxy.connections() > 1; }, 1000));
        QCOMPARE(proxy.connections(), 1);
        QCOMPARE(unauthorized.size(), 1);
        QCOMPARE(stream->state(), State::Disconnected);
    }

    // Signing out elsewhere revokes the token: the live stream is closed with an auth code,
    // and the client stops instead of knocking again.
    void revokedTokenStopsTheStream()
    {
        QVERIFY(f->employee(QStringLiteral("olga")));
        const QString olga
            = f->server().login(QStringLiteral("olga"), QStringLiteral("olga-password"));
        LinkProxy proxy(f->server().server().port());
        auto stream = connectedStream(olga, proxy.url());
        stream->setTimings(60000, 60000, 50, 200);
        QSignalSpy unauthorized(stream.get(), &EventStream::unauthorized);
        stream->start();
        QVERIFY(waitConnected(*stream));

        QCOMPARE(f->server().post(QStringLiteral("/api/v1/auth/logout"), {}, olga).status, 204);
        QTRY_COMPARE(unauthorized.size(), 1);
        QTRY_COMPARE(stream->state(), State::Disconnected);
        QVERIFY(!QTest::qWaitFor([&] { return proxy.connections() > 1; }, 1000));
        QCOMPARE(unauthorized.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_eventstream.moc"
