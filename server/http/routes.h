#pragma once

namespace linecard::server {

class Router;
struct ServerContext;

// One function per resource registers its endpoints (qBittorrent's controller split).
void addAuthRoutes(Router &router, ServerContext &ctx);
void addPeopleRoutes(Router &router, ServerContext &ctx);
void addTaskRoutes(Router &router, ServerContext &ctx);
void addCommentRoutes(Router &router, ServerContext &ctx);
void addContactRoutes(Router &router, ServerContext &ctx);
void addSettingsRoutes(Router &router, ServerContext &ctx);
void addLineRoutes(Router &router, ServerContext &ctx);
void addProviderRoutes(Router &router, ServerContext &ctx);
void addCallRoutes(Router &router, ServerContext &ctx);
void addTelephonyRoutes(Router &router, ServerContext &ctx);

} // namespace linecard::server
