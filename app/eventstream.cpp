#include "eventstream.h"

#include "logging.h"

#include "protocol/closecodes.h"
#include "protocol/streammessage.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace linecard::client {

EventStream::EventStream(QObject *parent)
    : QObject(parent)
    , m_reconnectTimer(new QTimer(this))
    , m_pingTimer(new QTimer(this))
    , m_pongTimer(new QTimer(this))
{
    m_reconnectTimer->setSingleShot(true);
    m_pongTimer->setSingleShot(true);
    m_pingTimer->setInterval(defaultPingMs);
    m_pongTimer->setInterval(defaultPongTimeoutMs);
    connect(m_reconnectTimer, &QTimer::timeout, this, &EventStream::open);
    connect(m_pingTimer, &QTimer::timeout, this, &EventStream::sendPing);
    connect(m_pongTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcClientStream) << "no answer: the link is dead, reconnecting";
        if (m_socket)
            m_socket->abort();
    });
}

EventStream::~EventStream()
{
    stop();
}

void EventStream::setTimings(int pingMs, int pongTimeoutMs, int firstBackoffMs, int maxBackoffMs)
{
    m_pingTimer->setInterval(pingMs);
    m_pongTimer->setInterval(pongTimeoutMs);
    m_firstBackoffMs = m_backoffMs = firstBackoffMs;
    m_maxBackoffMs = maxBackoffMs;
}

int EventStream::reconnectRemainingMs() const
{
    return m_reconnectTimer->isActive() ? m_reconnectTimer->remainingTime() : -1;
}

void EventStream::setServer(const QUrl &baseUrl, const QString &token)
{
    // Another server or another sign-in: its seqs are not ours to resume from (the next
    // hello starts over; the client reloads after a sign-in anyway).
    if (baseUrl != m_baseUrl || token != m_token)
        m_lastSeq = -1;
    m_baseUrl = baseUrl;
    m_token = token;
}

void EventStream::start()
{
    m_wanted = true;
    m_backoffMs = m_firstBackoffMs;
    open();
}

void EventStream::stop()
{
    m_wanted = false;
    m_reconnectTimer->stop();
    m_pingTimer->stop();
    m_pongTimer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Disconnected);
}

void EventStream::open()
{
    if (!m_wanted)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onText);
    connect(m_socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
    connect(m_socket, &QWebSocket::pong, this, [this] { m_pongTimer->stop(); });
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_pongTimer->stop();
        m_backoffMs = m_firstBackoffMs;
        m_pingTimer->start();
        setState(State::Connected);
    });

    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                               : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/events"));
    if (m_lastSeq >= 0) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("since"), QString::number(m_lastSeq));
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    setState(m_state == State::Disconnected ? State::Connecting : State::Reconnecting);
    m_socket->open(request);
    // A handshake into a link that carries nothing would wait forever: the pong watchdog
    // covers it too.
    m_pongTimer->start();
}

void EventStream::onText(const QString &text)
{
    const auto message = protocol::StreamMessage::parse(text.toUtf8());
    if (!message)
        return;
    switch (message->kind) {
    case protocol::StreamMessage::Kind::Error:
        if (message->errorCode == QLatin1String("unauthorized")) {
            m_wanted = false;
            emit unauthorized();
        }
        return;
    case protocol::StreamMessage::Kind::Hello:
        // A first connection starts from now; a resumed one already replayed from m_lastSeq.
        if (m_lastSeq < 0) {
            m_lastSeq = message->seq;
            emit streamStarted();
        }
        return;
    case protocol::StreamMessage::Kind::Resync:
        m_lastSeq = message->seq;
        emit resyncNeeded();
        return;
    case protocol::StreamMessage::Kind::Event:
        break;
    }
    if (message->seq > 0 && message->seq <= m_lastSeq)
        return; // already seen (a replay overlapping what arrived live)
    if (message->seq > 0)
        m_lastSeq = message->seq;
    emit event(message->type, message->data);
}

void EventStream::onDisconnected()
{
    m_pingTimer->stop();
    m_pongTimer->stop();
    const int closeCode = m_socket ? int(m_socket->closeCode()) : 0;
    if (closeCode == protocol::Unauthorized || closeCode == protocol::PersonGone) {
        const bool told = !m_wanted; // by the server's error message, just before the close
        m_wanted = false;
        setState(State::Disconnected);
        if (!told)
            emit unauthorized();
        return;
    }
    if (m_wanted)
        scheduleReconnect();
    else
        setState(State::Disconnected);
}

void EventStream::scheduleReconnect()
{
    setState(State::Reconnecting);
    // Exponential backoff with jitter, so a restarted server is not hit by everyone at once.
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1));
    m_reconnectTimer->start(m_backoffMs + jitter);
    m_backoffMs = qMin(m_backoffMs * 2, m_maxBackoffMs);
}

void EventStream::sendPing()
{
    if (!m_socket || m_pongTimer->isActive())
        return;
    m_pongTimer->start();
    m_socket->ping();
}

void EventStream::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        emit stateChanged(state);
    }
}

} // namespace linecard::client
