#include "../servercontext.h"
#include "../store/callstore.h"
#include "../store/linestore.h"
#include "../store/providerstore.h"
#include "../telephony/callpayload.h"
#include "../telephony/callservice.h"
#include "../telephony/clicktocall.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"
#include "validation.h"

#include "models/jsonread.h"
#include "models/phonenumber.h"

#include <QJsonArray>

#include <memory>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

static ApiResponse listCalls(ServerContext &ctx, const ApiRequest &req)
{
    const QString state = req.query(QStringLiteral("state"));
    CallStore::Filter filter = CallStore::Filter::All;
    if (state == QLatin1String("active"))
        filter = CallStore::Filter::Active;
    else if (state == QLatin1String("missed"))
        filter = CallStore::Filter::Missed;
    else if (!state.isEmpty() && state != QLatin1String("all"))
        throw ApiError::badRequest(QStringLiteral("'state' must be active, missed or all"));
    const int limit = req.limit();
    const QList<CallRow> rows
        = ctx.calls.list(filter, readIdCursor(req.query(QStringLiteral("cursor"))), limit);
    CallPayload payload(ctx);
    QJsonArray items;
    for (const CallRow &row : rows)
        items.append(payload.call(row));
    return ApiResponse::ok(QJsonObject {{QStringLiteral("items"), items},
        {QStringLiteral("nextCursor"),
            rows.size() == limit ? QJsonValue(pageCursor(rows.last().call.id)) : QJsonValue()}});
}

static CallRow existingCall(ServerContext &ctx, qint64 id)
{
    const auto row = ctx.calls.get(id);
    if (!row)
        throw ApiError::notFound(QStringLiteral("call"));
    return *row;
}

static bool commentVisible(ServerContext &ctx, const ApiRequest &req, qint64 commentId)
{
    return ctx.comments.isVisible(commentId, ctx.rule(req.session()));
}

static ApiResponse attach(ServerContext &ctx, ApiRequest &req)
{
    existingCall(ctx, req.idArg(0));
    JsonRead body(req.json());
    const qint64 taskId = body.id(QStringLiteral("taskId"));
    const qint64 commentId = body.id(QStringLiteral("commentId"));
    const qint64 contactId = body.id(QStringLiteral("contactId"));
    if (!body.ok())
        throw ApiError::invalid(body.error());
    if ((taskId ? 1 : 0) + (commentId ? 1 : 0) + (contactId ? 1 : 0) != 1)
        throw ApiError::invalid(QStringLiteral("give one of 'taskId', 'commentId', 'contactId'"));
    CallService calls(ctx);
    CallRow row;
    if (taskId) {
        if (!ctx.tasks.getVisible(taskId, ctx.rule(req.session())))
            throw ApiError::invalid(QStringLiteral("'taskId': no task with id %1").arg(taskId));
        row = calls.attachToTask(req.idArg(0), taskId);
    } else if (commentId) {
        if (!commentVisible(ctx, req, commentId))
            throw ApiError::invalid(
                QStringLiteral("'commentId': no comment with id %1").arg(commentId));
        row = calls.attachToComment(req.idArg(0), commentId);
    } else {
        // The operator picks one of several contacts sharing the number.
        requireLiveContact(ctx, contactId, QStringLiteral("contactId"));
        row = calls.chooseContact(req.idArg(0), contactId);
    }
    return ApiResponse::ok(CallPayload(ctx).call(row));
}

