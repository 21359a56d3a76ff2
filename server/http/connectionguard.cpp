#include "connectionguard.h"

#include "../logging.h"
#include "router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace linecard::server {

// After a refusal the client may still be sending: reading on for a moment lets it see the
// answer instead of a reset.
static constexpr int LingerMs = 2000;

ConnectionWatcher::ConnectionWatcher(QTcpSocket *socket, const ConnectionLimits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_timer(new QTimer(this))
{
    // A backstop whatever the framing below decides: Qt's parser holds a whole request in
    // the socket's buffer, so that buffer never needs to be larger than one request.
    m_socket->setReadBufferSize(limits.maxHeadBytes + 2 * limits.maxBodyBytes + 64 * 1024);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ConnectionWatcher::onTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionWatcher::beforeParser);
    armRequestDeadline();
}

ConnectionWatcher *ConnectionWatcher::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionWatcher *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionWatcher::attachAfterParser()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionWatcher::afterParser);
}

void ConnectionWatcher::beforeParser()
{
    const qint64 available = m_socket->bytesAvailable();
    if (m_phase == Phase::Closing) {
        m_socket->skip(available);
        return;
    }
    if (m_phase == Phase::Upgrade)
        return;
    m_received = m_consumed + available;
    m_framed = qMax(m_framed, m_consumed);
    if (m_framed >= m_received)
        return;
    // Body bytes of a known length are only counted; everything else is looked at.
    if (m_phase == Phase::Body && m_bodyLeft >= m_received - m_framed) {
        m_bodyLeft -= m_received - m_framed;
        m_framed = m_received;
        if (m_bodyLeft == 0)
            requestComplete();
        return;
    }
    const QByteArray unread = m_socket->peek(available);
    const qint64 at = m_framed - m_consumed;
    frame(unread.constData() + at, unread.size() - at);
}

void ConnectionWatcher::afterParser()
{
    if (m_phase != Phase::Closing && m_phase != Phase::Upgrade)
        m_consumed = m_received - m_socket->bytesAvailable();
}

void ConnectionWatcher::frame(const char *data, qint64 size)
{
    qint64 i = 0;
    while (i < size) {
        switch (m_phase) {
        case Phase::Idle: {
            const char c = data[i];
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\v') {
                ++i; // Qt skips blank lines between requests too
                break;
            }
            m_phase = Phase::Head;
            m_line.clear();
            armRequestDeadline();
            break;
        }
        case Phase::Head: {
            const char c = data[i++];
            m_line.append(c);
            if (m_line.size() > m_limits.maxHeadBytes) {
                m_framed += i;
                refuse(431, QStringLiteral("header_too_large"),
                    QStringLiteral("the request line and headers exceed %1 bytes")
                        .arg(m_limits.maxHeadBytes));
                return;
            }
            if (c == '\n' && (m_line.endsWith("\n\r\n") || m_line.endsWith("\n\n"))) {
                if (!endHead()) {
                    m_framed += i;
                    return;
                }
            }
            break;
        }
        case Phase::Body: {
            const qint64 n = qMin(m_bodyLeft, size - i);
            i += n;
            m_bodyLeft -= n;
            if (m_bodyLeft == 0)
                requestComplete();
            break;
        }
        case Phase::ChunkSize:
        case Phase::Trailer: {
            const char c = data[i++];
            m_line.append(c);
            if (m_line.size() > 1024) {
                m_framed += i;
                refuse(400, QStringLiteral("bad_request"), QStringLiteral("malformed chunk"));
                return;
            }
            if (c != '\n')
                break;
            if (m_phase == Phase::Trailer) {
                // Qt's parser takes no trailers: only the empty line ends the body.
                if (m_line != "\r\n" && m_line != "\n") {
                    m_framed += i;
                    refuse(400, QStringLiteral("bad_request"),
                        QStringLiteral("chunked trailers are not supported"));
                    return;
                }
                requestComplete();
            } else if (!chunkSizeLine()) {
                m_framed += i;
                return;
            }
            break;
        }
        case Phase::ChunkData: {
            const qint64 n = qMin(m_bodyLeft, size - i);
            i += n;
            m_bodyLeft -= n;
            if (m_bodyLeft == 0) {
                m_phase = Phase::ChunkDataEnd;
                m_line.clear();
            }
            break;
        }
        case Phase::ChunkDataEnd: {
            const char c = data[i++];
            m_line.append(c);
            if (c == '\n') {
                m_phase = Phase::ChunkSize;
                m_line.clear();
            } else if (m_line.size() > 2 || c != '\r') {
                m_framed += i;
                refuse(400, QStringLiteral("bad_request"), QStringLiteral("malformed chunk"));
                return;
            }
            break;
        }
        case Phase::Upgrade:
        case Phase::Closing:
            m_framed += i;
            return;
        }
    }
    m_framed += i;
}

static QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name, int *count)
{
    QByteArray value;
    *count = 0;
    for (const QByteArray &line : lines) {
        const int colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().toLower() != name)
            continue;
        if ((*count)++ == 0)
            value = line.mid(colon + 1).trimmed();
    }
    return value;
}

