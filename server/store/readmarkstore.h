#pragma once

#include <QHash>
#include <QList>

namespace linecard::server {

class Database;
class VisibilitySql;

// How far each person has read each task's thread (the task list's "unread" column). A
// comment is unread for a person when it comes after their mark, is not theirs, and the
// visibility rule lets them see it — a hidden or internal comment never shows as a count to
// someone who may not read it.
class ReadMarkStore
{
public:
    explicit ReadMarkStore(Database &db)
        : m_db(db)
    { }

    // Counts stop here: a list shows "99+" rather than counting a long thread to the end.
    static constexpr int UnreadCap = 100;

    // Unread comments of each of the tasks (all visible to the viewer of rule) for personId.
    QHash<qint64, int> unread(
        const VisibilitySql &rule, qint64 personId, const QList<qint64> &taskIds);
    int unread(const VisibilitySql &rule, qint64 personId, qint64 taskId);

    qint64 mark(qint64 personId, qint64 taskId); // 0: nothing read yet
    void setMark(qint64 personId, qint64 taskId, qint64 commentId);
    // Every task the viewer of rule may see is read up to its newest comment it may see;
    // returns how many marks moved.
    int markAllRead(const VisibilitySql &rule, qint64 personId);
    // The newest comment of the task the viewer of rule may see (0: none).
    qint64 latestVisible(const VisibilitySql &rule, qint64 taskId);
    // Whether commentId is a comment of taskId the viewer of rule may see.
    bool isVisibleComment(const VisibilitySql &rule, qint64 taskId, qint64 commentId);

private:
    Database &m_db;
};

} // namespace linecard::server
