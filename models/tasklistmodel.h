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
        ColumnCount
    };
    enum Roles
    {
        TitleRole = FirstCustomRole,
        StatusRole,
        CounterpartyIdRole,
        LastActivityRole
    };

    explicit TaskListModel(PeopleDirectory *people, QObject *parent = nullptr);

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Live: a task event for a task this list may show.
    void applyTask(const QJsonObject &task, bool matchesFilter);

protected:
    int columns() const override { return ColumnCount; }
    QVariant roleData(const QJsonObject &row, int column, int role) const override;
    bool movesToTopOnUpdate(const QJsonObject &before, const QJsonObject &after) const override;

private:
    PeopleDirectory *m_people;
};

} // namespace linecard
