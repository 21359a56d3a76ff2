#pragma once

#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

namespace linecard::server {
class LinecardServer;
}

namespace linecard::bench {

// The real Linecard server (LinecardServer, as linecard-server runs it) on a loopback port,
// on a thread of its own with its own event loop: the benchmark's clients on the calling
// thread and the server never wait for each other's turn on one loop, and both read one
// monotonic clock.
class BenchServer
{
public:
    explicit BenchServer(const QString &dataDir);
    ~BenchServer();

    QUrl url(const QString &path = {}) const;
    QUrl webSocketUrl(const QString &path, const QString &token) const;

    // PRAGMA synchronous on the server's connection ("FULL" is the server's own).
    void setSynchronous(const QString &mode);
    // Runs fn on the server's thread and waits for it.
    void call(const std::function<void(server::LinecardServer &)> &fn);

    BenchServer(const BenchServer &) = delete;
    BenchServer &operator=(const BenchServer &) = delete;

private:
    QThread m_thread;
    QObject *m_anchor; // lives on the server's thread
    std::unique_ptr<server::LinecardServer> m_server; // made and destroyed on that thread
    QUrl m_url;
};

} // namespace linecard::bench
