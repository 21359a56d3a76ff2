// Many clients at once while the server answers reads on its reader threads (ReaderPool):
// writes and reads interleaved on separate connections; every event stream is then checked
// for commit order and audience, and every read for the visibility rule.

#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <list>
#include <map>
#include <memory>
#include <vector>

using namespace linecard::testing;

namespace {

// An event stream that keeps what it got.
struct Stream
{
    Stream()
    {
        QObject::connect(ws.get(), &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages << QJsonDocument::fromJson(text.toUtf8()).object();
        });
    }
    ~Stream() { ws->abort(); }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages)
            if (m.value(QStringLiteral("type")).toString() == type)
                out << m;
        return out;
    }
    std::unique_ptr<QWebSocket> ws = std::make_unique<QWebSocket>();
    QList<QJsonObject> messages;
};

// One client with a connection of its own, doing its requests one after another,
// asynchronously, so that all clients are in the server at the same time.
class Client
{
public:
    Client(const QUrl &base, const QString &token)
        : m_base(base)
        , m_token(token)
    { }

    using Done = std::function<void(int status, const QJsonObject &json)>;
    void send(const QByteArray &verb, const QString &path, const QJsonObject &body, Done done)
    {
        QUrl url = m_base;
        const int question = path.indexOf(u'?');
        url.setPath(question < 0 ? path : path.left(question));
        if (question >= 0)
            url.setQuery(path.mid(question + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = verb == "GET"
            ? m_network.get(request)
            : m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
            done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object());
            reply->deleteLater();
        });
    }

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_network;
};

qint64 idOf(const QJsonObject &json)
{
    return qint64(json.value(QStringLiteral("id")).toDouble());
}

QList<qint64> idsOf(const QJsonObject &page)
{
    QList<qint64> ids;
    for (const QJsonValue &item : page.value(QStringLiteral("items")).toArray())
        ids << idOf(item.toObject());
    return ids;
}

} // namespace

class TestApiConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void interleavedClientsKeepOrderAndAudience();
};

