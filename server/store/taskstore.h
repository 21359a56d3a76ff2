#pragma once

#include "models/task.h"
#include "models/visibility.h"

#include <QList>
#include <QVariantMap>

#include <optional>

namespace linecard::server {

class Database;
class VisibilitySql;

struct TaskFilter
{
    std::optional<Task::Status> status;
    bool activeOnly = false; // open tasks
    QString text;
    qint64 contactId = 0; // counterparty, assignee or participant
    qint64 assigneeId = 0;
};

// A position in "newest activity first" order.
struct TaskCursor
{
    QString lastActivityAt;
    qint64 id = 0;
    QString encode() const;
    static std::optional<TaskCursor> decode(const QString &text);
};

class TaskStore
{
public:
    explicit TaskStore(Database &db)
        : m_db(db)
    { }

    std::optional<Task> get(qint64 id);
    // The task when the viewer may see it (same SQL rule as the lists).
    std::optional<Task> getVisible(qint64 id, const VisibilitySql &rule);
    // Only whether the viewer may see it: without the contact's last activity, which walks
    // every comment of the task (a thread's page needs no more than this).
    bool isVisible(qint64 id, const VisibilitySql &rule);
    QList<Task> list(const VisibilitySql &rule, const TaskFilter &filter,
        const std::optional<TaskCursor> &after, int limit);
    // The statement list() runs, and its parameters: for checking its query plan.
    QString listQuery(const VisibilitySql &rule, const TaskFilter &filter,
        const std::optional<TaskCursor> &after, int limit, QVariantMap &params) const;

    Task create(const Task &draft, qint64 createdBy);
    Task update(const Task &next);
    void touch(qint64 taskId, const QString &time);

    visibility::TaskAudience audience(const Task &task);

    // The text of a task's search row (task_search.body); shared with the benchmarks' data
    // generator so that its rows are the server's.
    static QString searchBody(const Task &task);

private:
    void loadMembers(Task &task);
    void loadMembers(QList<Task> &tasks); // all in one statement
    void writeMembers(const Task &task);
    void reindex(const Task &task);
    Database &m_db;
};

} // namespace linecard::server
