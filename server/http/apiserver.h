#pragma once

#include "connectionguard.h"
#include "router.h"

#include <QAbstractHttpServer>

namespace linecard::server {

// The HTTP front: routes REST calls through the Router, limits bodies, and lets the
// WebSocket upgrade of the event stream through to newWebSocketConnection().
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    static constexpr qint64 MaxBodyBytes = 1024 * 1024;
    static constexpr const char *EventsPath = "/api/v1/events";

    explicit ApiServer(QObject *parent = nullptr);
    Router &router() { return m_router; }

    // Listens with every connection watched (ConnectionWatcher); returns the port, 0 on failure.
    quint16 serve(const QHostAddress &address, quint16 port, const ConnectionLimits &limits);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // Sends the answer in its turn on the connection (ConnectionWatcher::deliver).
    void respond(const QHttpServerRequest &request, QTcpSocket *socket, quint64 turn,
        const ApiResponse &response);
    Router m_router;
};

} // namespace linecard::server
