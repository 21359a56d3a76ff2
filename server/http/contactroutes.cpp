#include "../auth/passwordhasher.h"
#include "../auth/sessionrevocation.h"
#include "../events/commentjson.h"
#include "../logging.h"
#include "../servercontext.h"
#include "../store/contactmerger.h"
#include "apierror.h"
#include "router.h"
#include "routes.h"
#include "validation.h"

#include "models/jsonread.h"
#include "models/phonenumber.h"

#include <QJsonArray>

namespace linecard::server {

using Method = QHttpServerRequest::Method;

QJsonObject taskPage(
    ServerContext &ctx, const ApiRequest &req, TaskFilter filter); // taskroutes.cpp

// Applies the fields present in json to a contact (create and patch share it).
static void readContactFields(ServerContext &ctx, const QJsonObject &json, Person &p, bool creating)
{
    JsonRead body(json);
    if (creating || body.has(QStringLiteral("name")))
        p.name = body.requiredString(QStringLiteral("name")).trimmed();
    if (body.has(QStringLiteral("isCompany")))
        p.isCompany = body.boolean(QStringLiteral("isCompany"));
    if (body.has(QStringLiteral("companyId")))
        p.companyId = body.id(QStringLiteral("companyId"));
    if (body.has(QStringLiteral("responsibleId")))
        p.responsibleId = body.id(QStringLiteral("responsibleId"));
    if (body.has(QStringLiteral("emails")))
        p.emails = body.strings(QStringLiteral("emails"));
    if (body.has(QStringLiteral("fields")))
        p.fields = body.object(QStringLiteral("fields"));
    if (body.has(QStringLiteral("phones"))) {
        p.phones.clear();
        for (const QJsonValue &v : body.array(QStringLiteral("phones"))) {
            if (v.isString()) {
                p.phones.append({v.toString(), QString()});
                continue;
            }
            JsonRead phone(v.toObject());
            const QString number
                = v.isObject() ? phone.requiredString(QStringLiteral("number")) : QString();
            const QString type = phone.string(QStringLiteral("type"));
            if (!v.isObject() || !phone.ok()) {
                body.fail(QStringLiteral("phones"),
                    QStringLiteral("'phones' holds {number, type} objects or strings"));
                break;
            }
            p.phones.append({number, type});
        }
    }
    if (!body.ok())
        throw ApiError::invalid(body.error());
    requireText(p.name, QStringLiteral("name"), 300);
    for (const PhoneEntry &phone : p.phones) {
        requireText(phone.number, QStringLiteral("phones"), 100);
        requireText(phone.type, QStringLiteral("phones"), 50, true);
    }
    // Numbers sent now must be numbers (stored as E.164); ones stored before, as written,
    // are left alone until the contact's phones are edited.
    if (body.has(QStringLiteral("phones")))
        for (const PhoneEntry &phone : p.phones) {
            const PhoneNumber number = PhoneNumber::parse(phone.number);
            if (!number.isValid())
                throw ApiError::invalid(QStringLiteral("'phones': '%1': %2")
                                            .arg(phone.number.trimmed(), number.problemText()));
        }
    for (const QString &email : p.emails) {
        requireText(email, QStringLiteral("emails"), 320);
        if (!email.contains(u'@'))
            throw ApiError::invalid(QStringLiteral("'emails': '%1' is not an address").arg(email));
    }
    if (p.isCompany)
        p.companyId = 0; // companies do not belong to companies
    if (p.companyId) {
        const auto company = ctx.people.get(p.companyId);
        if (!company || !company->isContact() || !company->isCompany || company->mergedInto
            || company->id == p.id)
            throw ApiError::invalid(
                QStringLiteral("'companyId': no company with id %1").arg(p.companyId));
    }
    if (p.responsibleId) {
        const auto employee = ctx.people.get(p.responsibleId);
        if (!employee || !employee->isEmployee())
            throw ApiError::invalid(
                QStringLiteral("'responsibleId': no employee with id %1").arg(p.responsibleId));
    }
}

// A contact the viewer may open: employees any, a contact only itself (404 otherwise).
static Person visibleContact(ServerContext &ctx, const ApiRequest &req, qint64 id)
{
    const auto contact = ctx.people.get(id);
    if (!contact || !contact->isContact())
        throw ApiError::notFound(QStringLiteral("contact"));
    if (!visibility::canSeeCard(
            req.session().viewer(), contact->mergedInto ? contact->mergedInto : id))
        throw ApiError::notFound(QStringLiteral("contact"));
    return *contact;
}

static QJsonObject contactJson(ServerContext &ctx, const Person &contact)
{
    if (!contact.mergedInto)
        return contact.toJson();
    // A merged id answers with the survivor, marked so the client can follow.
    QJsonObject survivor = ctx.people.get(contact.mergedInto)->toJson();
    survivor.insert(QStringLiteral("mergedInto"), contact.mergedInto);
    return survivor;
}

static void publishContact(ServerContext &ctx, const Person &p)
{
    ctx.events.updatePerson(p);
    ctx.events.publish(EventType::ContactUpdated, p.toJson(), EventAudience::employeesAnd(p.id));
}

void addContactRoutes(Router &router, ServerContext &ctx)
{
    router.add(Method::Get, QStringLiteral("/api/v1/contacts"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            const QString q = req.query(QStringLiteral("q"));
            if (q.size() > 200)
                throw ApiError::badRequest(QStringLiteral("'q' is longer than 200 characters"));
            std::optional<std::pair<QString, qint64>> after;
            if (req.hasQuery(QStringLiteral("cursor"))) {
                const QString decoded = QString::fromUtf8(QByteArray::fromBase64(
                    req.query(QStringLiteral("cursor")).toLatin1(), QByteArray::Base64UrlEncoding));
                const int bar = decoded.lastIndexOf(u'|');
                bool ok = false;
                const qint64 id = decoded.mid(bar + 1).toLongLong(&ok);
                if (bar < 0 || !ok || id <= 0)
                    throw ApiError::badRequest(
                        QStringLiteral("'cursor' is not a cursor this server gave"));
                after = std::make_pair(decoded.left(bar), id);
            }
            const int limit = req.limit();
            const QList<Person> found
                = ctx.people.search(PeopleStore::searchTerms(q), after, limit);
            QJsonArray items;
            for (const Person &p : found)
                items.append(p.toJson());
            QJsonValue next;
            if (found.size() == limit)
                next = QString::fromLatin1(
                    (found.last().name + u'|' + QString::number(found.last().id))
                        .toUtf8()
                        .toBase64(QByteArray::Base64UrlEncoding));
            return ApiResponse::ok(QJsonObject {
                {QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), next}});
        });

