#include "../servercontext.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"

namespace linecard::server {

using Method = QHttpServerRequest::Method;

void addSettingsRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/settings"), Router::Access::Employee,
        [&ctx](ApiRequest &) { return ApiResponse::ok(ctx.settings.get().toJson()); });
    router.add(Method::Patch, QStringLiteral("/api/v1/settings"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            AccountSettings next = ctx.settings.get();
            QString error;
            if (!next.applyPatch(req.json(), &error))
                throw ApiError::invalid(error);
            ctx.settings.save(next);
            // Delivering it resyncs the contacts' streams (EventHub::deliverHere).
            ctx.events.publish(
                EventType::SettingsUpdated, next.toJson(), EventAudience::employees());
            return ApiResponse::ok(next.toJson());
        });
}

} // namespace linecard::server
