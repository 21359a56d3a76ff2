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
    // Whether the rule lets its viewer see the comment (false for no such comment).
    bool isVisible(qint64 id, const VisibilitySql &rule);
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

    // The comment that carries a call record (the call recorder's): linked to its call,
    // rewritten as the call goes on, moved with the call, deleted with it.
    qint64 callOf(qint64 commentId);
    void linkCall(qint64 commentId, qint64 callId);
    void unlinkCall(qint64 commentId, qint64 callId); // only while linked to that call
    void rewrite(qint64 commentId, const QString &text);
    void setVisibleTo(qint64 commentId, const QList<qint64> &personIds);
    void move(qint64 commentId, qint64 taskId, qint64 contactId);
    void remove(qint64 commentId);

private:
    QList<Comment> readAll(QSqlQuery &query, QList<QString> *taskTitles = nullptr);
    void loadPeople(Comment &comment);
    Database &m_db;
};

} // namespace linecard::server
