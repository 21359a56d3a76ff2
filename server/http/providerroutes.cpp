#include "../servercontext.h"
#include "../store/linestore.h"
#include "../store/providerstore.h"
#include "../telephony/testcall.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"
#include "validation.h"

#include "models/jsonread.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

// Tokens travel in form fields and, for Zammad, in the URL path: URL-safe characters only.
static void checkToken(const QString &token, const QString &field)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9._~-]{8,200}$"));
    if (!safe.match(token).hasMatch())
        throw ApiError::invalid(
            QStringLiteral("'%1' must be 8 to 200 letters, digits or . _ ~ - characters")
                .arg(field),
            field);
}

static QString newToken()
{
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Applies the fields present in the body; returns the new inbound token ("" = unchanged).
static QString readProvider(ServerContext &ctx, const QJsonObject &json, Provider &p, bool creating)
{
    JsonRead body(json);
    if (creating || body.has(QStringLiteral("name")))
        p.name = body.requiredString(QStringLiteral("name")).trimmed();
    if (creating || body.has(QStringLiteral("format"))) {
        const auto format = Provider::formatFromName(body.requiredString(QStringLiteral("format")));
        if (body.ok() && !format)
            body.fail(
                QStringLiteral("format"), QStringLiteral("'format' must be planfix or zammad"));
        p.format = format.value_or(p.format);
    }
    const QString token = body.string(QStringLiteral("token")).trimmed();
    if (body.has(QStringLiteral("pbxUrl")))
        p.pbxUrl = body.string(QStringLiteral("pbxUrl")).trimmed();
    if (body.has(QStringLiteral("pbxToken")))
        p.pbxToken = body.string(QStringLiteral("pbxToken")).trimmed();
    if (!body.ok())
        throw ApiError::invalid(body.error(), body.errorField());
    requireText(p.name, QStringLiteral("name"), 200);
    if (!token.isEmpty())
        checkToken(token, QStringLiteral("token"));
    if (!p.pbxUrl.isEmpty()) {
        const QUrl url(p.pbxUrl, QUrl::StrictMode);
        if (p.pbxUrl.size() > 2000 || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            throw ApiError::invalid(
                QStringLiteral("'pbxUrl' must be an http(s) URL"), QStringLiteral("pbxUrl"));
    }
    // The PBX's own key only travels form-encoded: any printable text without spaces.
    static const QRegularExpression printable(QStringLiteral("^[!-~]{1,200}$"));
    if (!p.pbxToken.isEmpty() && !printable.match(p.pbxToken).hasMatch())
        throw ApiError::invalid(
            QStringLiteral("'pbxToken' must be up to 200 printable characters without spaces"),
            QStringLiteral("pbxToken"));
    if (!token.isEmpty() && ctx.providers.tokenTaken(token, p.id))
        throw ApiError::conflict(QStringLiteral("another provider already has this token"))
            .about(QStringLiteral("token"));
    return token;
}

// Provider settings are the administrators' business: only they hear of changes.
static void publishProvider(ServerContext &ctx, EventType type, const QJsonObject &data)
{
    ctx.events.publish(type, data, EventAudience::people(ctx.people.activeAdminIds()));
}

// POST /api/v1/telephony/providers/{id}/test-call {lineId?}: a short call through the
// provider's adapter to the administrator's own extension, on the given (or first) line.
static ApiResponse testCall(ServerContext &ctx, ApiRequest &req)
{
    const auto provider = ctx.providers.get(req.idArg(0));
    if (!provider)
        throw ApiError::notFound(QStringLiteral("provider"));
    const QStringList extensions = req.session().person.extensions;
    if (extensions.isEmpty())
        throw ApiError::conflict(
            QStringLiteral("you have no extension to ring: give yourself one under People"));
    JsonRead body(req.http().body().trimmed().isEmpty() ? QJsonObject() : req.json());
    const qint64 lineId = body.id(QStringLiteral("lineId"));
    if (!body.ok())
        throw ApiError::invalid(body.error(), body.errorField());
    std::optional<Line> line;
    if (lineId) {
        line = ctx.lines.get(lineId);
        if (!line)
            throw ApiError::invalid(QStringLiteral("'lineId': no line with id %1").arg(lineId),
                QStringLiteral("lineId"));
    } else if (const QList<Line> all = ctx.lines.list(); !all.isEmpty()) {
        line = all.first();
    }
    const QString callId
        = TestCall(ctx, *provider).start(extensions.first(), line ? line->number : QString());
    return {202,
        QJsonObject {{QStringLiteral("externalId"), callId},
            {QStringLiteral("extension"), extensions.first()},
            {QStringLiteral("lineId"), line ? QJsonValue(line->id) : QJsonValue()}}};
}

void addProviderRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/telephony/providers"), Router::Access::Admin,
        [&ctx](ApiRequest &) {
            QJsonArray items;
            for (const Provider &p : ctx.providers.list())
                items.append(p.toJson());
            return ApiResponse::ok(QJsonObject {
                {QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}});
        });

    router.add(Method::Post, QStringLiteral("/api/v1/telephony/providers"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            Provider draft;
            QString token = readProvider(ctx, req.json(), draft, true);
            const bool generated = token.isEmpty();
            if (generated)
                token = newToken();
            QJsonObject json = ctx.providers.create(draft, token).toJson();
            publishProvider(ctx, EventType::ProviderCreated, json);
            // The only time a token is shown: the one the server made up.
            if (generated)
                json.insert(QStringLiteral("token"), token);
            return ApiResponse::created(json);
        });

    router.add(Method::Patch, QStringLiteral("/api/v1/telephony/providers/{id}"),
        Router::Access::Admin, [&ctx](ApiRequest &req) {
            auto p = ctx.providers.get(req.idArg(0));
            if (!p)
                throw ApiError::notFound(QStringLiteral("provider"));
            QString token = readProvider(ctx, req.json(), *p, false);
            // {"regenerateToken": true}: a new token made up by the server, shown this once.
            const bool generated
                = token.isEmpty() && req.json().value(QStringLiteral("regenerateToken")).toBool();
            if (generated)
                token = newToken();
            QJsonObject json = ctx.providers.update(*p, token).toJson();
            publishProvider(ctx, EventType::ProviderUpdated, json);
            if (generated)
                json.insert(QStringLiteral("token"), token);
            return ApiResponse::ok(json);
        });

    router.add(Method::Delete, QStringLiteral("/api/v1/telephony/providers/{id}"),
        Router::Access::Admin, [&ctx](ApiRequest &req) {
            if (!ctx.providers.get(req.idArg(0)))
                throw ApiError::notFound(QStringLiteral("provider"));
            // The log rows still waiting for their batch name the provider: in first.
            ctx.integrationLog.flush();
            ctx.providers.remove(req.idArg(0));
            publishProvider(
                ctx, EventType::ProviderDeleted, {{QStringLiteral("id"), req.idArg(0)}});
            return ApiResponse::noContent();
        });

    router.add(Method::Post, QStringLiteral("/api/v1/telephony/providers/{id}/test-call"),
        Router::Access::Admin, [&ctx](ApiRequest &req) { return testCall(ctx, req); });
}

} // namespace linecard::server
