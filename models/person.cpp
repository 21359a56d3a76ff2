#include "person.h"

#include "jsonread.h"

namespace linecard {

QString Person::kindName(Kind kind)
{
    return kind == Kind::Employee ? QStringLiteral("employee") : QStringLiteral("contact");
}

std::optional<Person::Kind> Person::kindFromName(const QString &name)
{
    if (name == QLatin1String("employee"))
        return Kind::Employee;
    if (name == QLatin1String("contact"))
        return Kind::Contact;
    return std::nullopt;
}

QJsonObject Person::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("kind"), kindName(kind)},
        {QStringLiteral("name"), name}};
    if (isEmployee()) {
        o.insert(QStringLiteral("login"), login);
        o.insert(QStringLiteral("extensions"), QJsonArray::fromStringList(extensions));
        o.insert(QStringLiteral("isAdmin"), isAdmin);
        o.insert(QStringLiteral("active"), active);
        return o;
    }
    o.insert(QStringLiteral("isCompany"), isCompany);
    o.insert(QStringLiteral("companyId"), companyId ? QJsonValue(companyId) : QJsonValue());
    QJsonArray phoneArray;
    for (const PhoneEntry &p : phones)
        phoneArray.append(
            QJsonObject {{QStringLiteral("number"), p.number}, {QStringLiteral("type"), p.type}});
    o.insert(QStringLiteral("phones"), phoneArray);
    o.insert(QStringLiteral("emails"), QJsonArray::fromStringList(emails));
    o.insert(QStringLiteral("fields"), fields);
    o.insert(
        QStringLiteral("responsibleId"), responsibleId ? QJsonValue(responsibleId) : QJsonValue());
    o.insert(QStringLiteral("hasAccess"), hasAccess);
    if (hasAccess && !login.isEmpty())
        o.insert(QStringLiteral("login"), login);
    o.insert(QStringLiteral("mergedInto"), mergedInto ? QJsonValue(mergedInto) : QJsonValue());
    return o;
}

std::optional<Person> Person::fromJson(const QJsonObject &json, QString *error)
{
    JsonRead r(json);
    Person p;
    p.id = r.requiredId(QStringLiteral("id"));
    const auto kind = kindFromName(r.requiredString(QStringLiteral("kind")));
    if (r.ok() && !kind)
        r.fail(QStringLiteral("kind"), QStringLiteral("'kind' must be employee or contact"));
    p.kind = kind.value_or(Kind::Contact);
    p.name = r.requiredString(QStringLiteral("name"));
    p.login = r.string(QStringLiteral("login"));
    if (p.isEmployee()) {
        p.extensions = r.strings(QStringLiteral("extensions"));
        p.isAdmin = r.boolean(QStringLiteral("isAdmin"));
        p.active = r.boolean(QStringLiteral("active"), true);
    } else {
        // Employee-only fields are never read for a contact: a contact is never an admin.
        p.isCompany = r.boolean(QStringLiteral("isCompany"));
        p.companyId = r.id(QStringLiteral("companyId"));
        for (const QJsonValue &v : r.array(QStringLiteral("phones"))) {
            if (!v.isObject()) {
                r.fail(QStringLiteral("phones"), QStringLiteral("'phones' must hold objects"));
                break;
            }
            JsonRead pr(v.toObject());
            PhoneEntry entry {
                pr.requiredString(QStringLiteral("number")), pr.string(QStringLiteral("type"))};
            if (!pr.ok()) {
                r.fail(QStringLiteral("phones"), pr.error());
                break;
            }
            p.phones.append(entry);
        }
        p.emails = r.strings(QStringLiteral("emails"));
        p.fields = r.object(QStringLiteral("fields"));
        p.responsibleId = r.id(QStringLiteral("responsibleId"));
        p.hasAccess = r.boolean(QStringLiteral("hasAccess"));
        p.mergedInto = r.id(QStringLiteral("mergedInto"));
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return p;
}

} // namespace linecard
