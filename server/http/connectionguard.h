#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

#include <functional>
#include <map>

class QTcpSocket;
class QTimer;

namespace linecard::server {

// What one HTTP connection may cost before a handler runs.
struct ConnectionLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxHeadBytes = 64 * 1024; // request line and headers
    // A request's head and body arrive complete within this of its first byte (a new
    // connection's first request: of connecting), or the connection gets 408 and closes.
    int requestTimeoutMs = 30000;
    // A kept-alive connection that sends nothing for this long between requests is closed.
    // Event streams are not HTTP connections any more: their ping/pong watchdog decides.
    int idleTimeoutMs = 60000;
};

// Watches one connection's bytes on their way to QAbstractHttpServer, which in Qt 6.4 keeps
// a whole request in memory (twice: the socket's transaction and the request's body buffer)
// before anyone can look at its size. The watcher frames the stream itself — request head,
// Content-Length or chunked body — and refuses a request that breaks a limit as soon as the
// bytes that break it arrive: it answers 413/431/400/408 itself, takes the socket away from
// Qt's parser and closes it. Memory stays flat whatever a client announces or sends.
//
// How it stays in step with Qt's parser without seeing inside it: its readyRead slots run
// just before and just after Qt's (connection order), so it knows how far Qt has read
// (received − bytesAvailable()); when Qt hands a complete request to the server
// (requestParsed) the watcher starts framing again from exactly where Qt stands.
class ConnectionWatcher : public QObject
{
    Q_OBJECT
public:
    ConnectionWatcher(QTcpSocket *socket, const ConnectionLimits &limits);
    // The watcher of a socket accepted by a GuardedTcpServer, or null.
    static ConnectionWatcher *of(QTcpSocket *socket);

    // Call once Qt's server has connected its own readyRead slot.
    void attachAfterParser();

    // From the HTTP server: a complete request reached a handler (returns its turn) / its
    // answer is ready to go (written when every earlier request's answer is: an answer that
    // waits for a worker thread keeps pipelined answers in order) / the connection became a
    // WebSocket (its own limits and watchdog take over).
    quint64 requestParsed();
    void deliver(quint64 turn, std::function<void()> write);
    void upgraded();

private:
    enum class Phase
    {
        Idle, // between requests: nothing of the next one seen yet
        Head,
        Body, // Content-Length bytes
        ChunkSize,
        ChunkData,
        ChunkDataEnd, // the CRLF after a chunk's data
        Trailer,
        Upgrade, // a WebSocket handshake: nothing more to frame
        Closing, // refused or timed out: discarding input until closed
    };

    void beforeParser();
    void afterParser();
    void frame(const char *data, qint64 size);
    bool endHead();
    bool chunkSizeLine();
    void requestComplete();
    void refuse(int status, const QString &code, const QString &message);
    void onTimeout();
    void armRequestDeadline();
    void armIdle();

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    QTimer *m_timer;
    Phase m_phase = Phase::Idle;
    int m_inFlight = 0; // requests handed to the server and not yet answered
    quint64 m_nextTurn = 0;
    quint64 m_turnToWrite = 0;
    std::map<quint64, std::function<void()>> m_ready;

    // Stream offsets: bytes received so far, read by Qt's parser, framed by the watcher.
    qint64 m_received = 0;
    qint64 m_consumed = 0;
    qint64 m_framed = 0;

    QByteArray m_line; // the head so far, or a chunk-size / trailer line
    qint64 m_bodyLeft = 0;
    qint64 m_bodyTotal = 0;
};

// The listening socket of the HTTP server: every connection it accepts gets a watcher
// before QAbstractHttpServer sees it. Handed to QAbstractHttpServer::bind().
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    explicit GuardedTcpServer(const ConnectionLimits &limits, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr handle) override;

private:
    ConnectionLimits m_limits;
};

} // namespace linecard::server
