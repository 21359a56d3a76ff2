#include "comment.h"

#include "jsonread.h"

namespace linecard {

QJsonObject Comment::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("taskId"), taskId ? QJsonValue(taskId) : QJsonValue()},
        {QStringLiteral("contactId"), contactId ? QJsonValue(contactId) : QJsonValue()},
        {QStringLiteral("authorId"), authorId},
        {QStringLiteral("text"), text},
        {QStringLiteral("createdAt"), isoTime(createdAt)},
        {QStringLiteral("notifiedIds"), idsToJson(notifiedIds)},
        {QStringLiteral("hidden"), hidden},
        {QStringLiteral("visibleToIds"), idsToJson(visibleToIds)},
        {QStringLiteral("internal"), internal},
        {QStringLiteral("call"), call ? QJsonValue(call->toJson()) : QJsonValue()},
        {QStringLiteral("callRecord"),
            callRecord.isEmpty() ? QJsonValue() : QJsonValue(callRecord)},
    };
}

std::optional<Comment> Comment::fromJson(const QJsonObject &json, QString *error)
{
    JsonRead r(json);
    Comment c;
    c.id = r.requiredId(QStringLiteral("id"));
    c.taskId = r.id(QStringLiteral("taskId"));
    c.contactId = r.id(QStringLiteral("contactId"));
    if (r.ok() && !c.taskId == !c.contactId)
        r.fail(QStringLiteral("taskId"),
            QStringLiteral("exactly one of 'taskId' and 'contactId' must be set"));
    c.authorId = r.requiredId(QStringLiteral("authorId"));
    c.text = r.string(QStringLiteral("text"));
    c.createdAt = r.time(QStringLiteral("createdAt"));
    c.notifiedIds = r.ids(QStringLiteral("notifiedIds"));
    c.hidden = r.boolean(QStringLiteral("hidden"));
    c.visibleToIds = r.ids(QStringLiteral("visibleToIds"));
    c.internal = r.boolean(QStringLiteral("internal"));
    c.callRecord = r.object(QStringLiteral("callRecord"));
    const QJsonObject callJson = r.object(QStringLiteral("call"));
    if (!callJson.isEmpty()) {
        QString callError;
        c.call = Call::fromJson(callJson, &callError);
        if (!c.call)
            r.fail(QStringLiteral("call"), callError);
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return c;
}

} // namespace linecard