    router.add(Method::Get, QStringLiteral("/api/v1/contacts/lookup"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            const QString phone = req.query(QStringLiteral("phone"));
            if (phone.trimmed().isEmpty() || phone.size() > 100)
                throw ApiError::badRequest(QStringLiteral("'phone' is required"));
            QJsonArray items;
            for (const Person &p : ctx.people.lookupPhone(phone))
                items.append(p.toJson());
            return ApiResponse::ok(QJsonObject {
                {QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}});
        });

    router.add(Method::Post, QStringLiteral("/api/v1/contacts"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            Person draft;
            readContactFields(ctx, req.json(), draft, true);
            const Person p = ctx.people.createContact(draft);
            publishContact(ctx, p);
            return ApiResponse::created(p.toJson());
        });

    router.add(Method::Get, QStringLiteral("/api/v1/contacts/{id}"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            return ApiResponse::ok(contactJson(ctx, visibleContact(ctx, req, req.idArg(0))));
        });

    router.add(Method::Patch, QStringLiteral("/api/v1/contacts/{id}"), Router::Access::Employee,
        [&ctx](ApiRequest &req) {
            Person p = visibleContact(ctx, req, req.idArg(0));
            if (p.mergedInto)
                throw ApiError::conflict(
                    QStringLiteral("this contact was merged into %1").arg(p.mergedInto));
            const bool wasCompany = p.isCompany;
            readContactFields(ctx, req.json(), p, false);
            if (wasCompany && !p.isCompany && ctx.people.hasMembers(p.id))
                throw ApiError::conflict(QStringLiteral("the company still has contacts"));
            p = ctx.people.updateContact(p);
            publishContact(ctx, p);
            return ApiResponse::ok(p.toJson());
        });

    router.add(Method::Get, QStringLiteral("/api/v1/contacts/{id}/tasks"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const Person p = visibleContact(ctx, req, req.idArg(0));
            TaskFilter filter;
            filter.contactId = p.mergedInto ? p.mergedInto : p.id;
            filter.activeOnly = req.queryBool(QStringLiteral("active")).value_or(false);
            return ApiResponse::ok(taskPage(ctx, req, filter));
        });

    router.add(Method::Get, QStringLiteral("/api/v1/contacts/{id}/activity"), Router::Access::User,
        [&ctx](ApiRequest &req) {
            const Person p = visibleContact(ctx, req, req.idArg(0));
            const int limit = req.limit();
            const QList<TaggedComment> feed
                = ctx.comments.activity(p.mergedInto ? p.mergedInto : p.id, ctx.rule(req.session()),
                    readIdCursor(req.query(QStringLiteral("cursor"))), limit);
            QJsonArray items;
            for (const TaggedComment &t : feed) {
                QJsonObject item = commentJson(t.comment, req.session().viewer());
                if (t.comment.taskId)
                    item.insert(QStringLiteral("task"),
                        QJsonObject {{QStringLiteral("id"), t.comment.taskId},
                            {QStringLiteral("title"), t.taskTitle}});
                items.append(item);
            }
            return ApiResponse::ok(QJsonObject {{QStringLiteral("items"), items},
                {QStringLiteral("nextCursor"),
                    feed.size() == limit ? QJsonValue(pageCursor(feed.last().comment.id))
                                         : QJsonValue()}});
        });

