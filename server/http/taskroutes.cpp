#include "../events/eventbatch.h"
#include "../servercontext.h"
#include "../store/readmarkstore.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"
#include "validation.h"

#include "models/jsonread.h"

#include <QJsonArray>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

static TaskFilter readFilter(const ApiRequest &req)
{
    TaskFilter f;
    const QString status = req.query(QStringLiteral("status"));
    if (status == QLatin1String("active")) {
        f.activeOnly = true;
    } else if (!status.isEmpty() && status != QLatin1String("all")) {
        f.status = Task::statusFromName(status);
        if (!f.status)
            throw ApiError::badRequest(
                QStringLiteral("'status' must be open, done, cancelled, active or all"));
    }
    f.text = req.query(QStringLiteral("q"));
    if (f.text.size() > 200)
        throw ApiError::badRequest(QStringLiteral("'q' is longer than 200 characters"));
    f.contactId = req.queryId(QStringLiteral("contactId"));
    f.assigneeId = req.queryId(QStringLiteral("assigneeId"));
    return f;
}

QJsonObject taskPage(ServerContext &ctx, const ApiRequest &req, TaskFilter filter)
{
    std::optional<TaskCursor> after;
    if (req.hasQuery(QStringLiteral("cursor"))) {
        after = TaskCursor::decode(req.query(QStringLiteral("cursor")));
        if (!after)
            throw ApiError::badRequest(QStringLiteral("'cursor' is not a cursor this server gave"));
    }
    const int limit = req.limit();
    const VisibilitySql rule = ctx.rule(req.session());
    const QList<Task> tasks = ctx.tasks.list(rule, filter, after, limit);
    QList<qint64> ids;
    for (const Task &t : tasks)
        ids.append(t.id);
    const QHash<qint64, int> unread = ctx.readMarks.unread(rule, req.session().person.id, ids);
    QJsonArray items;
    for (const Task &t : tasks) {
        QJsonObject item = t.toJson();
        item.insert(QStringLiteral("unread"), unread.value(t.id));
        items.append(item);
    }
    QJsonValue next;
    if (tasks.size() == limit)
        next = TaskCursor {tasks.last().lastActivityAt.toString(Qt::ISODateWithMs), tasks.last().id}
                   .encode();
    return {{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next}};
}

// Applies the fields present in body to task (create and patch share it).
static void readTaskFields(ServerContext &ctx, const QJsonObject &json, Task &task, bool creating)
{
    JsonRead body(json);
    if (creating || body.has(QStringLiteral("title")))
        task.title = body.requiredString(QStringLiteral("title")).trimmed();
    if (body.has(QStringLiteral("description")))
        task.description = body.string(QStringLiteral("description"));
    if (body.has(QStringLiteral("status"))) {
        const auto status = Task::statusFromName(body.requiredString(QStringLiteral("status")));
        if (body.ok() && !status)
            body.fail(QStringLiteral("status"),
                QStringLiteral("'status' must be open, done or cancelled"));
        task.status = status.value_or(task.status);
    }
    if (body.has(QStringLiteral("counterpartyId")))
        task.counterpartyId = body.id(QStringLiteral("counterpartyId"));
    if (body.has(QStringLiteral("assigneeIds")))
        task.assigneeIds = body.ids(QStringLiteral("assigneeIds"));
    if (body.has(QStringLiteral("participantIds")))
        task.participantIds = body.ids(QStringLiteral("participantIds"));
    if (!body.ok())
        throw ApiError::invalid(body.error());
    requireText(task.title, QStringLiteral("title"), 500);
    requireText(task.description, QStringLiteral("description"), 100000, true);
    if (task.counterpartyId)
        requireLiveContact(ctx, task.counterpartyId, QStringLiteral("counterpartyId"));
    requireLivePeople(ctx, task.assigneeIds, QStringLiteral("assigneeIds"));
    requireLivePeople(ctx, task.participantIds, QStringLiteral("participantIds"));
}

// Adds the signed-in user's read state of the task to json.
static QJsonObject readState(
    ServerContext &ctx, const ApiRequest &req, qint64 taskId, QJsonObject json)
{
    const qint64 me = req.session().person.id;
    json.insert(
        QStringLiteral("unread"), ctx.readMarks.unread(ctx.rule(req.session()), me, taskId));
    json.insert(QStringLiteral("lastReadCommentId"), ctx.readMarks.mark(me, taskId));
    return json;
}

static Task visibleTask(ServerContext &ctx, const ApiRequest &req, qint64 id)
{
    const auto task = ctx.tasks.getVisible(id, ctx.rule(req.session()));
    if (!task)
        throw ApiError::notFound(QStringLiteral("task"));
    return *task;
}

void addTaskRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/tasks"), Router::Access::User,
        [&ctx](ApiRequest &req) { return ApiResponse::ok(taskPage(ctx, req, readFilter(req))); });

    router.add(Method::Post, QStringLiteral("/api/v1/tasks"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            Task draft;
            readTaskFields(ctx, req.json(), draft, true);
            const Task task = EventBatch::change(ctx.db, ctx.events, [&](EventBatch &events) {
                const Task created = ctx.tasks.create(draft, req.session().person.id);
                events.add(EventType::TaskCreated, created.toJson(),
                    EventAudience::forTask(ctx.tasks.audience(created)));
                return created;
            });
            return ApiResponse::created(readState(ctx, req, task.id, task.toJson()));
        });

    router.add(Method::Get, QStringLiteral("/api/v1/tasks/{id}"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const Task task = visibleTask(ctx, req, req.idArg(0));
            return ApiResponse::ok(readState(ctx, req, task.id, task.toJson()));
        });

    // "Mark all as read": every task the user may see, each up to its newest comment they may
    // see. Their other clients hear {"all": true} on task.read and reload their lists.
    router.add(Method::Post, QStringLiteral("/api/v1/tasks/read"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const qint64 me = req.session().person.id;
            const VisibilitySql rule = ctx.rule(req.session());
            const int marked = EventBatch::change(ctx.db, ctx.events, [&](EventBatch &events) {
                const int n = ctx.readMarks.markAllRead(rule, me);
                if (n > 0)
                    events.add(EventType::TaskRead, {{QStringLiteral("all"), true}},
                        EventAudience::only(me));
                return n;
            });
            return ApiResponse::ok(QJsonObject {{QStringLiteral("marked"), marked}});
        });

    // The signed-in user has read the thread up to a comment: the newest they may see when
    // the body names none (opening the task), or {"commentId": id} — an earlier one marks the
    // rest unread again, null all of it. Their other clients hear of it (task.read), nobody
    // else.
    router.add(Method::Post, QStringLiteral("/api/v1/tasks/{id}/read"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const Task task = visibleTask(ctx, req, req.idArg(0));
            const VisibilitySql rule = ctx.rule(req.session());
            qint64 upTo = 0;
            const QJsonObject body
                = req.http().body().trimmed().isEmpty() ? QJsonObject() : req.json();
            if (body.contains(QStringLiteral("commentId"))) {
                JsonRead read(body);
                upTo = read.id(QStringLiteral("commentId"));
                if (!read.ok())
                    throw ApiError::invalid(read.error());
                if (upTo && !ctx.readMarks.isVisibleComment(rule, task.id, upTo))
                    throw ApiError::invalid(
                        QStringLiteral("'commentId': no comment %1 in this task").arg(upTo));
            } else {
                upTo = ctx.readMarks.latestVisible(rule, task.id);
            }
            const qint64 me = req.session().person.id;
            const QJsonObject state
                = EventBatch::change(ctx.db, ctx.events, [&](EventBatch &events) {
                      ctx.readMarks.setMark(me, task.id, upTo);
                      const QJsonObject read
                          = readState(ctx, req, task.id, {{QStringLiteral("id"), task.id}});
                      events.add(EventType::TaskRead, read, EventAudience::only(me));
                      return read;
                  });
            return ApiResponse::ok(state);
        });

    router.add(Method::Patch, QStringLiteral("/api/v1/tasks/{id}"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            Task task = visibleTask(ctx, req, req.idArg(0));
            if (!req.session().isEmployee())
                throw ApiError::forbidden(QStringLiteral("only employees change tasks"));
            const visibility::TaskAudience before = ctx.tasks.audience(task);
            readTaskFields(ctx, req.json(), task, false);
            task = EventBatch::change(ctx.db, ctx.events, [&](EventBatch &events) {
                const Task updated = ctx.tasks.update(task);
                // Whoever could see the task before or can now hears of the change; who lost
                // it hears only that it changed (its client asks, and is answered 404).
                const visibility::TaskAudience audience = ctx.tasks.audience(updated);
                if (before.counterpartyId != audience.counterpartyId
                    || before.memberIds != audience.memberIds) {
                    events.add(EventType::TaskUpdated,
                        QJsonObject {{QStringLiteral("id"), updated.id}},
                        EventAudience::taskLost(before, audience));
                }
                events.add(
                    EventType::TaskUpdated, updated.toJson(), EventAudience::forTask(audience));
                return updated;
            });
            return ApiResponse::ok(readState(ctx, req, task.id, task.toJson()));
        });
}

} // namespace linecard::server
