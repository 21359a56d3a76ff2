#include "barerelay.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QWebSocket>

#include <stdexcept>

namespace linecard::bench {

class RelayHttpServer : public QAbstractHttpServer
{
public:
    RelayHttpServer()
    {
        connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
            while (hasPendingWebSocketConnections()) {
                QWebSocket *socket = nextPendingWebSocketConnection().release();
                socket->setParent(this);
                m_sockets.append(socket);
                connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                    m_sockets.removeOne(socket);
                    socket->deleteLater();
                });
                socket->sendTextMessage(QStringLiteral("{\"type\":\"hello\"}"));
            }
        });
    }

    QByteArray body = QByteArrayLiteral("{}");
    QString frame = QStringLiteral("{}");

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (request.url().path() == QLatin1String(BareRelay::eventsPath)) {
            for (const auto &h : request.headers())
                if (h.first.compare("upgrade", Qt::CaseInsensitive) == 0)
                    return true; // Qt 6.4 hands the upgrade to newWebSocketConnection
        }
        if (request.url().path() == QLatin1String(BareRelay::popPath))
            for (QWebSocket *s : std::as_const(m_sockets))
                s->sendTextMessage(frame);
        makeResponder(request, socket).write(body, "application/json");
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    QList<QWebSocket *> m_sockets;
};

BareRelay::BareRelay()
    : m_anchor(new QObject)
{
    m_thread.setObjectName(QStringLiteral("bare-relay"));
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    quint16 port = 0;
    // Made on its thread: QAbstractHttpServer's WebSocket server is no child to move.
    QMetaObject::invokeMethod(
        m_anchor,
        [&] {
            m_server = new RelayHttpServer;
            auto *tcp = new QTcpServer(m_server);
            if (tcp->listen(QHostAddress::LocalHost, 0)) {
                m_server->bind(tcp);
                port = tcp->serverPort();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!port) {
        QMetaObject::invokeMethod(
            m_anchor, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_anchor;
        throw std::runtime_error("the bare relay cannot listen on loopback");
    }
    m_url.setScheme(QStringLiteral("http"));
    m_url.setHost(QStringLiteral("127.0.0.1"));
    m_url.setPort(port);
}

BareRelay::~BareRelay()
{
    QMetaObject::invokeMethod(
        m_anchor, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_anchor;
}

QUrl BareRelay::url(const QString &path) const
{
    QUrl url = m_url;
    url.setPath(path);
    return url;
}

QUrl BareRelay::webSocketUrl() const
{
    QUrl url = m_url;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QLatin1String(eventsPath));
    return url;
}

void BareRelay::setBody(const QByteArray &body)
{
    QMetaObject::invokeMethod(
        m_anchor, [this, body] { m_server->body = body; }, Qt::BlockingQueuedConnection);
}

void BareRelay::setFrame(const QByteArray &frame)
{
    QMetaObject::invokeMethod(
        m_anchor, [this, frame] { m_server->frame = QString::fromUtf8(frame); },
        Qt::BlockingQueuedConnection);
}

} // namespace linecard::bench
