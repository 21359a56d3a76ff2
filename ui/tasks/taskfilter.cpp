#include "taskfilter.h"
#include "protocol/jsonid.h"

#include <QJsonArray>

namespace linecard::ui {

static QString statusParam(TaskFilter::Kind kind)
{
    switch (kind) {
    case TaskFilter::Kind::MyActive:
    case TaskFilter::Kind::AllActive:
    case TaskFilter::Kind::ByAssignee:
        return QStringLiteral("active");
    case TaskFilter::Kind::Done:
        return QStringLiteral("done");
    case TaskFilter::Kind::ByContact:
    case TaskFilter::Kind::All:
        return QStringLiteral("all");
    }
    return QStringLiteral("all");
}

static qint64 assigneeOf(const TaskFilter &f)
{
    if (f.kind == TaskFilter::Kind::MyActive)
        return f.meId;
    return f.kind == TaskFilter::Kind::ByAssignee ? f.assigneeId : 0;
}

QUrlQuery TaskFilter::query() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("status"), statusParam(kind));
    if (const qint64 assignee = assigneeOf(*this))
        q.addQueryItem(QStringLiteral("assigneeId"), QString::number(assignee));
    if (kind == Kind::ByContact && contactId)
        q.addQueryItem(QStringLiteral("contactId"), QString::number(contactId));
    const QString words = text.simplified();
    if (!words.isEmpty())
        q.addQueryItem(QStringLiteral("q"), words);
    return q;
}

bool TaskFilter::isIncomplete() const
{
    return (kind == Kind::ByContact && !contactId) || (kind == Kind::ByAssignee && !assigneeId)
        || (kind == Kind::MyActive && !meId);
}

static bool listsId(const QJsonValue &ids, qint64 id)
{
    for (const QJsonValue &v : ids.toArray())
        if (protocol::idOf(v) == id)
            return true;
    return false;
}

bool TaskFilter::matches(const QJsonObject &task) const
{
    if (isIncomplete())
        return false;
    const QString status = statusParam(kind);
    const QString taskStatus = task.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("active") ? taskStatus != QLatin1String("open")
                                          : status != QLatin1String("all") && taskStatus != status)
        return false;
    if (const qint64 assignee = assigneeOf(*this))
        if (!listsId(task.value(QStringLiteral("assigneeIds")), assignee))
            return false;
    if (kind == Kind::ByContact) {
        const bool involved = protocol::idOf(task, QStringLiteral("counterpartyId")) == contactId
            || listsId(task.value(QStringLiteral("assigneeIds")), contactId)
            || listsId(task.value(QStringLiteral("participantIds")), contactId);
        if (!involved)
            return false;
    }
    const QString body = task.value(QStringLiteral("title")).toString() + u'\n'
        + task.value(QStringLiteral("description")).toString();
    for (const QString &word : text.simplified().split(u' ', Qt::SkipEmptyParts))
        if (!body.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace linecard::ui
