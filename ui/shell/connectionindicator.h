#pragma once

#include "app/eventstream.h"

#include <QLabel>

class QTimer;

namespace linecard::ui {

// The status bar's always-visible word on the live connection: connected, connecting,
// reconnecting in N s, offline.
class ConnectionIndicator : public QLabel
{
    Q_OBJECT
public:
    explicit ConnectionIndicator(client::EventStream *stream, QWidget *parent = nullptr);

private:
    void refresh();
    client::EventStream *m_stream;
    QTimer *m_countdown;
};

} // namespace linecard::ui
