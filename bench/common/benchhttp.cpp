#include "benchhttp.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

#include <chrono>
#include <ctime>

namespace linecard::bench {

void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 processCpuNs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QNetworkRequest BenchHttp::request(const QString &pathAndQuery, const QString &token) const
{
    QUrl url = m_base;
    const int question = pathAndQuery.indexOf(u'?');
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return r;
}

BenchHttp::BenchHttp(const QUrl &base)
    : m_base(base)
{ }

BenchHttp::~BenchHttp() = default;

static HttpReply collect(QNetworkReply *reply, qint64 started)
{
    HttpReply r;
    r.nanoseconds = nowNs() - started;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    return r;
}

HttpReply BenchHttp::exchange(const QByteArray &method, const QString &pathAndQuery,
    const QString &token, const QByteArray &body, const QByteArray &contentType)
{
    if (!send(method, pathAndQuery, token, body, contentType))
        return {};
    return receive();
}

bool BenchHttp::send(const QByteArray &method, const QString &pathAndQuery, const QString &token,
    const QByteArray &body, const QByteArray &contentType)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket = std::make_unique<QTcpSocket>();
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->connectToHost(m_base.host(), quint16(m_base.port()));
        if (!m_socket->waitForConnected(10000))
            return false;
        // When the answer came in, should the caller's event loop read it before receive().
        QObject::connect(m_socket.get(), &QTcpSocket::readyRead, m_socket.get(), [this] {
            if (!m_answeredAt)
                m_answeredAt = nowNs();
        });
    }
    const QByteArray host = m_base.host().toLatin1() + ':' + QByteArray::number(m_base.port());
    QByteArray request = method + ' ' + QUrl(pathAndQuery).toEncoded()
        + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: keep-alive\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (!body.isEmpty() || method != "GET")
        request += "Content-Type: " + contentType
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;

    m_answeredAt = 0;
    m_sentAt = nowNs();
    m_socket->write(request);
    m_socket->flush(); // on the wire now, not when the event loop comes round
    return true;
}

HttpReply BenchHttp::receive()
{
    if (!m_socket)
        return {};
    QByteArray in;
    qsizetype headerEnd = -1;
    qint64 length = -1;
    HttpReply r;
    bool close = false;
    while (length < 0 || in.size() < headerEnd + 4 + length) {
        if (!m_socket->bytesAvailable() && !m_socket->waitForReadyRead(30000)) {
            m_socket.reset();
            return {};
        }
        in += m_socket->readAll();
        if (headerEnd < 0 && (headerEnd = in.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = in.left(headerEnd).split('\n');
            r.status = lines.first().split(' ').value(1).toInt();
            length = 0;
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "content-length")
                    length = value.toLongLong();
                else if (name == "connection")
                    close = value.toLower() == "close";
                else if (name == "transfer-encoding")
                    qFatal("BenchHttp reads Content-Length answers only");
            }
        }
    }
    // The answer's own arrival: it may have waited in the socket while the caller read others.
    r.nanoseconds = (m_answeredAt ? m_answeredAt : nowNs()) - m_sentAt;
    r.body = in.mid(headerEnd + 4, length);
    if (close)
        m_socket.reset();
    return r;
}

HttpReply BenchHttp::get(const QString &pathAndQuery, const QString &token)
{
    return exchange("GET", pathAndQuery, token, {}, {});
}

HttpReply BenchHttp::post(const QString &path, const QByteArray &body, const QString &token,
    const QByteArray &contentType)
{
    return exchange("POST", path, token, body, contentType);
}

HttpReply BenchHttp::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpReply BenchHttp::patch(const QString &path, const QJsonObject &body, const QString &token)
{
    return exchange("PATCH", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact),
        "application/json");
}

void BenchHttp::postAsync(const QString &path, const QByteArray &body,
    const QByteArray &contentType, const QString &token,
    std::function<void(const HttpReply &)> done)
{
    QNetworkRequest r = request(path, token);
    r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    const qint64 started = nowNs();
    QNetworkReply *reply = m_network.post(r, body);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, started, done] {
        done(collect(reply, started));
        reply->deleteLater();
    });
}

} // namespace linecard::bench
