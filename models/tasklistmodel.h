#pragma once

#include "pagedlistmodel.h"

namespace linecard {

class PeopleDirectory;

// The task list: newest activity first, one column per field the operator scans.
class TaskListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Column
    {
        TitleColumn,
        CounterpartyColumn,
        AssigneesColumn,
        StatusColumn,
        ActivityColumn,
        UnreadColumn,
        ColumnCount
    };
    enum Roles
    {
        TitleRole = FirstCustomRole,
        StatusRole,
        CounterpartyIdRole,
        LastActivityRole,
        UnreadRole // the signed-in user's unread comments in the task (capped by the server)
    };

    explicit TaskListModel(PeopleDirectory *people, QObject *parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Live: a task event for a task this list may show. Task events are the same for
    // everyone and carry no unread count: the row keeps its own.
    void applyTask(const QJsonObject &task, bool matchesFilter);
    // Live: the user's read state of a task changed (task.read, or the answer to marking).
    void applyReadState(const QJsonObject &state);
    // Live: a comment by someone else arrived in a task of the list.
    void countUnread(qint64 taskId);

    // The Last activity column's text for a local time.
    static QString compactTime(const QDateTime &local);
    // The Status column's word for a task's status ("open", "done", "cancelled").
    static QString statusText(const QString &status);

protected:
    int columns() const override { return ColumnCount; }
    QVariant roleData(const QJsonObject &row, int column, int role) const override;
    bool movesToTopOnUpdate(const QJsonObject &before, const QJsonObject &after) const override;

private:
    // The server counts up to this many; the list shows one less with a "+".
    static constexpr int UnreadCap = 100;
    static int unreadOf(const QJsonObject &row);

    PeopleDirectory *m_people;
};

} // namespace linecard
