#pragma once

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QWebSocket;

namespace linecard::bench {

// Event-stream clients (QWebSocket, on the calling thread): opens them, waits for every
// "hello", then notes when the message a benchmark waits for reached each socket.
class EventSockets : public QObject
{
    Q_OBJECT
public:
    EventSockets();
    ~EventSockets() override;

    // Opens one stream per URL, `wave` connections at a time (the listen backlog is short),
    // each wave waiting for its hellos. False when some did not say hello within timeoutMs.
    bool open(const QList<QUrl> &urls, int wave, int timeoutMs);
    int size() const { return int(m_sockets.size()); }

    // From now on, the first message for which match() holds is noted per socket.
    void expect(std::function<bool(const QString &)> match);
    // Runs the event loop until every socket has its message (true) or time is up.
    bool waitForAll(int timeoutMs);
    // The arrival time (nowNs) per socket, 0 where nothing came.
    const std::vector<qint64> &arrivals() const { return m_arrivals; }
    int arrived() const { return m_arrived; }
    QString lastMatch() const { return m_lastMatch; }

    void closeAll();

private:
    bool runUntil(const std::function<bool()> &done, int timeoutMs);

    std::vector<std::unique_ptr<QWebSocket>> m_sockets;
    std::vector<bool> m_hello;
    std::vector<qint64> m_arrivals;
    int m_hellos = 0;
    int m_arrived = 0;
    QString m_lastMatch;
    std::function<bool(const QString &)> m_match;
    std::function<void()> m_wake;
};

} // namespace linecard::bench
