#include "../auth/passwordhasher.h"
#include "../servercontext.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"

#include "models/jsonread.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

static QList<qint64> readIds(const QString &text)
{
    QList<qint64> ids;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            throw ApiError::badRequest(QStringLiteral("'ids' must be positive integer ids"));
        if (!ids.contains(id))
            ids << id;
        if (ids.size() > 200) // said at once: a huge list costs nothing to refuse
            throw ApiError::badRequest(QStringLiteral("'ids' names at most 200 people"));
    }
    return ids;
}

// GET /api/v1/people?ids=1,2 (extension): the people behind ids, for showing names. An
// employee reads them whole; a contact only the names of the people on the tasks and
// comments it may see (the rule's person clause), others are left out as unknown ids are.
static QJsonObject namedPeople(ServerContext &ctx, const ApiRequest &req)
{
    const QList<qint64> asked = readIds(req.query(QStringLiteral("ids")));
    const VisibilitySql rule = ctx.rule(req.session());
    QVariantMap params = rule.params();
    QStringList placeholders;
    for (int i = 0; i < asked.size(); ++i) {
        placeholders << QStringLiteral(":id%1").arg(i);
        params.insert(QStringLiteral("id%1").arg(i), asked.at(i));
    }
    QList<qint64> allowed;
    if (!asked.isEmpty()) {
        QSqlQuery q
            = ctx.db.exec(QStringLiteral("SELECT p.id FROM people p WHERE p.id IN (%1) AND %2")
                              .arg(placeholders.join(u','), rule.person()),
                params);
        while (q.next())
            allowed << q.value(0).toLongLong();
    }
    QJsonArray items;
    for (const Person &p : ctx.people.getMany(asked)) {
        if (!allowed.contains(p.id))
            continue;
        if (req.session().isEmployee())
            items.append(p.toJson());
        else
            items.append(QJsonObject {{QStringLiteral("id"), p.id},
                {QStringLiteral("kind"), Person::kindName(p.kind)},
                {QStringLiteral("name"), p.name}});
    }
    return {{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}};
}

void addPeopleRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/people"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            if (req.hasQuery(QStringLiteral("ids")))
                return ApiResponse::ok(namedPeople(ctx, req));
            if (!req.session().isEmployee())
                throw ApiError::forbidden(QStringLiteral("contacts may only ask for 'ids'"));
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
