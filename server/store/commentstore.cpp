#include "commentstore.h"

#include "database.h"
#include "peoplestore.h"
#include "rowvalues.h"
#include "visibilitysql.h"

#include "../telephony/callrecorder.h"

#include <QDateTime>
#include <QSqlQuery>

namespace linecard::server {

static const QString commentColumns
    = QStringLiteral("c.id, c.task_id, c.contact_id, c.author_id, c.text, c.created_at, c.hidden, "
                     "c.internal, c.call_id, ")
    + callColumns(QStringLiteral("k"))
    + QStringLiteral(", "
                     // The record's facts: only for the comment the server wrote as the record.
                     "k.record_comment_id = c.id AND COALESCE(k.attach_comment_id, 0) <> c.id, "
                     "l.name, l.number, k.contact_name, ap.name");
static const QString commentFrom
    = QStringLiteral("comments c LEFT JOIN calls k ON k.id = c.call_id "
                     "LEFT JOIN lines l ON l.id = k.line_id "
                     "LEFT JOIN people ap ON ap.id = k.answered_by");
static constexpr int firstCallColumn = 9;
static constexpr int firstFactColumn = firstCallColumn + callColumnCount;
// The first column after commentColumns (a query may add the task's title there).
static constexpr int afterCommentColumns = firstFactColumn + 5;

QList<Comment> CommentStore::readAll(QSqlQuery &q, QList<QString> *taskTitles)
{
    QList<Comment> out;
    while (q.next()) {
        Comment c;
        c.id = q.value(0).toLongLong();
        c.taskId = q.value(1).toLongLong();
        c.contactId = q.value(2).toLongLong();
        c.authorId = q.value(3).toLongLong();
        c.text = q.value(4).toString();
        c.createdAt = timeAt(q, 5);
        c.hidden = q.value(6).toBool();
        c.internal = q.value(7).toBool();
        if (!q.value(firstCallColumn).isNull()) {
            c.call = readCall(q, firstCallColumn, Call::State::Ended);
            if (q.value(firstFactColumn).toBool())
                c.callRecord = CallRecorder::facts(q.value(firstFactColumn + 1).toString(),
                    q.value(firstFactColumn + 2).toString(),
                    q.value(firstFactColumn + 3).toString(),
                    q.value(firstFactColumn + 4).toString());
        }
        if (taskTitles)
            taskTitles->append(q.value(afterCommentColumns).toString());
        out.append(c);
    }
    for (Comment &c : out)
        loadPeople(c);
    return out;
}

void CommentStore::loadPeople(Comment &comment)
{
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT person_id, role FROM comment_people WHERE comment_id = :id "
                       "ORDER BY position, person_id"),
        {{QStringLiteral("id"), comment.id}});
    while (q.next())
        (q.value(1).toString() == QLatin1String("notified") ? comment.notifiedIds
                                                            : comment.visibleToIds)
            .append(q.value(0).toLongLong());
}

std::optional<Comment> CommentStore::get(qint64 id)
{
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE c.id = :id").arg(commentColumns, commentFrom),
        {{QStringLiteral("id"), id}});
    const QList<Comment> all = readAll(q);
    return all.isEmpty() ? std::nullopt : std::optional<Comment>(all.first());
}

QList<Comment> CommentStore::listForTask(
    qint64 taskId, const VisibilitySql &rule, qint64 afterId, int limit)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("task"), taskId);
    params.insert(QStringLiteral("after"), afterId);
    params.insert(QStringLiteral("limit"), limit);
    // The whole rule, with the task's half asked once for the one task (an uncorrelated
    // EXISTS) instead of for every comment the page walks past: a contact notified in one
    // comment of a hundred makes it walk thousands.
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE c.task_id = :task AND c.id > :after AND "
                       "EXISTS (SELECT 1 FROM tasks vt WHERE vt.id = :task AND %3) AND %4 "
                       "ORDER BY c.id LIMIT :limit")
            .arg(commentColumns, commentFrom, rule.task(QStringLiteral("vt")),
                rule.commentClauses()),
        params);
    return readAll(q);
}

QList<Comment> CommentStore::listForCard(
    qint64 contactId, const VisibilitySql &rule, qint64 afterId, int limit)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("contact"), contactId);
    params.insert(QStringLiteral("after"), afterId);
    params.insert(QStringLiteral("limit"), limit);
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1 FROM %2 WHERE c.contact_id = :contact AND c.id > :after "
                       "AND %3 ORDER BY c.id LIMIT :limit")
            .arg(commentColumns, commentFrom, rule.comment()),
        params);
    return readAll(q);
}

QList<TaggedComment> CommentStore::activity(
    qint64 contactId, const VisibilitySql &rule, qint64 beforeId, int limit)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("contact"), contactId);
    params.insert(
        QStringLiteral("before"), beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    params.insert(QStringLiteral("limit"), limit);
    // Two index range scans (card comments, comments of the contact's tasks) merged by id.
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1, ft.title FROM %2 LEFT JOIN tasks ft ON ft.id = c.task_id "
                       "WHERE c.id < :before AND (c.contact_id = :contact OR c.task_id IN "
                       "(SELECT id FROM tasks WHERE counterparty_id = :contact)) AND %3 "
                       "ORDER BY c.id DESC LIMIT :limit")
            .arg(commentColumns, commentFrom, rule.comment()),
        params);
    QList<QString> titles;
    const QList<Comment> comments = readAll(q, &titles);
    QList<TaggedComment> out;
    for (int i = 0; i < comments.size(); ++i)
        out.append({comments.at(i), titles.at(i)});
    return out;
}

