#include "../auth/passwordhasher.h"
#include "../auth/sessionrevocation.h"
#include "../servercontext.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"

#include "models/jsonread.h"

#include <QJsonArray>

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
    const QList<qint64> allowed = ctx.people.visibleIds(asked, ctx.rule(req.session()));
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

// The fields of an employee a request sets (all of them on create, those present on
// PATCH), checked field by field: 422 naming the field, 409 for what someone else holds.
static QString readEmployee(ServerContext &ctx, const QJsonObject &json, Person &p, bool creating)
{
    JsonRead body(json);
    if (creating || body.has(QStringLiteral("name")))
        p.name = body.requiredString(QStringLiteral("name")).trimmed();
    if (creating || body.has(QStringLiteral("login")))
        p.login = body.requiredString(QStringLiteral("login")).trimmed();
    QString password;
    if (creating || body.has(QStringLiteral("password")))
        password = body.requiredString(QStringLiteral("password"));
    if (creating || body.has(QStringLiteral("extensions")))
        p.extensions = body.strings(QStringLiteral("extensions"));
    if (body.has(QStringLiteral("isAdmin")))
        p.isAdmin = body.boolean(QStringLiteral("isAdmin"));
    if (body.has(QStringLiteral("active")))
        p.active = body.boolean(QStringLiteral("active"), true);
    if (!body.ok())
        throw ApiError::invalid(body.error(), body.errorField());
    if (p.name.isEmpty() || p.name.size() > 200)
        throw ApiError::invalid(
            QStringLiteral("'name' must be 1 to 200 characters"), QStringLiteral("name"));
    if (p.login.isEmpty() || p.login.size() > 100 || p.login.contains(u' '))
        throw ApiError::invalid(
            QStringLiteral("'login' must be 1 to 100 characters without spaces"),
            QStringLiteral("login"));
    if ((creating || !password.isEmpty() || json.contains(QStringLiteral("password")))
        && password.size() < 8)
        throw ApiError::invalid(QStringLiteral("'password' must have at least 8 characters"),
            QStringLiteral("password"));
    QStringList unique;
    for (const QString &raw : std::as_const(p.extensions)) {
        const QString ext = raw.trimmed();
        if (ext.isEmpty() || ext.size() > 20)
            throw ApiError::invalid(QStringLiteral("an extension must be 1 to 20 characters"),
                QStringLiteral("extensions"));
        if (!unique.contains(ext))
            unique << ext;
    }
    p.extensions = unique;
    if (ctx.people.loginTaken(p.login, p.id))
        throw ApiError::conflict(QStringLiteral("the login '%1' is taken").arg(p.login))
            .about(QStringLiteral("login"));
    const QStringList taken = ctx.people.takenExtensions(p.extensions, p.id);
    if (!taken.isEmpty())
        throw ApiError::conflict(
            QStringLiteral("extension %1 belongs to someone else").arg(taken.join(u',')))
            .about(QStringLiteral("extensions"));
    return password;
}

static void publishPerson(ServerContext &ctx, EventType type, const Person &p)
{
    ctx.events.publish(type, p.toJson(), EventAudience::employees());
}

// PATCH /api/v1/people/{id} (admins): edit an employee, reset the password, change the role,
// deactivate or reactivate. The last active administrator stays one (409). Deactivation and
// a password reset revoke every token of the person at once and close their streams (4401).
static ApiResponse patchEmployee(ServerContext &ctx, ApiRequest &req)
{
    const auto before = ctx.people.get(req.idArg(0));
    if (!before || !before->isEmployee())
        throw ApiError::notFound(QStringLiteral("employee"));
    Person next = *before;
    const QString password = readEmployee(ctx, req.json(), next, false);
    const bool losesAdmin = before->isAdmin && before->active && (!next.isAdmin || !next.active);
    if (losesAdmin && ctx.people.activeAdminCount(before->id) == 0)
        throw ApiError::conflict(
            QStringLiteral("%1 is the last active administrator: make someone else an "
                           "administrator first")
                .arg(before->name))
            .about(next.active ? QStringLiteral("isAdmin") : QStringLiteral("active"));
    if (!next.active && before->id == req.session().person.id)
        throw ApiError::conflict(QStringLiteral("you cannot deactivate yourself"))
            .about(QStringLiteral("active"));
    const Person saved = ctx.people.updateEmployee(
        next, password.isEmpty() ? QString() : PasswordHasher::hash(password));
    // A deactivation or a new password ends every sign-in of the person at once (SPEC 8).
    if (!saved.active && before->active)
        revokeSessions(ctx.auth, ctx.events, saved.id, QStringLiteral("deactivated"));
    else if (!password.isEmpty())
        revokeSessions(ctx.auth, ctx.events, saved.id, QStringLiteral("password reset"));
    publishPerson(ctx, EventType::PersonUpdated, saved);
    return ApiResponse::ok(saved.toJson());
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
            // The deactivated are left out of pickers; administrators may list them too.
            const bool withInactive
                = req.queryBool(QStringLiteral("includeInactive")).value_or(false);
            if (withInactive && !req.session().isAdmin())
                throw ApiError::forbidden(QStringLiteral("administrators only"));
            QJsonArray items;
            for (const Person &p : ctx.people.employees(withInactive))
                items.append(p.toJson());
            return ApiResponse::ok(QJsonObject {
                {QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}});
        });
    router.add(Method::Post, QStringLiteral("/api/v1/people"), Router::Access::Admin,
        [&ctx](ApiRequest &req) {
            Person draft;
            draft.kind = Person::Kind::Employee;
            const QString password = readEmployee(ctx, req.json(), draft, true);
            const Person p = ctx.people.createEmployee(draft.name, draft.login,
                PasswordHasher::hash(password), draft.extensions, draft.isAdmin);
            publishPerson(ctx, EventType::PersonCreated, p);
            return ApiResponse::created(p.toJson());
        });
    router.add(Method::Patch, QStringLiteral("/api/v1/people/{id}"), Router::Access::Admin,
        [&ctx](ApiRequest &req) { return patchEmployee(ctx, req); });
}

} // namespace linecard::server
