#include "trayicon.h"

#include "app/appsettings.h"
#include "app/sessionautostart.h"
#include "models/comment.h"
#include "models/peopledirectory.h"

#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace linecard::ui {

using State = client::EventStream::State;

// The app's mark (a blue card with a handset stripe) with a dot in the state's colour;
// drawn rather than loaded so that the tray needs no image plugin.
static QIcon drawIcon(TrayIcon::Status status, bool doNotDisturb, bool ringing)
{
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal u = size / 16.0;
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(ringing ? 0xef6c00 : 0x1565c0));
        p.drawRoundedRect(QRectF(0.5 * u, 2 * u, 15 * u, 12 * u), 2.5 * u, 2.5 * u);
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(2.5 * u, 5 * u, 6 * u, 1.5 * u), 0.7 * u, 0.7 * u);
        p.drawRoundedRect(QRectF(2.5 * u, 8.5 * u, 4 * u, 1.5 * u), 0.7 * u, 0.7 * u);
        const QColor dot = status == TrayIcon::Status::Connected ? QColor(0x2e7d32)
            : status == TrayIcon::Status::Connecting             ? QColor(0xf9a825)
                                                                 : QColor(0x9e9e9e);
        p.setPen(QPen(Qt::white, u));
        p.setBrush(doNotDisturb ? QColor(0xc62828) : dot);
        p.drawEllipse(QRectF(9.5 * u, 8.5 * u, 6 * u, 6 * u));
        if (doNotDisturb) {
            p.setPen(QPen(Qt::white, 1.2 * u));
            p.drawLine(QPointF(10.9 * u, 11.5 * u), QPointF(14.1 * u, 11.5 * u));
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

TrayIcon::TrayIcon(
    client::EventStream *stream, qint64 myId, PeopleDirectory *people, QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_people(people)
    , m_myId(myId)
{
    m_open = m_menu->addAction(tr("&Open Linecard"), this, &TrayIcon::openRequested);
    m_currentCalls
        = m_menu->addAction(QString(), this, [this] { emit callsRequested(CallList::Current); });
    m_currentCalls->setObjectName(QStringLiteral("trayCurrentCalls"));
    m_currentCalls->setVisible(false);
    m_missedCalls
        = m_menu->addAction(QString(), this, [this] { emit callsRequested(CallList::Missed); });
    m_missedCalls->setObjectName(QStringLiteral("trayMissedCalls"));
    m_missedCalls->setVisible(false);
    m_menu->addSeparator();
    m_doNotDisturb = m_menu->addAction(tr("&Do not disturb"));
    m_doNotDisturb->setCheckable(true);
    m_doNotDisturb->setChecked(client::AppSettings().doNotDisturb());
    connect(m_doNotDisturb, &QAction::toggled, this, [this](bool on) {
        client::AppSettings().setDoNotDisturb(on);
        refresh();
    });
    m_autostart = m_menu->addAction(tr("&Start with the session"));
    m_autostart->setCheckable(true);
    m_autostart->setChecked(client::SessionAutostart().isEnabled());
    connect(m_autostart, &QAction::toggled, this, [this](bool on) {
        client::SessionAutostart autostart;
        if (!autostart.setEnabled(on)) {
            const QSignalBlocker block(m_autostart);
            m_autostart->setChecked(!on);
            m_tray->showMessage(
                tr("Start with the session"), autostart.errorString(), QSystemTrayIcon::Warning);
        }
    });
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);

    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::onMessageClicked);
    connect(stream, &client::EventStream::stateChanged, this, &TrayIcon::onStreamState);
    onStreamState(stream->state());
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu is not owned by the tray icon
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    m_tray->show();
}

bool TrayIcon::isShown() const
{
    // The tray can go away under us (the panel restarts): then there is nothing to reopen from.
    return m_tray->isVisible() && isAvailable();
}

bool TrayIcon::showRunningInTrayHint()
{
    if (m_runningHintShown)
        return false;
    m_runningHintShown = true;
    // Not silenced by do not disturb: it answers the operator's own click. Clicking it opens
    // the window, not whatever the last notification was about.
    m_lastTarget = {};
    m_tray->showMessage(tr("Linecard is still running"),
        tr("Linecard keeps running in the tray to show incoming calls; "
           "Quit from the tray menu to exit."),
        QSystemTrayIcon::Information);
    return true;
}

bool TrayIcon::doNotDisturb() const
{
    return m_doNotDisturb->isChecked();
}

QIcon TrayIcon::icon() const
{
    return m_tray->icon();
}

QString TrayIcon::toolTip() const
{
    return m_tray->toolTip();
}

void TrayIcon::setCallCounts(int ringing, int missed, int current)
{
    m_ringing = ringing;
    m_missed = missed;
    m_current = current;
    m_currentCalls->setVisible(true);
    m_missedCalls->setVisible(true);
    refresh();
}

void TrayIcon::notifyCall(const QString &title, const QString &text, qint64 contactId)
{
    notify(title, text, {0, contactId});
}

void TrayIcon::notifyComment(const QJsonObject &data)
{
    const std::optional<Comment> comment = Comment::fromJson(data);
    if (!comment || comment->authorId == m_myId || !comment->notifiedIds.contains(m_myId))
        return;
    const QString author = m_people ? m_people->name(comment->authorId) : QString();
    const QString title = comment->taskId
        ? (author.isEmpty() ? tr("New comment in task #%1").arg(comment->taskId)
                            : tr("%1 in task #%2").arg(author).arg(comment->taskId))
        : (author.isEmpty() ? tr("New comment on a contact card")
                            : tr("%1 on a contact card").arg(author));
    QString text = comment->text.simplified();
    if (text.size() > 200)
        text = text.left(199) + u'…';
    notify(title, text, {comment->taskId, comment->contactId});
}

void TrayIcon::notify(const QString &title, const QString &text, Target target)
{
    if (doNotDisturb())
        return;
    m_lastTarget = target;
    m_tray->showMessage(title, text, QSystemTrayIcon::Information);
    emit notified(title, text);
}

void TrayIcon::onMessageClicked()
{
    // Desktops report only that "the" message was clicked: the last one shown.
    if (m_lastTarget.taskId)
        emit taskRequested(m_lastTarget.taskId);
    else if (m_lastTarget.contactId)
        emit contactRequested(m_lastTarget.contactId);
    else
        emit openRequested();
}

void TrayIcon::onStreamState(State state)
{
    m_status = state == State::Connected ? Status::Connected
        : state == State::Disconnected   ? Status::Offline
                                         : Status::Connecting;
    refresh();
}

void TrayIcon::refresh()
{
    QString tip = m_status == Status::Connected ? tr("Linecard — online")
        : m_status == Status::Connecting        ? tr("Linecard — connecting…")
                                                : tr("Linecard — offline");
    if (m_ringing > 0)
        tip += u'\n' + tr("Ringing calls: %1").arg(m_ringing);
    if (m_missed > 0)
        tip += u'\n' + tr("Missed calls: %1").arg(m_missed);
    if (doNotDisturb())
        tip += u'\n' + tr("Do not disturb: notifications are off");
    m_tray->setToolTip(tip);
    m_currentCalls->setText(tr("&Current calls (%1)").arg(m_current));
    m_missedCalls->setText(tr("&Missed calls (%1)").arg(m_missed));
    m_tray->setIcon(drawIcon(m_status, doNotDisturb(), m_ringing > 0));
}

} // namespace linecard::ui
