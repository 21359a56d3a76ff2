#pragma once

#include "app/eventstream.h"

#include <QIcon>
#include <QJsonObject>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace linecard {
class PeopleDirectory;
}

namespace linecard::ui {

// The tray icon: the connection state at a glance, ringing/missed counts in its tooltip,
// a menu (open, do not disturb, start with the session, quit) and desktop notifications
// that open the task or card they are about. Do not disturb silences notifications only.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Connected,
        Connecting,
        Offline
    };
    Q_ENUM(Status)
    // The Calls area's lists the menu opens.
    enum class CallList
    {
        Current,
        Missed
    };
    Q_ENUM(CallList)

    // people resolves authors' names (may be null); myId picks the comments that notify me.
    TrayIcon(client::EventStream *stream, qint64 myId, PeopleDirectory *people,
        QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    void show();
    // Shown and the desktop has a tray to show it in: the main window may close into it.
    bool isShown() const;
    // Says once per tray (one per sign-in) that closing the window keeps the client running;
    // false when it was said already.
    bool showRunningInTrayHint();

    Status status() const { return m_status; }
    QString toolTip() const;
    QIcon icon() const;
    QMenu *menu() const { return m_menu; }
    QAction *openAction() const { return m_open; }
    // "Current calls (n)" and "Missed calls (n)": shown once calls are counted (employees).
    QAction *currentCallsAction() const { return m_currentCalls; }
    QAction *missedCallsAction() const { return m_missedCalls; }
    QAction *doNotDisturbAction() const { return m_doNotDisturb; }
    QAction *autostartAction() const { return m_autostart; }
    QAction *quitAction() const { return m_quit; }
    bool doNotDisturb() const;

    // For the calls area: live counts shown in the tooltip and icon, and call notifications
    // (clicking one asks for the contact's card).
    // current: the calls going on now (ringing or answered), listed in the Calls area.
    void setCallCounts(int ringing, int missed, int current = 0);
    int ringingCount() const { return m_ringing; }
    int missedCount() const { return m_missed; }
    int currentCount() const { return m_current; }
    void notifyCall(const QString &title, const QString &text, qint64 contactId);

    // A new comment (EventRouter::commentCreated) that notifies me becomes a notification.
    void notifyComment(const QJsonObject &comment);

signals:
    void openRequested();
    // The menu's Current calls / Missed calls: the Calls area with that list.
    void callsRequested(linecard::ui::TrayIcon::CallList list);
    void quitRequested();
    void taskRequested(qint64 taskId);
    void contactRequested(qint64 contactId);
    // Every notification shown (none while do not disturb is on).
    void notified(const QString &title, const QString &text);

private:
    struct Target
    {
        qint64 taskId = 0;
        qint64 contactId = 0;
    };
    void notify(const QString &title, const QString &text, Target target);
    void onStreamState(client::EventStream::State state);
    void onMessageClicked();
    void refresh();

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_open;
    QAction *m_currentCalls;
    QAction *m_missedCalls;
    QAction *m_doNotDisturb;
    QAction *m_autostart;
    QAction *m_quit;
    PeopleDirectory *m_people;
    qint64 m_myId;
    Status m_status = Status::Offline;
    int m_ringing = 0;
    int m_missed = 0;
    int m_current = 0;
    Target m_lastTarget;
    bool m_runningHintShown = false;
};

} // namespace linecard::ui
