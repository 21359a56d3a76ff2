#include "task.h"

#include "jsonread.h"

namespace linecard {

QString Task::statusName(Status status)
{
    switch (status) {
    case Status::Open:
        return QStringLiteral("open");
    case Status::Done:
        return QStringLiteral("done");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<Task::Status> Task::statusFromName(const QString &name)
{
    for (Status s : {Status::Open, Status::Done, Status::Cancelled})
        if (statusName(s) == name)
            return s;
    return std::nullopt;
}

QJsonObject Task::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("counterpartyId"),
            counterpartyId ? QJsonValue(counterpartyId) : QJsonValue()},
        {QStringLiteral("assigneeIds"), idsToJson(assigneeIds)},
        {QStringLiteral("participantIds"), idsToJson(participantIds)},
        {QStringLiteral("createdAt"), isoTime(createdAt)},
        {QStringLiteral("updatedAt"), isoTime(updatedAt)},
        {QStringLiteral("lastActivityAt"), isoTime(lastActivityAt)},
    };
}

std::optional<Task> Task::fromJson(const QJsonObject &json, QString *error)
{
    JsonRead r(json);
    Task t;
    t.id = r.requiredId(QStringLiteral("id"));
    t.title = r.requiredString(QStringLiteral("title"));
    t.description = r.string(QStringLiteral("description"));
    const auto status = statusFromName(r.string(QStringLiteral("status"), QStringLiteral("open")));
    if (r.ok() && !status)
        r.fail(
            QStringLiteral("status"), QStringLiteral("'status' must be open, done or cancelled"));
    t.status = status.value_or(Status::Open);
    t.counterpartyId = r.id(QStringLiteral("counterpartyId"));
    t.assigneeIds = r.ids(QStringLiteral("assigneeIds"));
    t.participantIds = r.ids(QStringLiteral("participantIds"));
    t.createdAt = r.time(QStringLiteral("createdAt"));
    t.updatedAt = r.time(QStringLiteral("updatedAt"));
    t.lastActivityAt = r.time(QStringLiteral("lastActivityAt"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return t;
}

} // namespace linecard
