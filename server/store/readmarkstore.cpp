#include "readmarkstore.h"

#include "database.h"
#include "rowvalues.h"
#include "visibilitysql.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>

namespace linecard::server {

QHash<qint64, int> ReadMarkStore::unread(
    const VisibilitySql &rule, qint64 personId, const QList<qint64> &taskIds)
{
    QHash<qint64, int> counts;
    if (taskIds.isEmpty())
        return counts;
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("me"), personId);
    params.insert(QStringLiteral("cap"), UnreadCap);
    QStringList names;
    for (int i = 0; i < taskIds.size(); ++i) {
        names << QStringLiteral(":t%1").arg(i);
        params.insert(QStringLiteral("t%1").arg(i), taskIds.at(i));
    }
    // Per task, through comments(task_id, id) from the mark on, at most `cap` rows each.
    Database::Rows q = m_db.exec(
        QStringLiteral(
            "SELECT t.id, (SELECT COUNT(*) FROM (SELECT 1 FROM comments c WHERE c.task_id = t.id "
            "AND c.id > COALESCE((SELECT r.last_read_comment_id FROM task_reads r WHERE "
            "r.person_id = :me AND r.task_id = t.id), 0) AND c.author_id <> :me AND %1 "
            "LIMIT :cap) capped) FROM tasks t WHERE t.id IN (%2)")
            .arg(rule.commentClauses(QStringLiteral("c")), names.join(QStringLiteral(", "))),
        params);
    while (q.next())
        counts.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return counts;
}

int ReadMarkStore::unread(const VisibilitySql &rule, qint64 personId, qint64 taskId)
{
    return unread(rule, personId, QList<qint64> {taskId}).value(taskId);
}

qint64 ReadMarkStore::mark(qint64 personId, qint64 taskId)
{
    return m_db
        .scalar(QStringLiteral("SELECT last_read_comment_id FROM task_reads WHERE person_id = :p "
                               "AND task_id = :t"),
            {{QStringLiteral("p"), personId}, {QStringLiteral("t"), taskId}})
        .toLongLong();
}

void ReadMarkStore::setMark(qint64 personId, qint64 taskId, qint64 commentId)
{
    m_db.exec(QStringLiteral("INSERT INTO task_reads(person_id, task_id, last_read_comment_id, "
                             "read_at) VALUES (:p, :t, :c, :at) ON CONFLICT (person_id, "
                             "task_id) DO UPDATE SET last_read_comment_id = "
                             "excluded.last_read_comment_id, read_at = excluded.read_at"),
        {{QStringLiteral("p"), personId}, {QStringLiteral("t"), taskId},
            {QStringLiteral("c"), commentId}, {QStringLiteral("at"), storedNow()}});
}

int ReadMarkStore::markAllRead(const VisibilitySql &rule, qint64 personId)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("me"), personId);
    params.insert(QStringLiteral("at"), storedNow());
    // Only the tasks with something unread: a mark that would not move is not rewritten.
    Database::Rows q = m_db.exec(
        QStringLiteral(
            "INSERT INTO task_reads(person_id, task_id, last_read_comment_id, read_at) SELECT "
            "CAST(:me AS BIGINT), t.id, latest, CAST(:at AS TEXT) FROM (SELECT t.id, (SELECT "
            "MAX(c.id) FROM comments c WHERE c.task_id = t.id AND %1) AS latest FROM tasks t "
            "WHERE %2) t WHERE latest > COALESCE((SELECT r.last_read_comment_id FROM task_reads "
            "r WHERE r.person_id = :me AND r.task_id = t.id), 0) ON CONFLICT (person_id, "
            "task_id) DO UPDATE SET last_read_comment_id = excluded.last_read_comment_id, "
            "read_at = excluded.read_at")
            .arg(rule.commentClauses(QStringLiteral("c")), rule.task(QStringLiteral("t"))),
        params);
    return q.numRowsAffected();
}

qint64 ReadMarkStore::latestVisible(const VisibilitySql &rule, qint64 taskId)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("task"), taskId);
    return m_db
        .scalar(QStringLiteral("SELECT COALESCE(MAX(c.id), 0) FROM comments c WHERE c.task_id = "
                               ":task AND %1")
                    .arg(rule.commentClauses(QStringLiteral("c"))),
            params)
        .toLongLong();
}

bool ReadMarkStore::isVisibleComment(const VisibilitySql &rule, qint64 taskId, qint64 commentId)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("task"), taskId);
    params.insert(QStringLiteral("id"), commentId);
    return m_db.scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM comments c WHERE c.id = :id AND c.task_id = "
                           ":task AND %1")
                           .arg(rule.commentClauses(QStringLiteral("c"))),
                   params)
               .toInt()
        > 0;
}

} // namespace linecard::server
