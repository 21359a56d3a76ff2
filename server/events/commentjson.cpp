#include "commentjson.h"

#include <QJsonValue>

namespace linecard::server {

QJsonObject commentJson(const Comment &comment, const visibility::Viewer &viewer)
{
    return commentJson(comment.toJson(), viewer);
}

QJsonObject commentJson(QJsonObject comment, const visibility::Viewer &viewer)
{
    if (!visibility::canSeeCallRecord(viewer) && comment.contains(QStringLiteral("call")))
        comment.insert(QStringLiteral("call"), QJsonValue());
    return comment;
}

} // namespace linecard::server
