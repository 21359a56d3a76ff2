#include "tasklistmodel.h"

#include "peopledirectory.h"
#include "protocol/jsonid.h"

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
    case UnreadColumn:
        return tr("Unread");
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
    names.insert(UnreadRole, "unread");
    return names;
}

QString TaskListModel::statusText(const QString &status)
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
        return protocol::idOf(row, QStringLiteral("counterpartyId"));
    case LastActivityRole:
        return QDateTime::fromString(
            row.value(QStringLiteral("lastActivityAt")).toString(), Qt::ISODateWithMs);
    case UnreadRole:
        return unreadOf(row);
    case Qt::TextAlignmentRole:
        return column == UnreadColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::ToolTipRole:
        if (column == ActivityColumn)
            return QLocale().toString(
                QDateTime::fromString(
                    row.value(QStringLiteral("lastActivityAt")).toString(), Qt::ISODateWithMs)
                    .toLocalTime(),
                QLocale::LongFormat);
        if (column == UnreadColumn && unreadOf(row) > 0)
            return unreadOf(row) >= UnreadCap ? tr("%1 or more unread comments").arg(UnreadCap)
                                              : tr("%n unread comment(s)", "", unreadOf(row));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case TitleColumn:
        return row.value(QStringLiteral("title")).toString();
    case CounterpartyColumn:
        return m_people->name(protocol::idOf(row, QStringLiteral("counterpartyId")));
    case AssigneesColumn: {
        QStringList names;
        for (const QJsonValue &id : row.value(QStringLiteral("assigneeIds")).toArray())
            names << m_people->name(protocol::idOf(id));
        return names.join(QStringLiteral(", "));
    }
    case StatusColumn:
        return statusText(row.value(QStringLiteral("status")).toString());
    case ActivityColumn:
        return compactTime(QDateTime::fromString(
            row.value(QStringLiteral("lastActivityAt")).toString(), Qt::ISODateWithMs)
                               .toLocalTime());
    case UnreadColumn: {
        const int unread = unreadOf(row);
        if (unread <= 0)
            return {};
        return unread >= UnreadCap ? QStringLiteral("%1+").arg(UnreadCap - 1)
                                   : QString::number(unread);
    }
    }
    return {};
}

// As a mail client dates its list: the time today, the day this year, the date before; the
// whole moment is in the tooltip. Leaves the title the room.
QString TaskListModel::compactTime(const QDateTime &local)
{
    const QLocale locale;
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date().year() == today.year())
        return locale.toString(local.date(), QStringLiteral("d MMM"));
    return locale.toString(local.date(), QLocale::ShortFormat);
}

bool TaskListModel::movesToTopOnUpdate(const QJsonObject &before, const QJsonObject &after) const
{
    return after.value(QStringLiteral("lastActivityAt")).toString()
        > before.value(QStringLiteral("lastActivityAt")).toString();
}

void TaskListModel::applyTask(const QJsonObject &task, bool matchesFilter)
{
    if (!matchesFilter) {
        removeId(idOf(task));
        return;
    }
    const int row = rowOfId(idOf(task));
    if (row >= 0 && !task.contains(QStringLiteral("unread"))) {
        QJsonObject merged = task;
        merged.insert(QStringLiteral("unread"), unreadOf(parsedRow(row)));
        upsert(merged);
        return;
    }
    upsert(task);
}

void TaskListModel::applyReadState(const QJsonObject &state)
{
    const int row = rowOfId(idOf(state));
    if (row < 0 || !state.contains(QStringLiteral("unread")))
        return;
    QJsonObject task = parsedRow(row);
    if (task.value(QStringLiteral("unread")) == state.value(QStringLiteral("unread")))
        return;
    task.insert(QStringLiteral("unread"), state.value(QStringLiteral("unread")));
    upsert(task);
}

void TaskListModel::countUnread(qint64 taskId)
{
    const int row = rowOfId(taskId);
    if (row < 0)
        return;
    QJsonObject task = parsedRow(row);
    task.insert(QStringLiteral("unread"), qMin(unreadOf(task) + 1, int(UnreadCap)));
    upsert(task);
}

int TaskListModel::unreadOf(const QJsonObject &row)
{
    return row.value(QStringLiteral("unread")).toInt();
}

} // namespace linecard
