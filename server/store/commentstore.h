#pragma once

#include "models/comment.h"
#include "models/visibility.h"

#include <QList>

#include <optional>

class QSqlQuery;

namespace linecard::server {

class Database;
class VisibilitySql;

// A comment with the task it belongs to, for the contact activity feed.
struct TaggedComment
{
    Comment comment;
    QString taskTitle;
};

class CommentStore
{
public:
    explicit CommentStore(Database &db)
        : m_db(db)
    { }

    std::optional<Comment> get(qint64 id);
    // Oldest first, after the comment id "afterId" (0 = from the start).
    QList<Comment> listForTask(qint64 taskId, const VisibilitySql &rule, qint64 afterId, int limit);
    QList<Comment> listForCard(
        qint64 contactId, const VisibilitySql &rule, qint64 afterId, int limit);
    // Comments of the contact's card and of every task it is the counterparty of,
    // newest first, before the comment id "beforeId" (0 = from the newest).
    QList<TaggedComment> activity(
        qint64 contactId, const VisibilitySql &rule, qint64 beforeId, int limit);

    Comment create(const Comment &draft);

    visibility::CommentAudience audience(const Comment &comment);

private:
    QList<Comment> readAll(QSqlQuery &query, QList<QString> *taskTitles = nullptr);
    void loadPeople(Comment &comment);
    Database &m_db;
};

} // namespace linecard::server
