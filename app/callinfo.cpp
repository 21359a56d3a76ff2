#include "callinfo.h"

#include "models/jsonread.h"

namespace linecard::client {

std::optional<CallInfo> CallInfo::fromJson(const QJsonObject &json, QString *error)
{
    const auto call = Call::fromJson(json, error);
    if (!call)
        return std::nullopt;
    JsonRead r(json);
    CallInfo info;
    info.call = *call;
    info.contactName = r.string(QStringLiteral("contactName"));
    info.targetIds = r.ids(QStringLiteral("targetIds"));
    info.handled = r.boolean(QStringLiteral("handled"));
    info.recordCommentId = r.id(QStringLiteral("recordCommentId"));
    info.attachTaskId = r.id(QStringLiteral("attachTaskId"));
    info.attachCommentId = r.id(QStringLiteral("attachCommentId"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return info;
}

void CallInfo::setCard(const QJsonObject &payload)
{
    hasCard = true;
    contact = payload.value(QStringLiteral("contact")).toObject();
    tasks = payload.value(QStringLiteral("tasks")).toArray();
    candidates.clear();
    for (const QJsonValue &v : payload.value(QStringLiteral("candidates")).toArray())
        if (const auto person = Person::fromJson(v.toObject()))
            candidates.append(*person);
    line = Line::fromJson(payload.value(QStringLiteral("line")).toObject());
}

} // namespace linecard::client
