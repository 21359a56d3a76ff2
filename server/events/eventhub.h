#pragma once

#include "../auth/session.h"
#include "../store/eventlog.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QWebSocket;
class QTimer;

namespace linecard::server {

class SettingsStore;

// Fans events out to the event-stream sockets, each only what its user may see, and
// replays the log to a reconnecting client ("since"), or tells it to resync.
class EventHub : public QObject
{
    Q_OBJECT
public:
    using Authenticator = std::function<std::optional<Session>(const QByteArray &token)>;

    EventHub(EventLog &log, SettingsStore &settings, Authenticator authenticate,
        QObject *parent = nullptr);
    ~EventHub() override;

    void setPingInterval(int ms);
    // Takes a socket just upgraded on /api/v1/events.
    void accept(std::unique_ptr<QWebSocket> socket);
    // Records an event and sends it to every connection whose user may see it.
    StoredEvent publish(
        const QString &type, const QJsonObject &data, const EventAudience &audience);
    // Closes the streams of a revoked token / of a person who lost access.
    void disconnectToken(const QByteArray &tokenHash);
    void disconnectPerson(qint64 personId);

    int connectionCount() const { return int(m_connections.size()); }

private:
    struct Connection;
    void send(Connection &c, const StoredEvent &event, const QString &message);
    void drop(Connection *c, int closeCode, const QString &reason);
    void pingAll();

    EventLog &m_log;
    SettingsStore &m_settings;
    Authenticator m_authenticate;
    std::vector<std::unique_ptr<Connection>> m_connections;
    QTimer *m_pingTimer;
};

} // namespace linecard::server
