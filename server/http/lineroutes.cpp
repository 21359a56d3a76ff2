#include "../servercontext.h"
#include "../store/linestore.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"
#include "validation.h"

#include "models/jsonread.h"
#include "models/phonenumber.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

static Line readLine(ServerContext &ctx, const ApiRequest &req, qint64 id)
{
    JsonRead body(req.json());
    Line line;
    line.id = id;
    line.number = body.requiredString(QStringLiteral("number")).trimmed();
    line.name = body.string(QStringLiteral("name")).trimmed();
    line.color = body.string(QStringLiteral("color"), QStringLiteral("#4a90d9")).trimmed();
    line.employeeIds = body.ids(QStringLiteral("employeeIds"));
    line.region = body.string(QStringLiteral("region")).trimmed();
    if (!body.ok())
        throw ApiError::invalid(body.error(), body.errorField());
    requireText(line.number, QStringLiteral("number"), 50);
    requireText(line.name, QStringLiteral("name"), 200, true);
    if (PhoneNumber::digitsOnly(line.number).isEmpty())
        throw ApiError::invalid(
            QStringLiteral("'number' must hold a phone number"), QStringLiteral("number"));
    if (!line.region.isEmpty() && !PhoneNumber::isKnownRegion(line.region))
        throw ApiError::invalid(
            QStringLiteral(
                "'region' must be a region code such as RU or GB (empty: the account's)"),
            QStringLiteral("region"));
    static const QRegularExpression color(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!color.match(line.color).hasMatch())
        throw ApiError::invalid(QStringLiteral("'color' must be #rrggbb"), QStringLiteral("color"));
    for (qint64 person : line.employeeIds) {
        const auto p = ctx.people.get(person);
        if (!p || !p->isEmployee())
            throw ApiError::invalid(
                QStringLiteral("'employeeIds': no employee with id %1").arg(person),
                QStringLiteral("employeeIds"));
    }
    if (ctx.lines.numberTaken(line.number, id))
        throw ApiError::conflict(
            QStringLiteral("another line already has the number %1").arg(line.number))
            .about(QStringLiteral("number"));
    return line;
}

static void publishLine(ServerContext &ctx, const Line &line)
{
    ctx.events.publish(EventType::LineUpdated, line.toJson(), EventAudience::employees());
}

void addLineRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/lines"), Router::Access::Employee,
        [&ctx](ApiRequest &) {
            QJsonArray items;
            for (const Line &line : ctx.lines.list())
                items.append(line.toJson());
            return ApiResponse::ok(QJsonObject {
                {QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}});
        });

    router.add(Method::Post, QStringLiteral("/api/v1/lines"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            const Line line = ctx.lines.create(readLine(ctx, req, 0));
            publishLine(ctx, line);
            return ApiResponse::created(line.toJson());
        });

    router.add(Method::Put, QStringLiteral("/api/v1/lines/{id}"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            if (!ctx.lines.get(req.idArg(0)))
                throw ApiError::notFound(QStringLiteral("line"));
            const Line line = ctx.lines.update(readLine(ctx, req, req.idArg(0)));
            publishLine(ctx, line);
            return ApiResponse::ok(line.toJson());
        });

    router.add(Method::Delete, QStringLiteral("/api/v1/lines/{id}"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            if (!ctx.lines.get(req.idArg(0)))
                throw ApiError::notFound(QStringLiteral("line"));
            const QString name = ctx.lines.remove(req.idArg(0));
            // The name lets open clients show the line's calls as "Sales (deleted)" at once.
            ctx.events.publish(EventType::LineDeleted,
                {{QStringLiteral("id"), req.idArg(0)}, {QStringLiteral("name"), name}},
                EventAudience::employees());
            return ApiResponse::noContent();
        });
}

} // namespace linecard::server
