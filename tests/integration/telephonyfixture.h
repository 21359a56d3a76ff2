#pragma once

// Shared set-up of the telephony tests: staff with extensions, a PlanFix and a Zammad
// provider, a coloured line, form bodies in the PBX formats and an event-stream client.

#include "testserver.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

namespace linecard::testing {

using Fields = QList<std::pair<QString, QString>>;

// application/x-www-form-urlencoded as a PBX writes it ('+' for a space).
inline QByteArray formBody(const Fields &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key, "[]") + '='
            + QUrl::toPercentEncoding(value, " ").replace(' ', '+');
    }
    return body;
}

// The WebSocket event stream of one user, collecting every message.
class EventStream
{
public:
    // since ≥ 0: replay what was logged after it (a reconnecting client).
    EventStream(TestServer &server, const QString &token, qint64 since = -1)
    {
        QUrl url = server.url(QStringLiteral("/api/v1/events"));
        url.setScheme(QStringLiteral("ws"));
        url.setQuery(QStringLiteral("token=") + token
            + (since >= 0 ? QStringLiteral("&since=%1").arg(since) : QString()));
        QObject::connect(
            &m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
                m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
            });
        m_socket.open(url);
    }
    EventStream(const EventStream &) = delete;
    EventStream &operator=(const EventStream &) = delete;

    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : m_messages)
            if (m.value(QStringLiteral("type")).toString() == type)
                out.append(m);
        return out;
    }
    int count(const QString &type) const { return int(ofType(type).size()); }
    const QList<QJsonObject> &messages() const { return m_messages; }
    QStringList types() const
    {
        QStringList out;
        for (const QJsonObject &m : m_messages)
            out << m.value(QStringLiteral("type")).toString();
        return out;
    }
    // Waits until `n` messages of the type have arrived.
    bool waitFor(const QString &type, int n = 1, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return count(type) >= n; }, timeoutMs);
    }
    // Waits until the server closes the stream; its close code (4401: signed out).
    bool waitForClose(int timeoutMs = 10000)
    {
        return QTest::qWaitFor(
            [&] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    int closeCode() const { return int(m_socket.closeCode()); }
    bool waitForOpen(int timeoutMs = 10000)
    {
        return QTest::qWaitFor(
            [&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    }
    QJsonObject lastData(const QString &type) const
    {
        const QList<QJsonObject> all = ofType(type);
        return all.isEmpty() ? QJsonObject() : all.last().value(QStringLiteral("data")).toObject();
    }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
};

// Staff: an administrator and three operators with extensions 101, 102, 103 and one
// without; providers of both formats; the line "Sales".
struct TelephonyFixture
{
    static constexpr const char *planFixToken = "pf-token-0001";
    static constexpr const char *zammadToken = "zm-token-0001";
    static constexpr const char *lineNumber = "+7 495 120-00-01";

    TestServer server;
    QString admin;
    qint64 op1 = 0, op2 = 0, op3 = 0, op4 = 0;
    QString op1Token, op2Token, op3Token, op4Token;
    qint64 planFixProvider = 0, zammadProvider = 0, lineId = 0;

    // configure: options of the server on top of the defaults (e.g. a database of its own).
    explicit TelephonyFixture(std::function<void(server::LinecardServer::Options &)> configure = {})
        : server(std::move(configure))
    {
        admin = server.bootstrapAdmin();
        op1 = server.createEmployee(admin, QStringLiteral("op1"), false, {QStringLiteral("101")});
        op2 = server.createEmployee(admin, QStringLiteral("op2"), false, {QStringLiteral("102")});
        op3 = server.createEmployee(admin, QStringLiteral("op3"), false, {QStringLiteral("103")});
        op4 = server.createEmployee(admin, QStringLiteral("op4"));
        op1Token = server.login(QStringLiteral("op1"), QStringLiteral("op1-password"));
        op2Token = server.login(QStringLiteral("op2"), QStringLiteral("op2-password"));
        op3Token = server.login(QStringLiteral("op3"), QStringLiteral("op3-password"));
        op4Token = server.login(QStringLiteral("op4"), QStringLiteral("op4-password"));
        planFixProvider = idOf(server.post(QStringLiteral("/api/v1/telephony/providers"),
            {{QStringLiteral("name"), QStringLiteral("Office PBX")},
                {QStringLiteral("format"), QStringLiteral("planfix")},
                {QStringLiteral("token"), QLatin1String(planFixToken)}},
            admin));
        zammadProvider = idOf(server.post(QStringLiteral("/api/v1/telephony/providers"),
            {{QStringLiteral("name"), QStringLiteral("sipgate")},
                {QStringLiteral("format"), QStringLiteral("zammad")},
                {QStringLiteral("token"), QLatin1String(zammadToken)}},
            admin));
        lineId = idOf(server.post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("number"), QLatin1String(lineNumber)},
                {QStringLiteral("name"), QStringLiteral("Sales")},
                {QStringLiteral("color"), QStringLiteral("#2e7d32")}},
            admin));
    }

    bool ready() const
    {
        return op1 && op2 && op3 && op4 && !op4Token.isEmpty() && planFixProvider && zammadProvider
            && lineId;
    }

    static qint64 idOf(const HttpResult &r)
    {
        return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
    }

    // POST /tel/api with the PlanFix token added.
    HttpResult planFix(Fields fields, const QString &token = QLatin1String(planFixToken))
    {
        if (!token.isNull())
            fields.append({QStringLiteral("planfix_token"), token});
        return server.request("POST", QStringLiteral("/tel/api"), {}, formBody(fields),
            "application/x-www-form-urlencoded");
    }
    // A PlanFix cmd=event.
    HttpResult event(const QString &callId, const QString &event, const QString &ext,
        const Fields &extra = {}, const QString &phone = QStringLiteral("+79161234567"))
    {
        Fields f {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"),
                event == QLatin1String("OUTGOING") ? QStringLiteral("out") : QStringLiteral("in")},
            {QStringLiteral("event"), event}, {QStringLiteral("phone"), phone},
            {QStringLiteral("diversion"), QStringLiteral("74951200001")},
            {QStringLiteral("callid"), callId}};
        if (!ext.isNull())
            f.append({QStringLiteral("ext"), ext});
        return planFix(f + extra);
    }
    HttpResult completed(const QString &callId, const QString &ext, const QString &status,
        int duration = 0, const QString &recordLink = {})
    {
        Fields extra {{QStringLiteral("status"), status},
            {QStringLiteral("duration"), QString::number(duration)}};
        if (!recordLink.isEmpty())
            extra.append({QStringLiteral("record_link"), recordLink});
        return event(callId, QStringLiteral("COMPLETED"), ext, extra);
    }

    // POST /api/v1/cti/{token}, JSON.
    HttpResult zammad(const QJsonObject &body, const QString &token = QLatin1String(zammadToken))
    {
        return server.request("POST", QStringLiteral("/api/v1/cti/") + token, {},
            QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
    }
    HttpResult zammadForm(const Fields &fields, const QString &token = QLatin1String(zammadToken))
    {
        return server.request("POST", QStringLiteral("/api/v1/cti/") + token, {}, formBody(fields),
            "application/x-www-form-urlencoded");
    }

    QJsonArray calls(const QString &state = QStringLiteral("all"))
    {
        return server.get(QStringLiteral("/api/v1/calls?state=") + state, admin)
            .json.value(QStringLiteral("items"))
            .toArray();
    }
    // The call with this PBX id (empty when there is none).
    QJsonObject call(const QString &externalId)
    {
        for (const QJsonValue &v : calls())
            if (v.toObject().value(QStringLiteral("externalId")).toString() == externalId)
                return v.toObject();
        return {};
    }
    QJsonArray comments(const QString &path, const QString &token = {})
    {
        return server.get(path, token.isEmpty() ? admin : token)
            .json.value(QStringLiteral("items"))
            .toArray();
    }
    QJsonArray cardComments(qint64 contactId, const QString &token = {})
    {
        return comments(QStringLiteral("/api/v1/contacts/%1/comments").arg(contactId), token);
    }
    QJsonArray taskComments(qint64 taskId, const QString &token = {})
    {
        return comments(QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId), token);
    }
    qint64 contactCount()
    {
        return server.get(QStringLiteral("/api/v1/contacts?limit=200"), admin)
            .json.value(QStringLiteral("items"))
            .toArray()
            .size();
    }
    qint64 createTask(qint64 counterpartyId, const QString &title)
    {
        return idOf(server.post(QStringLiteral("/api/v1/tasks"),
            {{QStringLiteral("title"), title}, {QStringLiteral("counterpartyId"), counterpartyId}},
            admin));
    }
    bool patchSettings(const QJsonObject &patch)
    {
        return server.patch(QStringLiteral("/api/v1/settings"), patch, admin).status == 200;
    }
};

inline qint64 idIn(const QJsonObject &o, const QString &key)
{
    return qint64(o.value(key).toDouble());
}

} // namespace linecard::testing
