#include "eventhub.h"

#include "../logging.h"
#include "../store/settingsstore.h"
#include "commentjson.h"
#include "eventfollower.h"
#include "protocol/closecodes.h"
#include "protocol/jsonid.h"
#include "protocol/streammessage.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace linecard::server {

using protocol::StreamMessage;

struct EventHub::Connection
{
    std::unique_ptr<QWebSocket> socket;
    Session session;
    bool awaitingPong = false;
};

EventHub::EventHub(
    EventLog &log, SettingsStore &settings, Authenticator authenticate, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_settings(settings)
    , m_authenticate(std::move(authenticate))
    , m_pingTimer(new QTimer(this))
    , m_deliveredSeq(log.lastSeq())
{
    connect(m_pingTimer, &QTimer::timeout, this, &EventHub::pingAll);
    m_pingTimer->start(20000);
}

EventHub::~EventHub()
{
    for (auto &c : m_connections)
        c->socket->disconnect(this);
}

void EventHub::setPingInterval(int ms)
{
    m_pingTimer->start(ms);
}

static QByteArray tokenOf(const QWebSocket &socket)
{
    const QByteArray header = socket.request().rawHeader("Authorization").trimmed();
    if (header.size() > 7 && header.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return header.mid(7).trimmed();
    return QUrlQuery(socket.requestUrl()).queryItemValue(QStringLiteral("token")).toUtf8();
}

void EventHub::accept(std::unique_ptr<QWebSocket> socket)
{
    socket->setMaxAllowedIncomingFrameSize(MaxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(MaxIncomingBytes);
    const QByteArray token = tokenOf(*socket);
    const std::optional<Session> session = token.isEmpty() ? std::nullopt : m_authenticate(token);
    if (!session) {
        // Qt 6.4 cannot refuse the upgrade itself; close with an auth code. Not at once:
        // QAbstractHttpServer and QWebSocketServer each queued a handshake notification for
        // this socket, the second is still to come and peeks at it ("device not open" on a
        // socket closed here) — the close goes in the queue behind it.
        QWebSocket *refused = socket.release();
        refused->sendTextMessage(QString::fromUtf8(
            StreamMessage::error(QStringLiteral("unauthorized"), QStringLiteral("sign in first"))));
        QMetaObject::invokeMethod(
            refused,
            [refused] {
                refused->close(QWebSocketProtocol::CloseCode(protocol::Unauthorized),
                    QStringLiteral("unauthorized"));
                refused->deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    auto connection = std::make_unique<Connection>();
    connection->socket = std::move(socket);
    connection->session = *session;
    Connection *c = connection.get();
    m_connections.push_back(std::move(connection));
    connect(c->socket.get(), &QWebSocket::disconnected, this, [this, c] { drop(c, -1, {}); });
    connect(c->socket.get(), &QWebSocket::pong, this, [c] { c->awaitingPong = false; });

    const QUrlQuery query(c->socket->requestUrl());
    bool hasSince = false;
    const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong(&hasSince);
    if (m_follower)
        m_follower->catchUp(); // this socket hears what comes after hello, not before
    const qint64 last = m_log.lastSeq();
    c->socket->sendTextMessage(QString::fromUtf8(StreamMessage::hello(last, c->session.person.id)));
    if (hasSince) {
        const auto missed = m_log.since(since);
        const bool policyChanged = missed && !c->session.isEmployee()
            && std::any_of(missed->cbegin(), missed->cend(), [](const StoredEvent &e) {
                   return e.type == protocol::eventName(EventType::SettingsUpdated);
               });
        if (!missed || policyChanged) {
            c->socket->sendTextMessage(QString::fromUtf8(StreamMessage::resync(last)));
        } else {
            for (const StoredEvent &e : *missed)
                replay(*c, e);
        }
    }
    qCDebug(lcWs) << "event stream opened for" << c->session.person.id << "since" << since;
}

void EventHub::send(Connection &c, const StoredEvent &event, const QString &message)
{
    const visibility::Viewer viewer = c.session.viewer();
    if (!event.audience.admits(viewer, m_settings.get()))
        return;
    // A comment's call record stays with employees: the contact gets its own copy without.
    if (!visibility::canSeeCallRecord(viewer) && event.isCommentEvent()
        && event.data.value(QStringLiteral("call")).isObject()) {
        StoredEvent shown = event;
        shown.data = commentJson(event.data, viewer);
        c.socket->sendTextMessage(QString::fromUtf8(shown.message()));
    } else {
        c.socket->sendTextMessage(message);
    }
    // On the wire now, not when the event loop next comes round: whatever this turn still
    // does (a log write, the PBX's next request) must not stand between a call and its pop-up.
    c.socket->flush();
}

void EventHub::replay(Connection &c, const StoredEvent &event)
{
    // An employee's view never depends on a task's people or a person's company; a
    // contact's does, and those may have changed since the event was logged.
    StoredEvent now = event;
    if (!c.session.isEmployee() && m_freshAudience) {
        const std::optional<EventAudience> audience = m_freshAudience(event);
        if (!audience)
            return;
        now.audience = *audience;
    }
    send(c, now, QString::fromUtf8(event.message()));
}

StoredEvent EventHub::publish(
    EventType type, const QJsonObject &data, const EventAudience &audience)
{
    const StoredEvent event = record(type, data, audience);
    deliver(event);
    return event;
}

StoredEvent EventHub::record(EventType type, const QJsonObject &data, const EventAudience &audience)
{
    return m_log.append(protocol::eventName(type), data, audience);
}

void EventHub::followDatabase(
    const QString &databaseUrl, qint64 fromSeq, std::function<void(const QString &)> announce)
{
    m_announce = std::move(announce);
    m_follower = new EventFollower(
        databaseUrl, [this](const StoredEvent &event) { deliverHere(event); },
        [this](const QString &notice) { onSessionNotice(notice); },
        [this](qint64 newestSeq) { resyncEveryone(newestSeq); }, this);
    m_follower->start(fromSeq);
}

void EventHub::deliver(const StoredEvent &event)
{
    if (m_follower && m_log.inTransaction())
        m_follower->catchUp(); // finds it once it has committed, woken by its NOTIFY
    else if (m_follower)
        m_follower->deliverCommitted(event); // this event and any before it, in seq order
    else
        deliverHere(event);
}

void EventHub::deliverHere(const StoredEvent &event)
{
    const auto type = protocol::eventTypeFromName(event.type);
    m_deliveredSeq = std::max(m_deliveredSeq, event.seq);
    if (m_follower) {
        // What this instance keeps in memory follows the other instances' changes.
        if (type == EventType::SettingsUpdated)
            m_settings.reload();
        else if (type == EventType::ContactUpdated && m_personSource)
            if (const auto person = m_personSource(protocol::idOf(event.data)))
                updatePerson(*person);
    }
    // Written once for every connection: serialising it per socket was four fifths of
    // a fan-out to a thousand operators.
    const QString message = QString::fromUtf8(event.message());
    for (auto &c : m_connections)
        send(*c, event, message);
    // Contacts may not read the settings, but what they see follows them at once.
    if (type == EventType::SettingsUpdated)
        resyncContacts(event.seq);
}

void EventHub::onSessionNotice(const QString &notice)
{
    const QStringList parts = notice.split(u' ');
    if (parts.value(0) == QLatin1String("token") && parts.size() == 2)
        dropToken(parts.at(1).toLatin1());
    else if (parts.value(0) == QLatin1String("person") && parts.size() >= 3)
        dropPerson(parts.at(1).toLongLong(), parts.at(2).toInt(), parts.mid(3).join(u' '));
}

void EventHub::drop(Connection *c, int closeCode, const QString &reason)
{
    auto it = std::find_if(
        m_connections.begin(), m_connections.end(), [c](const auto &p) { return p.get() == c; });
    if (it == m_connections.end())
        return;
    std::unique_ptr<Connection> owned = std::move(*it);
    m_connections.erase(it);
    owned->socket->disconnect(this);
    if (closeCode >= 0)
        owned->socket->close(QWebSocketProtocol::CloseCode(closeCode), reason);
    owned->socket.release()->deleteLater();
}

void EventHub::disconnectToken(const QByteArray &tokenHash)
{
    dropToken(tokenHash);
    if (m_announce)
        m_announce(QStringLiteral("token ") + QString::fromLatin1(tokenHash));
}

void EventHub::disconnectPerson(qint64 personId, int closeCode, const QString &reason)
{
    dropPerson(personId, closeCode, reason);
    if (m_announce)
        m_announce(QStringLiteral("person %1 %2 %3").arg(personId).arg(closeCode).arg(reason));
}

void EventHub::dropToken(const QByteArray &tokenHash)
{
    std::vector<Connection *> doomed;
    for (auto &c : m_connections)
        if (c->session.tokenHash == tokenHash)
            doomed.push_back(c.get());
    for (Connection *c : doomed)
        drop(c, protocol::Unauthorized, QStringLiteral("signed out"));
}

void EventHub::dropPerson(qint64 personId, int closeCode, const QString &reason)
{
    std::vector<Connection *> doomed;
    for (auto &c : m_connections)
        if (c->session.person.id == personId)
            doomed.push_back(c.get());
    for (Connection *c : doomed)
        drop(c, closeCode, reason);
}

void EventHub::resyncEveryone(qint64 seq)
{
    m_deliveredSeq = seq; // the lost seqs are handed out again
    const QString message = QString::fromUtf8(StreamMessage::resync(seq));
    for (auto &c : m_connections)
        c->socket->sendTextMessage(message);
}

void EventHub::resyncContacts(qint64 seq)
{
    const QString message = QString::fromUtf8(StreamMessage::resync(seq));
    for (auto &c : m_connections)
        if (!c->session.isEmployee())
            c->socket->sendTextMessage(message);
}

void EventHub::updatePerson(const Person &person)
{
    for (auto &c : m_connections)
        if (c->session.person.id == person.id)
            c->session.person = person;
}

void EventHub::pingAll()
{
    // A connection that did not answer the previous ping is dead: drop it.
    std::vector<Connection *> dead;
    for (auto &c : m_connections) {
        if (c->awaitingPong) {
            dead.push_back(c.get());
            continue;
        }
        c->awaitingPong = true;
        c->socket->ping();
    }
    for (Connection *c : dead) {
        qCInfo(lcWs) << "no pong from" << c->session.person.id << "- dropping the stream";
        c->socket->abort(); // emits disconnected, which drops the connection
        drop(c, -1, {});
    }
}

} // namespace linecard::server
