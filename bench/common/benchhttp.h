#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace linecard::bench {

// Nanoseconds on the steady clock every part of a benchmark reads.
qint64 nowNs();
// Lets the calling thread's event loop run for ms (replies, sockets, timers).
void idle(int ms);
// CPU time this process (client and in-process server threads) has used, in nanoseconds:
// what a request costs whatever else the machine is busy with.
qint64 processCpuNs();

// The answer to one request, and how long it took from send to the last byte.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    qint64 nanoseconds = 0;
    QJsonObject json() const;
};

// HTTP/1.1 to the server on loopback. get/post/patch write the request on one kept-alive
// socket and block until the whole answer is read (the server runs on its own thread), so
// that the figures hold the server and the wire, not a client library's own threads and
// queues; postAsync goes through QNetworkAccessManager (the desktop client's stack) and
// lets the calling thread's event loop run meanwhile.
class BenchHttp
{
public:
    explicit BenchHttp(const QUrl &base);
    ~BenchHttp();

    HttpReply get(const QString &pathAndQuery, const QString &token = {});
    HttpReply post(const QString &path, const QByteArray &body, const QString &token = {},
        const QByteArray &contentType = "application/json");
    HttpReply post(const QString &path, const QJsonObject &body, const QString &token = {});
    HttpReply patch(const QString &path, const QJsonObject &body, const QString &token = {});
    // The two halves of post() on the kept-alive socket: send() writes the request and returns
    // at once, receive() waits for its answer — for a figure that ends elsewhere (an event on
    // another socket) while the request's answer is still on its way.
    bool send(const QByteArray &method, const QString &pathAndQuery, const QString &token,
        const QByteArray &body, const QByteArray &contentType);
    HttpReply receive();
    // Sends without waiting; done runs when the answer is in.
    void postAsync(const QString &path, const QByteArray &body, const QByteArray &contentType,
        const QString &token, std::function<void(const HttpReply &)> done);

private:
    QNetworkRequest request(const QString &pathAndQuery, const QString &token) const;
    HttpReply exchange(const QByteArray &method, const QString &pathAndQuery, const QString &token,
        const QByteArray &body, const QByteArray &contentType);

    QUrl m_base;
    std::unique_ptr<QTcpSocket> m_socket;
    qint64 m_sentAt = 0;
    qint64 m_answeredAt = 0;
    QNetworkAccessManager m_network;
};

} // namespace linecard::bench
