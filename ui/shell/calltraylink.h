#pragma once

#include <QObject>
#include <QSet>

namespace linecard::client {
class CallCenter;
}

namespace linecard::ui {

class CallWindowStack;
class TrayIcon;

// Binds the calls to the tray: ringing and missed counts in the icon and tooltip, a
// desktop notification when a call rings for me and when one of mine is missed (each
// opens the caller's card), and do-not-disturb holding the call windows back — missed
// calls are still counted and listed.
class CallTrayLink : public QObject
{
    Q_OBJECT
public:
    // windows may be null (no pop-ups to hold).
    CallTrayLink(client::CallCenter *calls, TrayIcon *tray, CallWindowStack *windows);

private:
    void updateCounts();
    void onRinging(qint64 callId);
    void onChanged(qint64 callId);
    QString callerOf(qint64 callId) const;

    client::CallCenter *m_calls;
    TrayIcon *m_tray;
    QSet<qint64> m_rangForMe; // calls that rang here: their miss is mine to hear about
    QSet<qint64> m_missedNotified;
};

} // namespace linecard::ui
