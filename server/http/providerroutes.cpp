#include "../servercontext.h"
#include "../store/providerstore.h"
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
                .arg(field));
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
        throw ApiError::invalid(body.error());
    requireText(p.name, QStringLiteral("name"), 200);
    if (!token.isEmpty())
        checkToken(token, QStringLiteral("token"));
    if (!p.pbxUrl.isEmpty()) {
        const QUrl url(p.pbxUrl, QUrl::StrictMode);
        if (p.pbxUrl.size() > 2000 || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            throw ApiError::invalid(QStringLiteral("'pbxUrl' must be an http(s) URL"));
    }
    // The PBX's own key only travels form-encoded: any printable text without spaces.
    static const QRegularExpression printable(QStringLiteral("^[!-~]{1,200}$"));
    if (!p.pbxToken.isEmpty() && !printable.match(p.pbxToken).hasMatch())
        throw ApiError::invalid(
            QStringLiteral("'pbxToken' must be up to 200 printable characters without spaces"));
    if (!token.isEmpty() && ProviderStore(ctx.db).tokenTaken(token, p.id))
        throw ApiError::conflict(QStringLiteral("another provider already has this token"));
    return token;
}

void addProviderRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/telephony/providers"), Router::Access::Admin,
        [&ctx](ApiRequest &) {
            QJsonArray items;
            for (const Provider &p : ProviderStore(ctx.db).list())
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
            QJsonObject json = ProviderStore(ctx.db).create(draft, token).toJson();
            // The only time a token is shown: the one the server made up.
            if (generated)
                json.insert(QStringLiteral("token"), token);
            return ApiResponse::created(json);
        });

    router.add(Method::Patch, QStringLiteral("/api/v1/telephony/providers/{id}"),
        Router::Access::Admin, [&ctx](ApiRequest &req) {
            ProviderStore providers(ctx.db);
            auto p = providers.get(req.idArg(0));
            if (!p)
                throw ApiError::notFound(QStringLiteral("provider"));
            const QString token = readProvider(ctx, req.json(), *p, false);
            return ApiResponse::ok(providers.update(*p, token).toJson());
        });

    router.add(Method::Delete, QStringLiteral("/api/v1/telephony/providers/{id}"),
        Router::Access::Admin, [&ctx](ApiRequest &req) {
            ProviderStore providers(ctx.db);
            if (!providers.get(req.idArg(0)))
                throw ApiError::notFound(QStringLiteral("provider"));
            providers.remove(req.idArg(0));
            return ApiResponse::noContent();
        });
}

} // namespace linecard::server
