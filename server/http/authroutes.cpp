#include "../servercontext.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"

#include "models/jsonread.h"

namespace linecard::server {

using Method = QHttpServerRequest::Method;

void addAuthRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Post, QStringLiteral("/api/v1/auth/login"), Router::Access::Public,
        [&ctx](ApiRequest &req) {
            JsonRead body(req.json());
            const QString login = body.requiredString(QStringLiteral("login"));
            const QString password = body.requiredString(QStringLiteral("password"));
            if (!body.ok())
                throw ApiError::invalid(body.error());
            // Answered once the password's hash, on a worker thread, is done.
            auto answer = std::make_shared<DeferredResponse>();
            ctx.auth.login(login, password, req.clientAddress(),
                [answer](const AuthService::LoginOutcome &outcome) {
                    answer->finish(Router::guarded([&] {
                        const auto result = outcome();
                        return ApiResponse::ok(QJsonObject {{QStringLiteral("token"), result.token},
                            {QStringLiteral("user"), result.person.toJson()}});
                    }));
                });
            return ApiResponse::later(answer);
        });
    router.add(Method::Post, QStringLiteral("/api/v1/auth/logout"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            ctx.auth.logout(req.session().tokenHash);
            ctx.events.disconnectToken(req.session().tokenHash);
            return ApiResponse::noContent();
        });
    router.add(Method::Get, QStringLiteral("/api/v1/me"), Router::Access::User,
        [](ApiRequest &req) { return ApiResponse::ok(req.session().person.toJson()); });
    router.add(Method::Get, QStringLiteral("/healthz"), Router::Access::Public, [](ApiRequest &) {
        return ApiResponse::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
    });
}

} // namespace linecard::server
