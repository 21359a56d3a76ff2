#include "connectionindicator.h"

#include <QTimer>

namespace linecard::ui {

using State = client::EventStream::State;

ConnectionIndicator::ConnectionIndicator(client::EventStream *stream, QWidget *parent)
    : QLabel(parent)
    , m_stream(stream)
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionIndicator"));
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(stream, &client::EventStream::stateChanged, this, &ConnectionIndicator::refresh);
    refresh();
}

void ConnectionIndicator::refresh()
{
    QString text;
    QString colour;
    switch (m_stream->state()) {
    case State::Connected:
        text = tr("● Online");
        colour = QStringLiteral("#2e7d32");
        m_countdown->stop();
        break;
    case State::Connecting:
        text = tr("○ Connecting…");
        colour = QStringLiteral("#f9a825");
        break;
    case State::Reconnecting: {
        const int left = (m_stream->reconnectRemainingMs() + 999) / 1000;
        text = left > 0 ? tr("○ Connection lost — retrying in %n s", nullptr, left)
                        : tr("○ Connection lost — retrying…");
        colour = QStringLiteral("#c62828");
        m_countdown->start();
        break;
    }
    case State::Disconnected:
        text = tr("○ Offline");
        colour = QStringLiteral("#757575");
        m_countdown->stop();
        break;
    }
    setText(text);
    setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(colour));
    setToolTip(tr("Live updates from the server. What you type is kept while offline."));
}

} // namespace linecard::ui
