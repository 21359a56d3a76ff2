#include "callheader.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QTimer>

#include <cmath>

namespace linecard::ui {

// Calls on a line nobody set up, or on a deleted one: a quiet slate blue.
QColor CallHeader::neutralColor()
{
    return QColor(0x45, 0x5a, 0x64);
}

CallHeader::CallHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_caller(new QLabel(this))
    , m_state(new QLabel(this))
    , m_timerLabel(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("callHeader"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setObjectName(QStringLiteral("callLine"));
    QFont number = font();
    number.setPointSizeF(number.pointSizeF() * 1.15);
    m_caller->setFont(number);
    m_caller->setObjectName(QStringLiteral("callCaller"));
    m_caller->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setObjectName(QStringLiteral("callState"));
    QFont bold = font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_timerLabel->setObjectName(QStringLiteral("callTimer"));
    QFont digits = big;
    digits.setStyleHint(QFont::Monospace);
    digits.setFamily(QStringLiteral("monospace"));
    m_timerLabel->setFont(digits);
    for (QLabel *label : {m_title, m_caller, m_state, m_timerLabel})
        label->setTextFormat(Qt::PlainText);
    // Right-aligned within the label too: a longer state must not shift the shorter one.
    m_state->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_timerLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setHorizontalSpacing(16);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_title, 0, 0);
    layout->addWidget(m_caller, 1, 0);
    layout->addWidget(m_timerLabel, 0, 1);
    layout->addWidget(m_state, 1, 1);
    layout->setColumnStretch(0, 1);

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &CallHeader::updateTimer);
    setColor({});
}

static double luminance(const QColor &c)
{
    auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor CallHeader::readableOn(const QColor &background)
{
    const double l = luminance(background);
    const double onWhite = 1.05 / (l + 0.05);
    const double onBlack = (l + 0.05) / 0.05;
    return onWhite >= onBlack ? QColor(Qt::white) : QColor(Qt::black);
}

QString CallHeader::formatDuration(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

void CallHeader::setColor(const QColor &color)
{
    m_background = color.isValid() ? color : neutralColor();
    m_foreground = readableOn(m_background);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, m_foreground);
    p.setColor(QPalette::Text, m_foreground);
    setPalette(p);
    update();
}

void CallHeader::setTitle(const QString &title)
{
    m_title->setText(title);
}

void CallHeader::setCaller(const QString &caller)
{
    m_caller->setText(caller);
}

void CallHeader::setState(const QString &state)
{
    m_state->setText(state);
}

void CallHeader::setTimer(const QDateTime &since, bool running, int seconds)
{
    m_since = since;
    m_running = running && since.isValid();
    m_seconds = seconds;
    if (m_running)
        m_tick->start();
    else
        m_tick->stop();
    updateTimer();
}

void CallHeader::updateTimer()
{
    if (m_running)
        m_timerLabel->setText(formatDuration(m_since.secsTo(QDateTime::currentDateTimeUtc())));
    else
        m_timerLabel->setText(m_seconds >= 0 ? formatDuration(m_seconds) : QString());
}

QString CallHeader::title() const
{
    return m_title->text();
}

QString CallHeader::caller() const
{
    return m_caller->text();
}

QString CallHeader::state() const
{
    return m_state->text();
}

QString CallHeader::timerText() const
{
    return m_timerLabel->text();
}

void CallHeader::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), m_background);
    // A thin darker edge keeps a light colour apart from the card below.
    painter.fillRect(QRect(0, height() - 2, width(), 2), m_background.darker(125));
}

} // namespace linecard::ui
