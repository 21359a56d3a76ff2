#include "../events/commentjson.h"
#include "../events/eventbatch.h"
#include "../servercontext.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"
#include "validation.h"

#include "models/jsonread.h"

#include <QJsonArray>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

// The viewer of a read: the signed-in user, or with "as=" (employees only) a contact
// whose view is previewed — computed by the same rule.
static visibility::Viewer readViewer(ServerContext &ctx, const ApiRequest &req)
{
    const qint64 as = req.queryId(QStringLiteral("as"));
    if (!as)
        return req.session().viewer();
    if (!req.session().isEmployee())
        throw ApiError::forbidden(QStringLiteral("only employees preview as a contact"));
    const auto contact = ctx.people.get(as);
    if (!contact || !contact->isContact() || contact->mergedInto)
        throw ApiError::invalid(QStringLiteral("'as': no contact with id %1").arg(as));
    return Session {*contact, {}}.viewer();
}

static QJsonObject commentPage(
    const QList<Comment> &comments, int limit, const visibility::Viewer &viewer)
{
    QJsonArray items;
    for (const Comment &c : comments)
        items.append(commentJson(c, viewer));
    return {{QStringLiteral("items"), items},
        {QStringLiteral("nextCursor"),
            comments.size() == limit ? QJsonValue(pageCursor(comments.last().id)) : QJsonValue()}};
}

// A live contact's card the viewer may open; a merged id leads to the survivor.
static qint64 visibleCard(ServerContext &ctx, const visibility::Viewer &viewer, qint64 id)
{
    const auto contact = ctx.people.get(id);
    if (!contact || !contact->isContact())
        throw ApiError::notFound(QStringLiteral("contact"));
    const qint64 live = contact->mergedInto ? contact->mergedInto : id;
    if (!visibility::canSeeCard(viewer, live))
        throw ApiError::notFound(QStringLiteral("contact"));
    return live;
}

// mayNotify: whom a contact may notify — the people already on its task (or its card's
// responsible employee). Everyone else, existing or not, gets the same answer: a contact
// learns no names or ids this way.
static Comment readDraft(ServerContext &ctx, const ApiRequest &req, const QList<qint64> &mayNotify)
{
    JsonRead body(req.json());
    Comment c;
    c.authorId = req.session().person.id;
    c.text = body.requiredString(QStringLiteral("text"));
    c.notifiedIds = body.ids(QStringLiteral("notifiedIds"));
    c.hidden = body.boolean(QStringLiteral("hidden"));
    c.visibleToIds = body.ids(QStringLiteral("visibleToIds"));
    c.internal = body.boolean(QStringLiteral("internal"));
    const qint64 callId = body.id(QStringLiteral("callId"));
    if (!body.ok())
        throw ApiError::invalid(body.error());
    requireText(c.text, QStringLiteral("text"), 100000);
    if (!req.session().isEmployee())
        for (qint64 id : std::as_const(c.notifiedIds))
            if (!mayNotify.contains(id))
                throw ApiError::invalid(
                    QStringLiteral("'notifiedIds': a contact notifies only people on its task"));
    requireLivePeople(ctx, c.notifiedIds, QStringLiteral("notifiedIds"));
    requireLivePeople(ctx, c.visibleToIds, QStringLiteral("visibleToIds"));
    if (!c.hidden && !c.visibleToIds.isEmpty())
        throw ApiError::invalid(QStringLiteral("'visibleToIds' is only for hidden comments"));
    if (c.hidden && c.internal)
        throw ApiError::invalid(QStringLiteral("a comment is either hidden or internal"));
    if (!req.session().isEmployee() && (c.hidden || c.internal))
        throw ApiError::invalid(
            QStringLiteral("contacts write neither hidden nor internal comments"));
    if (callId) {
        if (!req.session().isEmployee())
            throw ApiError::invalid(QStringLiteral("'callId' is for employees"));
        if (!ctx.calls.exists(callId))
            throw ApiError::invalid(QStringLiteral("'callId': no call with id %1").arg(callId));
        Call call;
        call.id = callId;
        c.call = call;
    }
    return c;
}

void addCommentRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/tasks/{id}/comments"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const visibility::Viewer viewer = readViewer(ctx, req);
            const VisibilitySql rule = ctx.rule(viewer);
            if (!ctx.tasks.isVisible(req.idArg(0), rule))
                throw ApiError::notFound(QStringLiteral("task"));
            const int limit = req.limit();
            return ApiResponse::ok(
                commentPage(ctx.comments.listForTask(req.idArg(0), rule,
                                readIdCursor(req.query(QStringLiteral("cursor"))), limit),
                    limit, viewer));
        });

    router.add(Method::Post, QStringLiteral("/api/v1/tasks/{id}/comments"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const auto task = ctx.tasks.isVisible(req.idArg(0), ctx.rule(req.session()))
                ? ctx.tasks.get(req.idArg(0))
                : std::nullopt;
            if (!task)
                throw ApiError::notFound(QStringLiteral("task"));
            QList<qint64> onTask = task->assigneeIds + task->participantIds;
            if (task->counterpartyId)
                onTask << task->counterpartyId;
            Comment draft = readDraft(ctx, req, onTask);
            draft.taskId = task->id;
            const Comment comment = EventBatch::change(ctx.db, ctx.events, [&](EventBatch &events) {
                const Comment created = ctx.comments.create(draft);
                events.add(EventType::CommentCreated, created.toJson(),
                    EventAudience::forTask(
                        ctx.tasks.audience(*task), ctx.comments.audience(created)));
                return created;
            });
            return ApiResponse::created(comment.toJson());
        });

    router.add(Method::Get, QStringLiteral("/api/v1/contacts/{id}/comments"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const visibility::Viewer viewer = readViewer(ctx, req);
            const qint64 card = visibleCard(ctx, viewer, req.idArg(0));
            const int limit = req.limit();
            return ApiResponse::ok(
                commentPage(ctx.comments.listForCard(card, ctx.rule(viewer),
                                readIdCursor(req.query(QStringLiteral("cursor"))), limit),
                    limit, viewer));
        });

    router.add(Method::Post, QStringLiteral("/api/v1/contacts/{id}/comments"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const qint64 card = visibleCard(ctx, req.session().viewer(), req.idArg(0));
            const auto cardPerson = ctx.people.get(card);
            QList<qint64> responsible;
            if (cardPerson && cardPerson->responsibleId)
                responsible << cardPerson->responsibleId;
            Comment draft = readDraft(ctx, req, responsible);
            draft.contactId = card;
            const Comment comment = EventBatch::change(ctx.db, ctx.events, [&](EventBatch &events) {
                const Comment created = ctx.comments.create(draft);
                events.add(EventType::CommentCreated, created.toJson(),
                    EventAudience::forCard(card, ctx.comments.audience(created)));
                return created;
            });
            return ApiResponse::created(comment.toJson());
        });

    // A single comment (extension): the same rule, 404 when hidden from the viewer.
    router.add(Method::Get, QStringLiteral("/api/v1/comments/{id}"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const visibility::Viewer viewer = readViewer(ctx, req);
            if (!ctx.comments.isVisible(req.idArg(0), ctx.rule(viewer)))
                throw ApiError::notFound(QStringLiteral("comment"));
            return ApiResponse::ok(commentJson(*ctx.comments.get(req.idArg(0)), viewer));
        });
}

} // namespace linecard::server
