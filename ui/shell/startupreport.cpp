#include "startupreport.h"

#include "clientstartup.h"
#include "mainwindow.h"

#include "models/tasklistmodel.h"
#include "ui/tasks/taskspanel.h"

#include <cstdio>
#include <memory>

namespace linecard::ui {

void StartupReport::watchIfAsked(ClientStartup *startup)
{
    if (qEnvironmentVariableIsSet("LINECARD_REPORT_STARTUP"))
        new StartupReport(startup);
}

StartupReport::StartupReport(ClientStartup *startup)
    : QObject(startup)
    , m_startup(startup)
{
    m_clock.start();
    connect(startup, &ClientStartup::ready, this, &StartupReport::onReady);
}

void StartupReport::onReady()
{
    disconnect(m_startup, nullptr, this, nullptr);
    const qint64 windowMs = m_clock.elapsed();
    TaskListModel *tasks = m_startup->mainWindow()->tasksPanel()->model();
    if (tasks->rowCount() > 0) {
        report(windowMs, tasks->rowCount());
        return;
    }
    // Usable = the list's first answer is in: rows, or a finished fetch that found none.
    auto sawRequest = std::make_shared<bool>(tasks->isLoading());
    auto check = [this, tasks, windowMs, sawRequest] {
        if (tasks->isLoading())
            *sawRequest = true;
        // A reset that drops a request in flight is not an answer: an empty answer ends
        // the list (atEnd), rows are rows.
        if (tasks->rowCount() == 0 && (tasks->isLoading() || !*sawRequest || !tasks->isAtEnd()))
            return;
        disconnect(tasks, nullptr, this, nullptr);
        report(windowMs, tasks->rowCount());
    };
    connect(tasks, &QAbstractItemModel::rowsInserted, this, check);
    connect(tasks, &PagedListModel::loadingChanged, this, check);
}

void StartupReport::report(qint64 windowMs, int rows)
{
    std::fprintf(stderr, "linecard: usable after %lld ms (window %lld ms, %d rows)\n",
        static_cast<long long>(m_clock.elapsed()), static_cast<long long>(windowMs), rows);
    std::fflush(stderr);
}

} // namespace linecard::ui
