#include "commentdraft.h"

#include "draftstore.h"
#include "restclient.h"
#include "session.h"

#include "protocol/jsonid.h"

#include <QJsonArray>

namespace linecard::client {

QString CommentDraft::key(qint64 taskId)
{
    return QStringLiteral("task:%1").arg(taskId);
}

QJsonObject CommentDraft::toJson() const
{
    return {
        {QStringLiteral("text"), text},
        {QStringLiteral("notifiedIds"), protocol::idArray(notifiedIds)},
        {QStringLiteral("notifyTouched"), notifyTouched},
        {QStringLiteral("hidden"), hidden},
        {QStringLiteral("visibleToIds"), protocol::idArray(visibleToIds)},
        {QStringLiteral("internal"), internal},
    };
}

CommentDraft CommentDraft::fromJson(const QJsonObject &json)
{
    CommentDraft draft;
    draft.text = json.value(QStringLiteral("text")).toString();
    draft.notifiedIds = protocol::idsOf(json.value(QStringLiteral("notifiedIds")));
    draft.notifyTouched = json.value(QStringLiteral("notifyTouched")).toBool();
    draft.hidden = json.value(QStringLiteral("hidden")).toBool();
    draft.visibleToIds = protocol::idsOf(json.value(QStringLiteral("visibleToIds")));
    draft.internal = json.value(QStringLiteral("internal")).toBool();
    return draft;
}

QJsonObject CommentDraft::requestBody() const
{
    QJsonObject body {
        {QStringLiteral("text"), text},
        {QStringLiteral("notifiedIds"), protocol::idArray(notifiedIds)},
        {QStringLiteral("hidden"), hidden},
        {QStringLiteral("internal"), !hidden && internal},
    };
    if (hidden)
        body.insert(QStringLiteral("visibleToIds"), protocol::idArray(visibleToIds));
    return body;
}

void sendComment(Session *session, qint64 taskId, const CommentDraft &draft, QObject *context,
    std::function<void(const QJsonObject &comment)> done,
    std::function<void(const ApiFailure &failure)> failed)
{
    session->rest()->post(
        QStringLiteral("/api/v1/tasks/%1/comments").arg(taskId), draft.requestBody(), context,
        [session, taskId, done = std::move(done)](const QJsonObject &comment) {
            if (session->drafts())
                session->drafts()->clear(CommentDraft::key(taskId));
            done(comment);
        },
        std::move(failed));
}

} // namespace linecard::client
