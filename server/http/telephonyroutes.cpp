#include "../logging.h"
#include "../servercontext.h"
#include "../store/integrationlogstore.h"
#include "../store/providerstore.h"
#include "../telephony/callservice.h"
#include "../telephony/formbody.h"
#include "../telephony/integrationrecorder.h"
#include "../telephony/planfixadapter.h"
#include "../telephony/zammadadapter.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"

#include <QJsonArray>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

// The PBX side checks its own token: the provider's, never a user's.
static Provider providerFor(ServerContext &ctx, const QString &token, Provider::Format format)
{
    if (token.isEmpty())
        throw ApiError::unauthorized(QStringLiteral("the provider token is required"));
    const auto provider = ctx.providers.byToken(token);
    if (!provider)
        throw ApiError::unauthorized(QStringLiteral("unknown provider token"));
    if (provider->format != format)
        throw ApiError::forbidden(QStringLiteral("this token belongs to a %1 provider")
                                      .arg(Provider::formatName(provider->format)));
    return *provider;
}

static ApiResponse planFix(ServerContext &ctx, ApiRequest &req)
{
    // PlanFix posts a form; a PHP script may send it as multipart, and a PBX that puts the
    // fields in the URL is understood too.
    const QByteArray body = req.http().body();
    const FormBody form = body.trimmed().isEmpty()
        ? FormBody::parseForm(req.http().url().query(QUrl::FullyEncoded).toUtf8())
        : FormBody::parse(body, req.header("content-type"), false);
    const Provider provider
        = providerFor(ctx, PlanFixAdapter::token(form), Provider::Format::PlanFix);
    const PlanFixAdapter::Request r = PlanFixAdapter::parse(form);
    CallService calls(ctx);
    switch (r.command) {
    case PlanFixAdapter::Command::Event:
    case PlanFixAdapter::Command::Record: {
        const qint64 id = calls.handle(provider, r.event,
            form.toJson({QStringLiteral("planfix_token"), QStringLiteral("token")}));
        return ApiResponse::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("callId"), id ? QJsonValue(id) : QJsonValue()}});
    }
    case PlanFixAdapter::Command::Contact: {
        const CallService::Caller caller = calls.lookupCaller(r.phone);
        return ApiResponse::ok(QJsonObject {{QStringLiteral("contact_name"), caller.name},
            {QStringLiteral("responsible"), caller.responsibleExtension}});
    }
    case PlanFixAdapter::Command::Ping:
        break;
    }
    return ApiResponse::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
}

static ApiResponse zammad(ServerContext &ctx, ApiRequest &req)
{
    const Provider provider = providerFor(ctx, req.arg(0), Provider::Format::Zammad);
    const FormBody form = FormBody::parse(req.http().body(), req.header("content-type"));
    const CallEvent event = ZammadAdapter::parse(form);
    CallService(ctx).handle(provider, event, form.toJson());
    // Zammad answers an empty object when it has no routing instruction for the PBX.
    return ApiResponse::ok(QJsonObject {});
}

// The administrators' integration log: newest first, by call id or by any digits of a number.
static ApiResponse integrationLog(ServerContext &ctx, ApiRequest &req)
{
    const QString callId = req.query(QStringLiteral("callId")).trimmed();
    QString digits;
    for (const QChar c : req.query(QStringLiteral("number")))
        if (c.isDigit())
            digits += c;
    if (req.hasQuery(QStringLiteral("number")) && digits.isEmpty())
        throw ApiError::badRequest(QStringLiteral("number needs digits"));
    qint64 before = 0;
    if (req.hasQuery(QStringLiteral("cursor"))) {
        bool ok = false;
        before = req.query(QStringLiteral("cursor")).toLongLong(&ok);
        if (!ok || before <= 0)
            throw ApiError::badRequest(QStringLiteral("cursor is not valid"));
    }
    const int limit = req.limit(50);
    ctx.integrationLog.flush(); // what is still waiting for its batch belongs in the answer
    const QList<IntegrationLogEntry> rows
        = ctx.integrationLogs.list(callId, digits, limit + 1, before);
    QJsonArray items;
    for (int i = 0; i < rows.size() && i < limit; ++i)
        items.append(rows.at(i).toJson());
    const QJsonValue next
        = rows.size() > limit ? QJsonValue(QString::number(rows.at(limit - 1).id)) : QJsonValue();
    QJsonArray samples;
    for (const IntegrationLogEntry &e : ctx.integrationLog.rejectedSamples())
        samples.prepend(e.toJson());
    return ApiResponse::ok(
        QJsonObject {{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next},
            {QStringLiteral("rejected"),
                QJsonObject {{QStringLiteral("count"), ctx.integrationLog.rejectedCount()},
                    {QStringLiteral("samples"), samples}}}});
}

void addTelephonyRoutes(Router &router, ServerContext &ctx)
{
    router.add(
        Method::Post, QStringLiteral("/tel/api"), Router::Access::Public, [&ctx](ApiRequest &req) {
            return IntegrationRecorder(ctx, req).run([&] { return planFix(ctx, req); });
        });
    router.add(Method::Post, QStringLiteral("/api/v1/cti/{str}"), Router::Access::Public,
        [&ctx](ApiRequest &req) {
            return IntegrationRecorder(ctx, req).run([&] { return zammad(ctx, req); });
        });
    router.add(Method::Get, QStringLiteral("/api/v1/telephony/log"), Router::Access::Admin,
        [&ctx](ApiRequest &req) { return integrationLog(ctx, req); });
}

} // namespace linecard::server