bool ConnectionWatcher::endHead()
{
    const QList<QByteArray> lines = m_line.split('\n');
    int count = 0;
    const QByteArray connection = headerValue(lines, "connection", &count).toLower();
    const QByteArray upgrade = headerValue(lines, "upgrade", &count).toLower();
    const bool chunked
        = headerValue(lines, "transfer-encoding", &count).toLower().contains("chunked");
    const QByteArray length = headerValue(lines, "content-length", &count);
    m_line.clear();
    m_bodyTotal = 0;
    if (connection.contains("upgrade") && upgrade == "websocket") {
        m_phase = Phase::Upgrade; // the handshake is the WebSocket server's from here
        return true;
    }
    if (chunked) {
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (count == 0) {
        requestComplete();
        return true;
    }
    bool ok = false;
    const qint64 bodyLength = length.toLongLong(&ok);
    if (!ok || bodyLength < 0 || count > 1) {
        refuse(400, QStringLiteral("bad_request"),
            QStringLiteral("one Content-Length, a non-negative integer, please"));
        return false;
    }
    if (bodyLength > m_limits.maxBodyBytes) {
        refuse(413, QStringLiteral("too_large"),
            QStringLiteral("the body exceeds %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_bodyLeft = bodyLength;
    if (m_bodyLeft == 0)
        requestComplete();
    else
        m_phase = Phase::Body;
    return true;
}

bool ConnectionWatcher::chunkSizeLine()
{
    QByteArray text = m_line.trimmed();
    m_line.clear();
    if (const int semicolon = text.indexOf(';'); semicolon >= 0)
        text = text.left(semicolon).trimmed();
    bool ok = false;
    const qint64 chunk = text.toLongLong(&ok, 16);
    if (!ok || chunk < 0) {
        refuse(400, QStringLiteral("bad_request"), QStringLiteral("malformed chunk size"));
        return false;
    }
    m_bodyTotal += chunk;
    if (m_bodyTotal > m_limits.maxBodyBytes) {
        refuse(413, QStringLiteral("too_large"),
            QStringLiteral("the body exceeds %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    if (chunk == 0) {
        m_phase = Phase::Trailer;
    } else {
        m_bodyLeft = chunk;
        m_phase = Phase::ChunkData;
    }
    return true;
}

void ConnectionWatcher::requestComplete()
{
    m_phase = Phase::Idle;
    m_line.clear();
    // The server takes it from here (requestParsed stops this); should Qt see the stream
    // differently and not, the connection still ends as an idle one.
    armIdle();
}

quint64 ConnectionWatcher::requestParsed()
{
    ++m_inFlight;
    if (m_phase == Phase::Closing || m_phase == Phase::Upgrade)
        return m_nextTurn++;
    m_timer->stop();
    // Qt's parser stands exactly at the end of this request: frame on from there.
    m_framed = m_received - m_socket->bytesAvailable();
    m_phase = Phase::Idle;
    m_line.clear();
    return m_nextTurn++;
}

void ConnectionWatcher::deliver(quint64 turn, std::function<void()> write)
{
    m_ready.emplace(turn, std::move(write));
    while (!m_ready.empty() && m_ready.begin()->first == m_turnToWrite) {
        const std::function<void()> next = std::move(m_ready.begin()->second);
        m_ready.erase(m_ready.begin());
        ++m_turnToWrite;
        m_inFlight = qMax(0, m_inFlight - 1);
        if (m_phase != Phase::Closing && m_socket->state() == QAbstractSocket::ConnectedState)
            next();
    }
    if (m_inFlight == 0 && m_phase == Phase::Idle)
        armIdle();
}

void ConnectionWatcher::upgraded()
{
    m_phase = Phase::Upgrade;
    m_timer->stop();
}

static QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Bad Request";
    }
}

void ConnectionWatcher::refuse(int status, const QString &code, const QString &message)
{
    qCInfo(lcHttp) << "refused a request from" << m_socket->peerAddress().toString() << status
                   << message;
    m_phase = Phase::Closing;
    // Qt's parser reads no more of this connection (not even in this readyRead): what it
    // holds of the request goes with the socket.
    if (QObject *tcpServer = m_socket->parent(); tcpServer && tcpServer->parent())
        disconnect(m_socket, &QIODevice::readyRead, tcpServer->parent(), nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());

    const QByteArray body
        = QJsonDocument(errorBody(code, message).toObject()).toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->flush();
    // Then say no more (the client sees the end of the answer) but read on a little.
    auto halfClose = [this] {
        if (m_socket->bytesToWrite() > 0)
            return;
#ifdef Q_OS_UNIX
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
        m_socket->disconnectFromHost();
#endif
    };
    connect(m_socket, &QIODevice::bytesWritten, this, halfClose);
    halfClose();
    m_timer->start(LingerMs);
}

void ConnectionWatcher::onTimeout()
{
    switch (m_phase) {
    case Phase::Closing:
        m_socket->abort();
        return;
    case Phase::Upgrade:
        return;
    case Phase::Idle:
        if (m_inFlight == 0) {
            qCDebug(lcHttp) << "closing a quiet connection from"
                            << m_socket->peerAddress().toString();
            m_socket->disconnectFromHost();
        }
        return;
    default:
        refuse(408, QStringLiteral("timeout"),
            QStringLiteral("the request did not arrive within %1 ms")
                .arg(m_limits.requestTimeoutMs));
        return;
    }
}

void ConnectionWatcher::armRequestDeadline()
{
    m_timer->start(m_limits.requestTimeoutMs);
}

void ConnectionWatcher::armIdle()
{
    m_timer->start(m_limits.idleTimeoutMs);
}

GuardedTcpServer::GuardedTcpServer(const ConnectionLimits &limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    // A thousand operators' clients reconnect at once after a restart.
    setListenBacklogSize(1024);
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    auto *watcher = new ConnectionWatcher(socket, m_limits);
    // QAbstractHttpServer takes the socket at once and connects its parser to readyRead...
    addPendingConnection(socket);
    // ...so that this slot comes after it.
    if (hasPendingConnections())
        qCWarning(lcHttp) << "the HTTP server did not take a connection at once";
    watcher->attachAfterParser();
}

} // namespace linecard::server