    router.add(Method::Post, QStringLiteral("/api/v1/contacts/{id}/merge"),
        Router::Access::Employee, [&ctx](ApiRequest &req) {
            const Person survivor = visibleContact(ctx, req, req.idArg(0));
            if (survivor.mergedInto)
                throw ApiError::conflict(
                    QStringLiteral("this contact was merged into %1").arg(survivor.mergedInto));
            JsonRead body(req.json());
            const QList<qint64> mergeIds = body.ids(QStringLiteral("mergeIds"));
            if (!body.ok())
                throw ApiError::invalid(body.error());
            if (mergeIds.isEmpty())
                throw ApiError::invalid(
                    QStringLiteral("'mergeIds' must name at least one contact"));
            for (qint64 id : mergeIds) {
                const auto other = ctx.people.get(id);
                if (!other || !other->isContact())
                    throw ApiError::invalid(
                        QStringLiteral("'mergeIds': no contact with id %1").arg(id));
                if (id == survivor.id)
                    throw ApiError::invalid(
                        QStringLiteral("'mergeIds': a contact cannot be merged into itself"));
                if (other->mergedInto && other->mergedInto != survivor.id)
                    throw ApiError::conflict(QStringLiteral("contact %1 was already merged into %2")
                                                 .arg(id)
                                                 .arg(other->mergedInto));
            }
            const QList<qint64> merged = ctx.contactMerger.merge(survivor.id, mergeIds);
            const Person result = *ctx.people.get(survivor.id);
            for (qint64 id : merged)
                ctx.events.disconnectPerson(id);
            if (!merged.isEmpty())
                ctx.events.publish(EventType::ContactMerged,
                    QJsonObject {{QStringLiteral("survivorId"), survivor.id},
                        {QStringLiteral("mergedIds"), idsToJson(merged)},
                        {QStringLiteral("contact"), result.toJson()}},
                    EventAudience::employees());
            return ApiResponse::ok(result.toJson());
        });

    router.add(Method::Put, QStringLiteral("/api/v1/contacts/{id}/access"),
        Router::Access::Employee, [&ctx](ApiRequest &req) {
            const Person p = visibleContact(ctx, req, req.idArg(0));
            if (p.mergedInto)
                throw ApiError::conflict(
                    QStringLiteral("this contact was merged into %1").arg(p.mergedInto));
            JsonRead body(req.json());
            if (!body.has(QStringLiteral("enabled")))
                body.fail(QStringLiteral("enabled"), QStringLiteral("'enabled' is required"));
            const bool enabled = body.boolean(QStringLiteral("enabled"));
            const QString login = body.string(QStringLiteral("login"), p.login).trimmed();
            const QString password = body.string(QStringLiteral("password"));
            if (!body.ok())
                throw ApiError::invalid(body.error());
            if (enabled) {
                if (login.isEmpty() || login.size() > 100 || login.contains(u' '))
                    throw ApiError::invalid(
                        QStringLiteral("'login' must be 1 to 100 characters without spaces"));
                if (!password.isEmpty() && password.size() < 8)
                    throw ApiError::invalid(
                        QStringLiteral("'password' must have at least 8 characters"));
                if (password.isEmpty() && !p.hasAccess)
                    throw ApiError::invalid(
                        QStringLiteral("'password' is required to give access"));
                if (ctx.people.loginTaken(login, p.id))
                    throw ApiError::conflict(QStringLiteral("the login '%1' is taken").arg(login));
            }
            // Whoever sets a contact's password can sign in as that contact: administrators
            // and the employee responsible for the contact, no other operator.
            const bool setsPassword = enabled && !password.isEmpty();
            const Session &by = req.session();
            if (setsPassword && !by.isAdmin() && p.responsibleId != by.person.id)
                throw ApiError::forbidden(QStringLiteral(
                    "only administrators and the contact's responsible employee set its password"));
            ctx.people.setAccess(p.id, enabled, login,
                password.isEmpty() ? QString() : PasswordHasher::hash(password));
            if (setsPassword)
                qCInfo(lcAuth) << "password of contact" << p.id << "set by" << by.person.id
                               << (by.isAdmin() ? "(administrator)" : "(responsible employee)");
            if (!enabled)
                revokeSessions(ctx.auth, ctx.events, p.id, QStringLiteral("access removed"));
            else if (setsPassword && p.hasAccess)
                revokeSessions(ctx.auth, ctx.events, p.id, QStringLiteral("password changed"));
            const Person updated = *ctx.people.get(p.id);
            publishContact(ctx, updated);
            return ApiResponse::ok(updated.toJson());
        });
}

} // namespace linecard::server
