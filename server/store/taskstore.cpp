#include "taskstore.h"

#include "database.h"
#include "peoplestore.h"
#include "rowvalues.h"
#include "textsearch.h"
#include "visibilitysql.h"

#include <QDateTime>
#include <QSqlQuery>

namespace linecard::server {

static const QString taskColumns = QStringLiteral(
    "t.id, t.title, t.description, t.status, t.counterparty_id, t.created_at, t.updated_at, "
    "t.last_activity_at");

// The same columns with the last activity as the viewer of rule can tell it.
static QString taskColumnsFor(const VisibilitySql &rule)
{
    return QStringLiteral("t.id, t.title, t.description, t.status, t.counterparty_id, "
                          "t.created_at, t.updated_at, %1 AS activity")
        .arg(rule.taskActivity(QStringLiteral("t")));
}

QString TaskCursor::encode() const
{
    return QString::fromLatin1((lastActivityAt + u'|' + QString::number(id))
                                   .toUtf8()
                                   .toBase64(QByteArray::Base64UrlEncoding));
}

std::optional<TaskCursor> TaskCursor::decode(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString s = QString::fromUtf8(*decoded);
    const int bar = s.lastIndexOf(u'|');
    bool ok = false;
    TaskCursor c {s.left(bar), s.mid(bar + 1).toLongLong(&ok)};
    if (bar < 0 || !ok || c.id <= 0
        || !QDateTime::fromString(c.lastActivityAt, Qt::ISODateWithMs).isValid())
        return std::nullopt;
    return c;
}

static Task readTask(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.title = q.value(1).toString();
    t.description = q.value(2).toString();
    t.status = Task::statusFromName(q.value(3).toString()).value_or(Task::Status::Open);
    t.counterpartyId = q.value(4).toLongLong();
    t.createdAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
    t.updatedAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
    t.lastActivityAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    return t;
}

void TaskStore::loadMembers(Task &task)
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT person_id, role FROM task_members WHERE task_id = :id "
                                   "ORDER BY position, person_id"),
            {{QStringLiteral("id"), task.id}});
    while (q.next())
        (q.value(1).toString() == QLatin1String("assignee") ? task.assigneeIds
                                                            : task.participantIds)
            .append(q.value(0).toLongLong());
}

void TaskStore::loadMembers(QList<Task> &tasks)
{
    if (tasks.size() <= 1) {
        for (Task &t : tasks)
            loadMembers(t);
        return;
    }
    QHash<qint64, Task *> byId;
    QStringList ids;
    for (Task &t : tasks) {
        byId.insert(t.id, &t);
        ids << QString::number(t.id);
    }
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT task_id, person_id, role FROM task_members WHERE task_id IN (%1) "
                       "ORDER BY task_id, position, person_id")
            .arg(ids.join(u',')));
    while (q.next()) {
        Task &task = *byId.value(q.value(0).toLongLong());
        (q.value(2).toString() == QLatin1String("assignee") ? task.assigneeIds
                                                            : task.participantIds)
            .append(q.value(1).toLongLong());
    }
}

std::optional<Task> TaskStore::get(qint64 id)
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT %1 FROM tasks t WHERE t.id = :id").arg(taskColumns),
            {{QStringLiteral("id"), id}});
    if (!q.next())
        return std::nullopt;
    Task t = readTask(q);
    loadMembers(t);
    return t;
}

std::optional<Task> TaskStore::getVisible(qint64 id, const VisibilitySql &rule)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("id"), id);
    Database::Rows q = m_db.exec(QStringLiteral("SELECT %1 FROM tasks t WHERE t.id = :id AND %2")
                                     .arg(taskColumnsFor(rule), rule.task()),
        params);
    if (!q.next())
        return std::nullopt;
    Task t = readTask(q);
    loadMembers(t);
    return t;
}

bool TaskStore::isVisible(qint64 id, const VisibilitySql &rule)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("id"), id);
    return m_db
        .exec(QStringLiteral("SELECT 1 FROM tasks t WHERE t.id = :id AND %1").arg(rule.task()),
            params)
        .next();
}

QString TaskStore::listQuery(const VisibilitySql &rule, const TaskFilter &filter,
    const std::optional<TaskCursor> &after, int limit, QVariantMap &params) const
{
    params = rule.params();
    params.insert(QStringLiteral("limit"), limit);
    QString sql
        = QStringLiteral("SELECT %1 FROM tasks t WHERE %2").arg(taskColumnsFor(rule), rule.task());
    const QString activity = rule.taskActivity(QStringLiteral("t"));
    if (filter.status) {
        sql += QStringLiteral(" AND t.status = :status");
        params.insert(QStringLiteral("status"), Task::statusName(*filter.status));
    } else if (filter.activeOnly) {
        sql += QStringLiteral(" AND t.status = 'open'");
    }
    if (filter.contactId) {
        // The contact's few tasks through their indexes, then sorted: an OR here makes the
        // planner walk every task in activity order instead (the call card's active tasks).
        sql += QStringLiteral(
            " AND t.id IN (SELECT id FROM tasks WHERE counterparty_id = :contact UNION ALL "
            "SELECT task_id FROM task_members WHERE person_id = :contact)");
        params.insert(QStringLiteral("contact"), filter.contactId);
    }
    if (filter.assigneeId) {
        // The assignee's own tasks through task_members_person, then sorted: an EXISTS here
        // walks every task in activity order and probes each (all of them for an operator
        // with few assignments).
        sql += QStringLiteral(" AND t.id IN (SELECT task_id FROM task_members WHERE person_id = "
                              ":assignee AND role = 'assignee')");
        params.insert(QStringLiteral("assignee"), filter.assigneeId);
    }
    sql += textSearchFilter(m_db.dialect(), QStringLiteral("task_search"), QStringLiteral("t.id"),
        filter.text.simplified().split(u' ', Qt::SkipEmptyParts), params);
    if (after) {
        sql += QStringLiteral(" AND (%1 < :afterTime OR (%1 = :afterTime AND t.id < :afterId))")
                   .arg(activity);
        params.insert(QStringLiteral("afterTime"), after->lastActivityAt);
        params.insert(QStringLiteral("afterId"), after->id);
    }
    sql += QStringLiteral(" ORDER BY %1 DESC, t.id DESC LIMIT :limit").arg(activity);
    return sql;
}

