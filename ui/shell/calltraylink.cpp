#include "calltraylink.h"

#include "trayicon.h"

#include "app/callcenter.h"
#include "models/phonenumber.h"
#include "ui/calls/callwindowstack.h"

#include <QAction>

namespace linecard::ui {

CallTrayLink::CallTrayLink(client::CallCenter *calls, TrayIcon *tray, CallWindowStack *windows)
    : QObject(tray)
    , m_calls(calls)
    , m_tray(tray)
{
    connect(calls, &client::CallCenter::listsChanged, this, &CallTrayLink::updateCounts);
    connect(calls, &client::CallCenter::loaded, this, &CallTrayLink::updateCounts);
    connect(calls, &client::CallCenter::callRinging, this, &CallTrayLink::onRinging);
    connect(calls, &client::CallCenter::callChanged, this, &CallTrayLink::onChanged);
    if (windows) {
        windows->setPopUpsHeld(tray->doNotDisturb());
        connect(tray->doNotDisturbAction(), &QAction::toggled, windows,
            &CallWindowStack::setPopUpsHeld);
    }
    updateCounts();
}

void CallTrayLink::updateCounts()
{
    m_tray->setCallCounts(m_calls->ringingCount(), int(m_calls->missedCalls().size()),
        int(m_calls->activeCalls().size()));
}

QString CallTrayLink::callerOf(qint64 callId) const
{
    const client::CallInfo info = m_calls->call(callId);
    const std::optional<Line> line = m_calls->lineOf(info);
    const QString number
        = PhoneNumber::displayed(info.remoteNumber(), line ? line->region : QString());
    if (info.contactName.isEmpty())
        return number;
    return number.isEmpty() ? info.contactName : tr("%1 (%2)").arg(info.contactName, number);
}

void CallTrayLink::onRinging(qint64 callId)
{
    m_rangForMe.insert(callId);
    updateCounts();
    m_tray->notifyCall(tr("Incoming call"), callerOf(callId), m_calls->call(callId).call.contactId);
}

void CallTrayLink::onChanged(qint64 callId)
{
    updateCounts();
    const client::CallInfo info = m_calls->call(callId);
    if (info.call.state != Call::State::Missed || !m_rangForMe.contains(callId)
        || m_missedNotified.contains(callId))
        return;
    m_missedNotified.insert(callId);
    m_tray->notifyCall(tr("Missed call"), callerOf(callId), info.call.contactId);
}

} // namespace linecard::ui
