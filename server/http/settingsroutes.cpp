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
            const StoredEvent event = ctx.events.publish(
                EventType::SettingsUpdated, next.toJson(), EventAudience::employees());
            // Contacts may not read the settings, but what they see follows them at once.
            ctx.events.resyncContacts(event.seq);
            return ApiResponse::ok(next.toJson());
        });
}

} // namespace linecard::server
