#include "tasklistmodel.h"

#include "peopledirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace linecard {

TaskListModel::TaskListModel(PeopleDirectory *people, QObject *parent)
    : PagedListModel(parent)
    , m_people(people)
{
    // A name that arrives later repaints the rows showing it.
    connect(people, &PeopleDirectory::personChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, CounterpartyColumn), index(rowCount() - 1, AssigneesColumn));
    });
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Task");
    case CounterpartyColumn:
        return tr("Counterparty");
    case AssigneesColumn:
        return tr("Assignees");
    case StatusColumn:
        return tr("Status");
    case ActivityColumn:
        return tr("Last activity");
    }
    return {};
}

QHash<int, QByteArray> TaskListModel::roleNames() const
{
    QHash<int, QByteArray> names = PagedListModel::roleNames();
    names.insert(TitleRole, "title");
    names.insert(StatusRole, "status");
    names.insert(CounterpartyIdRole, "counterpartyId");
    names.insert(LastActivityRole, "lastActivityAt");
    return names;
}

static QString statusText(const QString &status)
{
    if (status == QLatin1String("open"))
        return TaskListModel::tr("Open");
    if (status == QLatin1String("done"))
        return TaskListModel::tr("Done");
    if (status == QLatin1String("cancelled"))
        return TaskListModel::tr("Cancelled");
    return status;
}

QVariant TaskListModel::roleData(const QJsonObject &row, int column, int role) const
{
    switch (role) {
    case TitleRole:
        return row.value(QStringLiteral("title")).toString();
    case StatusRole:
        return row.value(QStringLiteral("status")).toString();
    case CounterpartyIdRole:
        return qint64(row.value(QStringLiteral("counterpartyId")).toDouble());
    case LastActivityRole:
        return QDateTime::fromString(
            row.value(QStringLiteral("lastActivityAt")).toString(), Qt::ISODateWithMs);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case TitleColumn:
        return row.value(QStringLiteral("title")).toString();
    case CounterpartyColumn:
        return m_people->name(qint64(row.value(QStringLiteral("counterpartyId")).toDouble()));
    case AssigneesColumn: {
        QStringList names;
        for (const QJsonValue &id : row.value(QStringLiteral("assigneeIds")).toArray())
            names << m_people->name(qint64(id.toDouble()));
        return names.join(QStringLiteral(", "));
    }
    case StatusColumn:
        return statusText(row.value(QStringLiteral("status")).toString());
    case ActivityColumn:
        return QLocale().toString(
            QDateTime::fromString(
                row.value(QStringLiteral("lastActivityAt")).toString(), Qt::ISODateWithMs)
                .toLocalTime(),
            QLocale::ShortFormat);
    }
    return {};
}

bool TaskListModel::movesToTopOnUpdate(const QJsonObject &before, const QJsonObject &after) const
{
    return after.value(QStringLiteral("lastActivityAt")).toString()
        > before.value(QStringLiteral("lastActivityAt")).toString();
}

void TaskListModel::applyTask(const QJsonObject &task, bool matchesFilter)
{
    if (matchesFilter)
        upsert(task);
    else
        removeId(qint64(task.value(QStringLiteral("id")).toDouble()));
}

} // namespace linecard