void TestApiConcurrency::interleavedClientsKeepOrderAndAudience()
{
    // More readers than this machine may have cores: reads really overlap.
    TestServer s([](linecard::server::LinecardServer::Options &o) { o.readerThreads = 4; });
    const QString admin = s.bootstrapAdmin();
    constexpr int employees = 4;
    QList<qint64> employeeIds;
    QStringList employeeTokens;
    for (int i = 1; i <= employees; ++i) {
        const QString login = QStringLiteral("emp%1").arg(i);
        employeeIds << s.createEmployee(admin, login);
        employeeTokens << s.login(login, login + QStringLiteral("-password"));
        QVERIFY(employeeIds.last() && !employeeTokens.last().isEmpty());
    }
    // Two contacts with logins, each the counterparty of a task of its own.
    QList<qint64> contactIds, taskIds;
    QStringList contactTokens;
    for (int i = 0; i < 2; ++i) {
        const QString login = QStringLiteral("contact%1").arg(i + 1);
        contactIds << s.createContact(admin, {{QStringLiteral("name"), login}});
        QCOMPARE(s.put(QStringLiteral("/api/v1/contacts/%1/access").arg(contactIds.last()),
                      {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login},
                          {QStringLiteral("password"), QStringLiteral("secret-password")}},
                      admin)
                     .status,
            200);
        contactTokens << s.login(login, QStringLiteral("secret-password"));
        const HttpResult task = s.post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), QStringLiteral("Task of %1").arg(login)},
                {QStringLiteral("counterpartyId"), contactIds.last()},
                {QStringLiteral("assigneeIds"), QJsonArray {employeeIds.at(i)}}},
            admin);
        QCOMPARE(task.status, 201);
        taskIds << idOf(task.json);
    }

    // Everyone's event stream.
    std::vector<std::unique_ptr<Stream>> streams;
    for (const QString &token : employeeTokens + contactTokens) {
        streams.push_back(std::make_unique<Stream>());
        QUrl url = s.url(QStringLiteral("/api/v1/events"));
        url.setScheme(QStringLiteral("ws"));
        url.setQuery(QUrlQuery {{QStringLiteral("token"), token}});
        streams.back()->ws->open(url);
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const auto &st : streams)
                if (st->messages.isEmpty())
                    return false;
            return true;
        },
        10000));

    // Employees write comments on both tasks, each write followed at once by a read of the
    // thread (on a reader, another connection to the database) that must already show it;
    // meanwhile the contacts read their task lists and the other contact's thread.
    constexpr int rounds = 15;
    int running = 0;
    QStringList failures;
    std::map<qint64, QList<qint64>> postedOnTask; // task -> comment ids
    // Each client's loop of requests; callbacks point into it (a shared_ptr captured by its
    // own function would never be freed).
    std::list<std::function<void(int)>> loops;
    std::vector<std::unique_ptr<Client>> clients;
    for (int e = 0; e < employees; ++e) {
        clients.push_back(std::make_unique<Client>(s.url(QString()), employeeTokens.at(e)));
        Client *client = clients.back().get();
        ++running;
        auto *round = &loops.emplace_back();
        *round = [&, client, e, round](int n) {
            if (n == rounds) {
                --running;
                return;
            }
            const qint64 task = taskIds.at((e + n) % 2);
            const QString thread = QStringLiteral("/api/v1/tasks/%1/comments").arg(task);
            client->send("POST", thread,
                {{QStringLiteral("text"), QStringLiteral("emp%1 round %2").arg(e + 1).arg(n)}},
                [&, client, thread, task, round, n](int status, const QJsonObject &json) {
                    if (status != 201) {
                        failures << QStringLiteral("comment: %1").arg(status);
                        --running;
                        return;
                    }
                    const qint64 id = idOf(json);
                    postedOnTask[task] << id;
                    client->send("GET", thread + QStringLiteral("?limit=200"), {},
                        [&, id, round, n](int status, const QJsonObject &page) {
                            if (status != 200 || !idsOf(page).contains(id))
                                failures << QStringLiteral("comment %1 not read back (%2)")
                                                .arg(id)
                                                .arg(status);
                            (*round)(n + 1);
                        });
                });
        };
        (*round)(0);
    }
    for (int c = 0; c < 2; ++c) {
        clients.push_back(std::make_unique<Client>(s.url(QString()), contactTokens.at(c)));
        Client *client = clients.back().get();
        ++running;
        auto *round = &loops.emplace_back();
        *round = [&, client, c, round](int n) {
            if (n == rounds * 2) {
                --running;
                return;
            }
            client->send("GET", QStringLiteral("/api/v1/tasks?status=all"), {},
                [&, client, c, round, n](int status, const QJsonObject &page) {
                    if (status != 200 || idsOf(page) != QList<qint64> {taskIds.at(c)})
                        failures << QStringLiteral("contact%1's task list: %2 %3")
                                        .arg(c + 1)
                                        .arg(status)
                                        .arg(QString::fromUtf8(QJsonDocument(page).toJson()));
                    client->send("GET",
                        QStringLiteral("/api/v1/tasks/%1/comments").arg(taskIds.at(1 - c)), {},
                        [&, c, round, n](int status, const QJsonObject &) {
                            if (status != 404)
                                failures << QStringLiteral("contact%1 read the other thread: %2")
                                                .arg(c + 1)
                                                .arg(status);
                            (*round)(n + 1);
                        });
                });
        };
        (*round)(0);
    }
    QVERIFY(QTest::qWaitFor([&] { return running == 0; }, 60000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

    const int posted = int(postedOnTask[taskIds.at(0)].size() + postedOnTask[taskIds.at(1)].size());
    QCOMPARE(posted, employees * rounds);
    // Employees see every comment: each stream has all of them, in commit order (ascending
    // seq and, with one writer, ascending comment ids).
    for (int e = 0; e < employees; ++e) {
        Stream &st = *streams.at(size_t(e));
        QVERIFY(QTest::qWaitFor(
            [&] { return st.ofType(QStringLiteral("comment.created")).size() >= posted; }, 10000));
        qint64 lastSeq = 0, lastId = 0;
        for (const QJsonObject &m : st.messages) {
            const qint64 seq = qint64(m.value(QStringLiteral("seq")).toDouble());
            if (m.value(QStringLiteral("type")).toString() == QLatin1String("hello"))
                continue;
            QVERIFY2(seq > lastSeq, "events out of order");
            lastSeq = seq;
        }
        for (const QJsonObject &m : st.ofType(QStringLiteral("comment.created"))) {
            const qint64 id = idOf(m.value(QStringLiteral("data")).toObject());
            QVERIFY2(id > lastId, "comments out of commit order");
            lastId = id;
        }
        QCOMPARE(st.ofType(QStringLiteral("comment.created")).size(), posted);
    }
    // A contact's stream holds exactly the comments the rule lets it read, of its own task
    // only, in order.
    for (int c = 0; c < 2; ++c) {
        const HttpResult thread
            = s.get(QStringLiteral("/api/v1/tasks/%1/comments?limit=200").arg(taskIds.at(c)),
                contactTokens.at(c));
        QCOMPARE(thread.status, 200);
        const QList<qint64> readable = idsOf(thread.json);
        Stream &st = *streams.at(size_t(employees + c));
        QVERIFY(QTest::qWaitFor(
            [&] { return st.ofType(QStringLiteral("comment.created")).size() >= readable.size(); },
            10000));
        QTest::qWait(200); // nothing else may come
        QList<qint64> received;
        for (const QJsonObject &m : st.ofType(QStringLiteral("comment.created"))) {
            const QJsonObject data = m.value(QStringLiteral("data")).toObject();
            QCOMPARE(qint64(data.value(QStringLiteral("taskId")).toDouble()), taskIds.at(c));
            received << idOf(data);
        }
        QCOMPARE(received, readable);
        for (const QJsonObject &m : st.messages)
            QVERIFY2(
                !QJsonDocument(m)
                     .toJson(QJsonDocument::Compact)
                     .contains(QStringLiteral("\"taskId\":%1").arg(taskIds.at(1 - c)).toUtf8()),
                "a contact got an event of another contact's task");
    }
}

QTEST_GUILESS_MAIN(TestApiConcurrency)
#include "tst_api_concurrency.moc"
