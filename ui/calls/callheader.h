#pragma once

#include <QColor>
#include <QDateTime>
#include <QWidget>

class QLabel;
class QTimer;

namespace linecard::ui {

// The top of a call window, painted in the line's colour: the line's name (or the dialled
// number), who is calling, the call's state and a running timer. The text takes black or
// white, whichever reads better on that colour.
class CallHeader : public QWidget
{
    Q_OBJECT
public:
    explicit CallHeader(QWidget *parent = nullptr);

    // An invalid colour paints the neutral colour of calls on no known or a deleted line.
    void setColor(const QColor &color);
    static QColor neutralColor();
    void setTitle(const QString &title);
    void setCaller(const QString &caller);
    void setState(const QString &state);
    // Counts up from `since` while running; otherwise shows `seconds` (negative: no timer).
    void setTimer(const QDateTime &since, bool running, int seconds = -1);

    QColor background() const { return m_background; }
    QColor foreground() const { return m_foreground; }
    QString title() const;
    QString caller() const;
    QString state() const;
    QString timerText() const;

    // Black or white, whichever contrasts more with the background (WCAG luminance).
    static QColor readableOn(const QColor &background);
    static QString formatDuration(qint64 seconds);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateTimer();

    QColor m_background;
    QColor m_foreground;
    QLabel *m_title;
    QLabel *m_caller;
    QLabel *m_state;
    QLabel *m_timerLabel;
    QTimer *m_tick;
    QDateTime m_since;
    bool m_running = false;
    int m_seconds = -1;
};

} // namespace linecard::ui