static ApiResponse dial(ServerContext &ctx, ClickToCall &dialer, ApiRequest &req)
{
    JsonRead body(req.json());
    const QString phone = body.requiredString(QStringLiteral("phone")).trimmed();
    const qint64 lineId = body.id(QStringLiteral("lineId"));
    const qint64 providerId = body.id(QStringLiteral("providerId"));
    if (!body.ok())
        throw ApiError::invalid(body.error());
    requireText(phone, QStringLiteral("phone"), 100);
    const PhoneNumber number = PhoneNumber::parse(phone);
    const QString to = number.isValid() ? number.e164().mid(1) : PhoneNumber::digitsOnly(phone);
    if (to.size() < 2 || number.isWithheld())
        throw ApiError::invalid(QStringLiteral("'phone' is not a number to dial"));
    const QStringList extensions = req.session().person.extensions;
    if (extensions.isEmpty())
        throw ApiError::invalid(QStringLiteral("you have no extension to call from"));
    std::optional<Line> line;
    if (lineId && !(line = ctx.lines.get(lineId)))
        throw ApiError::invalid(QStringLiteral("'lineId': no line with id %1").arg(lineId));
    std::optional<Provider> provider;
    for (const Provider &p : ctx.providers.list())
        if ((providerId ? p.id == providerId : !p.pbxUrl.isEmpty()) && !provider)
            provider = p;
    if (providerId && !provider)
        throw ApiError::invalid(
            QStringLiteral("'providerId': no provider with id %1").arg(providerId));
    if (!provider || provider->pbxUrl.isEmpty() || provider->format != Provider::Format::PlanFix)
        throw ApiError::invalid(QStringLiteral("no provider is set up for click-to-call"));
    const bool started = dialer.dial({QUrl(provider->pbxUrl), provider->pbxToken,
        extensions.first(), to, line ? line->number : QString(), req.session().person.id});
    return {202,
        QJsonObject {{QStringLiteral("status"), QStringLiteral("dialling")},
            {QStringLiteral("phone"), to}, {QStringLiteral("extension"), extensions.first()},
            {QStringLiteral("providerId"), provider->id},
            {QStringLiteral("lineId"), line ? QJsonValue(line->id) : QJsonValue()},
            {QStringLiteral("duplicate"), !started}}};
}

void addCallRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/calls"), Router::Access::Employee,
        [&ctx](ApiRequest &req) { return listCalls(ctx, req); });

    router.add(Method::Get, QStringLiteral("/api/v1/calls/{id}"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            return ApiResponse::ok(CallPayload(ctx).call(existingCall(ctx, req.idArg(0))));
        });

    // The card a ringing event carries, for a client that learnt of the call from a list (it
    // started before the client's event stream was up).
    router.add(Method::Get, QStringLiteral("/api/v1/calls/{id}/card"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            return ApiResponse::ok(CallPayload(ctx).card(existingCall(ctx, req.idArg(0))));
        });

    router.add(Method::Post, QStringLiteral("/api/v1/calls/{id}/attach"), Router::Access::Employee,
        [&ctx](ApiRequest &req) { return attach(ctx, req); });

    // The answer carries the whole card, so that the window opens at once.
    router.add(Method::Post, QStringLiteral("/api/v1/calls/{id}/take"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            existingCall(ctx, req.idArg(0));
            const CallRow row = CallService(ctx).take(req.idArg(0), req.session().person.id);
            return ApiResponse::ok(CallPayload(ctx).card(row));
        });

    router.add(Method::Post, QStringLiteral("/api/v1/calls/{id}/handled"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            existingCall(ctx, req.idArg(0));
            bool handled = true;
            if (!req.http().body().trimmed().isEmpty()) {
                JsonRead body(req.json());
                handled = body.boolean(QStringLiteral("handled"), true);
                if (!body.ok())
                    throw ApiError::invalid(body.error());
            }
            return ApiResponse::ok(
                CallPayload(ctx).call(CallService(ctx).markHandled(req.idArg(0), handled)));
        });

    // A call whose hang-up never came (a PBX restart, a lost request): an operator ends it.
    router.add(Method::Post, QStringLiteral("/api/v1/calls/{id}/end"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            existingCall(ctx, req.idArg(0));
            return ApiResponse::ok(CallPayload(ctx).call(
                CallService(ctx).endByHand(req.idArg(0), req.session().person.id)));
        });

    auto dialer = std::make_shared<ClickToCall>(ctx.events);
    router.add(Method::Post, QStringLiteral("/api/v1/calls/dial"), Router::Access::Employee,
        [&ctx, dialer](ApiRequest &req) { return dial(ctx, *dialer, req); });
}

} // namespace linecard::server
