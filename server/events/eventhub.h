#pragma once

#include "../auth/session.h"
#include "../store/eventlog.h"

#include "protocol/closecodes.h"
#include "protocol/eventtype.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWebSocket;
class QTimer;

namespace linecard::server {

using protocol::EventType;

class EventFollower;
class SettingsStore;

// Fans events out to the event-stream sockets, each only what its user may see, and
// replays the log to a reconnecting client ("since"), or tells it to resync.
class EventHub : public QObject
{
    Q_OBJECT
public:
    using Authenticator = std::function<std::optional<Session>(const QByteArray &token)>;
    // The audience of a logged event as the facts stand now (nullopt: nobody hears of it).
    using AudienceSource = std::function<std::optional<EventAudience>(const StoredEvent &)>;

    // Clients send the stream nothing but pings and pongs: a frame or message larger than
    // this closes it with 1009 before its payload is read.
    static constexpr quint64 MaxIncomingBytes = 16 * 1024;

    EventHub(EventLog &log, SettingsStore &settings, Authenticator authenticate,
        QObject *parent = nullptr);
    ~EventHub() override;

    void setPingInterval(int ms);
    // Replays to contacts go by today's facts, not those logged with the event.
    void setAudienceSource(AudienceSource source) { m_freshAudience = std::move(source); }
    // A person as stored now (for another instance's contact.updated).
    using PersonSource = std::function<std::optional<Person>(qint64 id)>;
    void setPersonSource(PersonSource source) { m_personSource = std::move(source); }
    // Several instances on one PostgreSQL database: events reach this instance's sockets
    // from the log, in seq order, whichever instance logged them (EventFollower), and closed
    // streams are announced to the others (announce sends a notice to every instance).
    void followDatabase(const QString &databaseUrl, qint64 fromSeq,
        std::function<void(const QString &notice)> announce);
    // Takes a socket just upgraded on /api/v1/events.
    void accept(std::unique_ptr<QWebSocket> socket);
    // Records an event and sends it to every connection whose user may see it.
    StoredEvent publish(EventType type, const QJsonObject &data, const EventAudience &audience);
    // The two halves of publish(), for a change that records its events in its own
    // transaction (one commit, one disk flush) and delivers them once that has committed.
    StoredEvent record(EventType type, const QJsonObject &data, const EventAudience &audience);
    void deliver(const StoredEvent &event);
    // Closes the streams of a revoked token / of a person who lost access.
    void disconnectToken(const QByteArray &tokenHash);
    // PersonGone: merged away or deactivated; Unauthorized: signed out, sign in again.
    void disconnectPerson(qint64 personId, int closeCode = protocol::PersonGone,
        const QString &reason = QStringLiteral("access revoked"));
    // The account's visibility settings changed: every contact's view changed at once, so
    // their clients reload (a "resync") rather than patch what they show.
    void resyncContacts(qint64 seq);
    // Events its clients heard are gone (a PostgreSQL crash before their flush): they reload.
    void resyncEveryone(qint64 seq);
    // A person's record changed (a contact's company): its open streams decide with it.
    void updatePerson(const Person &person);

    int connectionCount() const { return int(m_connections.size()); }
    // The newest event this instance has sent to its streams: what any answer given from
    // now on already includes (see Router::setEventPosition).
    qint64 deliveredSeq() const { return m_deliveredSeq; }

private:
    struct Connection;
    void send(Connection &c, const StoredEvent &event, const QString &message);
    void deliverHere(const StoredEvent &event);
    void onSessionNotice(const QString &notice);
    void dropToken(const QByteArray &tokenHash);
    void dropPerson(qint64 personId, int closeCode, const QString &reason);
    void replay(Connection &c, const StoredEvent &event);
    void drop(Connection *c, int closeCode, const QString &reason);
    void pingAll();

    EventLog &m_log;
    SettingsStore &m_settings;
    Authenticator m_authenticate;
    AudienceSource m_freshAudience;
    PersonSource m_personSource;
    EventFollower *m_follower = nullptr;
    std::function<void(const QString &)> m_announce;
    std::vector<std::unique_ptr<Connection>> m_connections;
    QTimer *m_pingTimer;
    qint64 m_deliveredSeq = 0;
};

} // namespace linecard::server
