#include "callpopreport.h"

#include "clientstartup.h"
#include "mainwindow.h"

#include "ui/calls/callwindow.h"
#include "ui/calls/callwindowstack.h"
#include "ui/contacts/contactcard.h"

#include <QEvent>

#include <chrono>
#include <cstdio>

namespace linecard::ui {

void CallPopReport::watchIfAsked(ClientStartup *startup)
{
    if (qEnvironmentVariableIsSet("LINECARD_REPORT_CALLS"))
        new CallPopReport(startup);
}

CallPopReport::CallPopReport(ClientStartup *startup)
    : QObject(startup)
    , m_startup(startup)
{
    connect(startup, &ClientStartup::ready, this, &CallPopReport::onReady);
}

void CallPopReport::onReady()
{
    CallWindowStack *windows = m_startup->mainWindow()->callWindows();
    if (!windows || windows == m_windows)
        return; // a contact has no calls; a second sign-in keeps its stack
    m_windows = windows;
    connect(windows, &CallWindowStack::windowOpened, this, [this](qint64 callId) {
        if (CallWindow *w = m_windows->window(callId))
            w->installEventFilter(this);
    });
}

bool CallPopReport::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted.contains(watched)) {
        m_painted.insert(watched);
        connect(watched, &QObject::destroyed, this, [this, watched] { m_painted.remove(watched); });
        const auto *w = static_cast<CallWindow *>(watched);
        const qint64 atNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
                                .count();
        std::fprintf(stderr, "linecard: call window painted at_ns=%lld call=%lld name=%s\n",
            static_cast<long long>(atNs), static_cast<long long>(w->callId()),
            qPrintable(w->card()->person().name));
        std::fflush(stderr);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace linecard::ui