Comment CommentStore::create(const Comment &draft)
{
    Transaction tx(m_db);
    Comment c = draft;
    if (!c.createdAt.isValid()) // only imports and the demo bring their own time
        c.createdAt = QDateTime::currentDateTimeUtc();
    const QString time = c.createdAt.toString(Qt::ISODateWithMs);
    c.id = m_db.insert(
        QStringLiteral("INSERT INTO comments(task_id, contact_id, author_id, text, created_at, "
                       "hidden, internal, call_id) VALUES (:task, :contact, :author, :text, :t, "
                       ":hidden, :internal, :call)"),
        {{QStringLiteral("task"), nullableId(c.taskId)},
            {QStringLiteral("contact"), nullableId(c.contactId)},
            {QStringLiteral("author"), c.authorId}, {QStringLiteral("text"), c.text},
            {QStringLiteral("t"), time}, {QStringLiteral("hidden"), c.hidden},
            {QStringLiteral("internal"), c.internal},
            {QStringLiteral("call"), nullableId(c.call ? c.call->id : 0)}});
    auto write = [this, &c](const QList<qint64> &ids, const QString &role) {
        int position = 0;
        for (qint64 person : ids)
            m_db.exec(
                QStringLiteral("INSERT INTO comment_people(comment_id, person_id, role, position) "
                               "VALUES (:c, :p, :r, :pos)"),
                {{QStringLiteral("c"), c.id}, {QStringLiteral("p"), person},
                    {QStringLiteral("r"), role}, {QStringLiteral("pos"), position++}});
    };
    write(c.notifiedIds, QStringLiteral("notified"));
    write(c.visibleToIds, QStringLiteral("visible"));
    if (c.taskId)
        m_db.exec(QStringLiteral("UPDATE tasks SET last_activity_at = :t WHERE id = :id"),
            {{QStringLiteral("id"), c.taskId}, {QStringLiteral("t"), time}});
    tx.commit();
    return *get(c.id);
}

visibility::CommentAudience CommentStore::audience(const Comment &comment)
{
    PeopleStore people(m_db);
    visibility::CommentAudience a;
    a.authorId = comment.authorId;
    a.authorCompanyId = people.companyOf(comment.authorId);
    a.hidden = comment.hidden;
    a.internal = comment.internal;
    a.visibleToIds = comment.visibleToIds;
    a.notifiedIds = comment.notifiedIds;
    for (qint64 id : comment.notifiedIds)
        if (const qint64 company = people.companyOf(id))
            a.notifiedCompanyIds.append(company);
    return a;
}

bool CommentStore::isVisible(qint64 id, const VisibilitySql &rule)
{
    QVariantMap params = rule.params();
    params.insert(QStringLiteral("id"), id);
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM comments c WHERE c.id = :id AND ")
                       + rule.comment(),
                   params)
               .toInt()
        > 0;
}

qint64 CommentStore::callOf(qint64 commentId)
{
    return m_db
        .scalar(QStringLiteral("SELECT call_id FROM comments WHERE id = :id"),
            {{QStringLiteral("id"), commentId}})
        .toLongLong();
}

void CommentStore::linkCall(qint64 commentId, qint64 callId)
{
    m_db.exec(QStringLiteral("UPDATE comments SET call_id = :call WHERE id = :id"),
        {{QStringLiteral("id"), commentId}, {QStringLiteral("call"), callId}});
}

void CommentStore::unlinkCall(qint64 commentId, qint64 callId)
{
    m_db.exec(
        QStringLiteral("UPDATE comments SET call_id = NULL WHERE id = :id AND call_id = :call"),
        {{QStringLiteral("id"), commentId}, {QStringLiteral("call"), callId}});
}

void CommentStore::rewrite(qint64 commentId, const QString &text)
{
    m_db.exec(QStringLiteral("UPDATE comments SET text = :text WHERE id = :id"),
        {{QStringLiteral("id"), commentId}, {QStringLiteral("text"), text}});
}

void CommentStore::setVisibleTo(qint64 commentId, const QList<qint64> &personIds)
{
    m_db.exec(
        QStringLiteral("DELETE FROM comment_people WHERE comment_id = :id AND role = 'visible'"),
        {{QStringLiteral("id"), commentId}});
    int position = 0;
    for (qint64 person : personIds)
        m_db.exec(QStringLiteral("INSERT INTO comment_people(comment_id, person_id, role, "
                                 "position) VALUES (:c, :p, 'visible', :pos) "
                                 "ON CONFLICT DO NOTHING"),
            {{QStringLiteral("c"), commentId}, {QStringLiteral("p"), person},
                {QStringLiteral("pos"), position++}});
}

void CommentStore::move(qint64 commentId, qint64 taskId, qint64 contactId)
{
    m_db.exec(QStringLiteral("UPDATE comments SET task_id = :task, contact_id = :contact "
                             "WHERE id = :id"),
        {{QStringLiteral("id"), commentId}, {QStringLiteral("task"), nullableId(taskId)},
            {QStringLiteral("contact"), nullableId(contactId)}});
    if (taskId)
        m_db.exec(QStringLiteral("UPDATE tasks SET last_activity_at = :t WHERE id = :id"),
            {{QStringLiteral("id"), taskId}, {QStringLiteral("t"), storedNow()}});
}

void CommentStore::remove(qint64 commentId)
{
    m_db.exec(
        QStringLiteral("DELETE FROM comments WHERE id = :id"), {{QStringLiteral("id"), commentId}});
}

} // namespace linecard::server
