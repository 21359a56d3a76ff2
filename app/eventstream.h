#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QTimer;
class QWebSocket;

namespace linecard::client {

// The live event stream, kept alive: it reconnects with backoff, resumes with the last
// seq it saw, asks the client to reload on "resync", and pings to notice a dead link
// (qBittorrent's rid sync is the model; the anchors got reconnection wrong).
class EventStream : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting
    };
    Q_ENUM(State)

    // A ping every 15 s; no pong within 10 s means the link is dead (the server pings every
    // 20 s on its side).
    static constexpr int defaultPingMs = 15000;
    static constexpr int defaultPongTimeoutMs = 10000;

    explicit EventStream(QObject *parent = nullptr);
    ~EventStream() override;

    void setServer(const QUrl &baseUrl, const QString &token);
    void start();
    void stop();

    State state() const { return m_state; }
    qint64 lastSeq() const { return m_lastSeq; }
    int nextRetryMs() const { return m_backoffMs; }
    // Time until the scheduled reconnection attempt, -1 when none is scheduled.
    int reconnectRemainingMs() const;
    // Tuning for tests: how often to ping, how long to wait for the pong, first backoff.
    void setTimings(int pingMs, int pongTimeoutMs, int firstBackoffMs, int maxBackoffMs);

signals:
    void stateChanged(State state);
    void event(const QString &type, const QJsonObject &data);
    // The server could not replay what was missed: reload everything shown.
    void resyncNeeded();
    // A first connection is live (its hello arrived): from here on nothing is missed, so
    // what was read before it may be stale and is worth reading again.
    void streamStarted();
    // The token is no longer accepted.
    void unauthorized();

private:
    void open();
    void onText(const QString &text);
    void onDisconnected();
    void scheduleReconnect();
    void setState(State state);
    void sendPing();

    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnectTimer;
    QTimer *m_pingTimer;
    QTimer *m_pongTimer;
    QUrl m_baseUrl;
    QString m_token;
    State m_state = State::Disconnected;
    qint64 m_lastSeq = -1;
    bool m_wanted = false;
    int m_firstBackoffMs = 500;
    int m_maxBackoffMs = 30000;
    int m_backoffMs = 500;
};

} // namespace linecard::client
