#pragma once

#include <QByteArray>
#include <QThread>
#include <QUrl>

namespace linecard::bench {

class RelayHttpServer;

// The floor of a latency benchmark: the same path through a bare relay in the same process
// layout as BenchServer (a QHttpServer on a thread of its own, loopback, the benchmark's
// clients on the calling thread), doing none of Linecard's work. Every request is answered
// with a fixed body; a POST to popPath() first writes a fixed frame to every WebSocket opened
// on eventsPath() (each is greeted with a "hello" frame, as the event stream does).
class BareRelay
{
public:
    static constexpr const char *popPath = "/pop";
    static constexpr const char *eventsPath = "/events";

    BareRelay();
    ~BareRelay();

    QUrl url(const QString &path = {}) const;
    QUrl webSocketUrl() const;

    // What the relay answers and writes: give it the real server's answer and event, so the
    // floor moves the same bytes.
    void setBody(const QByteArray &body);
    void setFrame(const QByteArray &frame);

    BareRelay(const BareRelay &) = delete;
    BareRelay &operator=(const BareRelay &) = delete;

private:
    QThread m_thread;
    QObject *m_anchor; // lives on m_thread
    RelayHttpServer *m_server = nullptr; // made and destroyed on m_thread
    QUrl m_url;
};

} // namespace linecard::bench
