#include "../auth/passwordhasher.h"
#include "../servercontext.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"

#include "models/jsonread.h"

#include <QJsonArray>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

void addPeopleRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/people"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            const QString kind = req.query(QStringLiteral("kind"));
            if (!kind.isEmpty() && kind != QLatin1String("employee"))
                throw ApiError::badRequest(
                    QStringLiteral("'kind' must be employee (contacts: /api/v1/contacts)"));
            QJsonArray items;
            for (const Person &p : ctx.people.employees())
                items.append(p.toJson());
            return ApiResponse::ok(QJsonObject {
                {QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}});
        });
    router.add(Method::Post, QStringLiteral("/api/v1/people"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            JsonRead body(req.json());
            const QString name = body.requiredString(QStringLiteral("name")).trimmed();
            const QString login = body.requiredString(QStringLiteral("login")).trimmed();
            const QString password = body.requiredString(QStringLiteral("password"));
            const QStringList extensions = body.strings(QStringLiteral("extensions"));
            const bool isAdmin = body.boolean(QStringLiteral("isAdmin"));
            if (!body.ok())
                throw ApiError::invalid(body.error());
            if (name.isEmpty() || name.size() > 200)
                throw ApiError::invalid(QStringLiteral("'name' must be 1 to 200 characters"));
            if (login.isEmpty() || login.size() > 100 || login.contains(u' '))
                throw ApiError::invalid(
                    QStringLiteral("'login' must be 1 to 100 characters without spaces"));
            if (password.size() < 8)
                throw ApiError::invalid(
                    QStringLiteral("'password' must have at least 8 characters"));
            for (const QString &ext : extensions)
                if (ext.isEmpty() || ext.size() > 20)
                    throw ApiError::invalid(
                        QStringLiteral("an extension must be 1 to 20 characters"));
            if (ctx.people.loginTaken(login))
                throw ApiError::conflict(QStringLiteral("the login '%1' is taken").arg(login));
            const QStringList taken = ctx.people.takenExtensions(extensions);
            if (!taken.isEmpty())
                throw ApiError::conflict(
                    QStringLiteral("extension %1 belongs to someone else").arg(taken.join(u',')));
            const Person p = ctx.people.createEmployee(
                name, login, PasswordHasher::hash(password), extensions, isAdmin);
            return ApiResponse::created(p.toJson());
        });
}

} // namespace linecard::server
