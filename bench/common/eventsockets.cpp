#include "eventsockets.h"

#include "benchhttp.h"

#include <QEventLoop>
#include <QTimer>
#include <QWebSocket>

namespace linecard::bench {

EventSockets::EventSockets() = default;

EventSockets::~EventSockets()
{
    closeAll();
}

bool EventSockets::runUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    m_wake = [&] {
        if (done())
            loop.quit();
    };
    timeout.start(timeoutMs);
    loop.exec();
    m_wake = nullptr;
    return done();
}

bool EventSockets::open(const QList<QUrl> &urls, int wave, int timeoutMs)
{
    for (int first = 0; first < urls.size(); first += wave) {
        const int last = qMin(int(urls.size()), first + wave);
        for (int i = first; i < last; ++i) {
            auto socket = std::make_unique<QWebSocket>();
            const int index = int(m_sockets.size());
            m_hello.push_back(false);
            m_arrivals.push_back(0);
            connect(socket.get(), &QWebSocket::textMessageReceived, this,
                [this, index](const QString &text) {
                    if (m_match && !m_arrivals[index] && m_match(text)) {
                        m_arrivals[index] = nowNs();
                        ++m_arrived;
                        m_lastMatch = text;
                    } else if (!m_hello[index] && text.contains(QLatin1String("\"hello\""))) {
                        m_hello[index] = true;
                        ++m_hellos;
                    }
                    if (m_wake)
                        m_wake();
                });
            socket->open(urls.at(i));
            m_sockets.push_back(std::move(socket));
        }
        if (!runUntil([this, last] { return m_hellos >= last; }, timeoutMs))
            return false;
    }
    return true;
}

void EventSockets::expect(std::function<bool(const QString &)> match)
{
    std::fill(m_arrivals.begin(), m_arrivals.end(), 0);
    m_arrived = 0;
    m_lastMatch.clear();
    m_match = std::move(match);
}

bool EventSockets::waitForAll(int timeoutMs)
{
    return runUntil([this] { return m_arrived >= int(m_sockets.size()); }, timeoutMs);
}

void EventSockets::closeAll()
{
    for (auto &socket : m_sockets) {
        socket->disconnect(this);
        socket->abort();
    }
    m_sockets.clear();
}

} // namespace linecard::bench