QList<Task> TaskStore::list(const VisibilitySql &rule, const TaskFilter &filter,
    const std::optional<TaskCursor> &after, int limit)
{
    QVariantMap params;
    const QString sql = listQuery(rule, filter, after, limit, params);
    // A contact's active tasks (the card of every call): one text for every call and every
    // contact — the rule's values are parameters — kept prepared on PostgreSQL, planned once
    // per connection instead of on every call. A contact's few tasks suit one plan.
    const bool contactsTasks = filter.contactId && !after && filter.text.trimmed().isEmpty();
    Database::Rows q = contactsTasks ? m_db.execKept(sql, params) : m_db.exec(sql, params);
    QList<Task> out;
    while (q.next())
        out.append(readTask(q));
    loadMembers(out); // a page's members in one statement, not one per task
    return out;
}

void TaskStore::writeMembers(const Task &task)
{
    m_db.exec(QStringLiteral("DELETE FROM task_members WHERE task_id = :id"),
        {{QStringLiteral("id"), task.id}});
    auto write = [this, &task](const QList<qint64> &ids, const QString &role) {
        int position = 0;
        for (qint64 person : ids)
            m_db.exec(QStringLiteral("INSERT INTO task_members(task_id, person_id, role, position) "
                                     "VALUES (:t, :p, :r, :pos)"),
                {{QStringLiteral("t"), task.id}, {QStringLiteral("p"), person},
                    {QStringLiteral("r"), role}, {QStringLiteral("pos"), position++}});
    };
    write(task.assigneeIds, QStringLiteral("assignee"));
    write(task.participantIds, QStringLiteral("participant"));
}

void TaskStore::reindex(const Task &task)
{
    m_db.exec(m_db.dialect().taskSearchUpsert(),
        {{QStringLiteral("id"), task.id}, {QStringLiteral("body"), searchBody(task)}});
}

QString TaskStore::searchBody(const Task &task)
{
    return task.title + u'\n' + task.description;
}

Task TaskStore::create(const Task &draft, qint64 createdBy)
{
    Transaction tx(m_db);
    const QString t
        = (draft.createdAt.isValid() ? draft.createdAt : QDateTime::currentDateTimeUtc())
              .toString(Qt::ISODateWithMs);
    Task task = draft;
    task.id = m_db.insert(
        QStringLiteral(
            "INSERT INTO tasks(title, description, status, counterparty_id, created_by, "
            "created_at, "
            "updated_at, last_activity_at) VALUES (:title, :d, :s, :cp, :by, :t, :t, :t)"),
        {{QStringLiteral("title"), task.title}, {QStringLiteral("d"), notNull(task.description)},
            {QStringLiteral("s"), Task::statusName(task.status)},
            {QStringLiteral("cp"), nullableId(task.counterpartyId)},
            {QStringLiteral("by"), nullableId(createdBy)}, {QStringLiteral("t"), t}});
    writeMembers(task);
    reindex(task);
    tx.commit();
    return *get(task.id);
}

Task TaskStore::update(const Task &next)
{
    Transaction tx(m_db);
    const QString t = storedNow();
    m_db.exec(QStringLiteral(
                  "UPDATE tasks SET title = :title, description = :d, status = :s, "
                  "counterparty_id = :cp, updated_at = :t, last_activity_at = :t WHERE id = :id"),
        {{QStringLiteral("id"), next.id}, {QStringLiteral("title"), next.title},
            {QStringLiteral("d"), notNull(next.description)},
            {QStringLiteral("s"), Task::statusName(next.status)},
            {QStringLiteral("cp"), nullableId(next.counterpartyId)}, {QStringLiteral("t"), t}});
    writeMembers(next);
    reindex(next);
    tx.commit();
    return *get(next.id);
}

void TaskStore::touch(qint64 taskId, const QString &time)
{
    m_db.exec(QStringLiteral("UPDATE tasks SET last_activity_at = :t WHERE id = :id"),
        {{QStringLiteral("id"), taskId}, {QStringLiteral("t"), time}});
}

visibility::TaskAudience TaskStore::audience(const Task &task)
{
    PeopleStore people(m_db);
    return {task.counterpartyId, people.companyOf(task.counterpartyId),
        task.assigneeIds + task.participantIds};
}

} // namespace linecard::server
