#include "eventaudience.h"

#include "models/jsonread.h"
#include "protocol/jsonid.h"

namespace linecard::server {

using namespace visibility;

bool EventAudience::admits(const Viewer &viewer, const AccountSettings &settings) const
{
    switch (scope) {
    case Scope::Employees:
        return viewer.isEmployee;
    case Scope::EmployeesAndPerson:
        return viewer.isEmployee || viewer.id == personId;
    case Scope::Task:
        return canSeeTask(viewer, task, settings)
            && (!comment || canSeeComment(viewer, *comment, settings));
    case Scope::Card:
        return canSeeCard(viewer, personId)
            && (!comment || canSeeComment(viewer, *comment, settings));
    case Scope::People:
        return viewer.isEmployee && personIds.contains(viewer.id);
    case Scope::TaskLost:
        return canSeeTask(viewer, task, settings) && !canSeeTask(viewer, after, settings);
    case Scope::Person:
        return viewer.id == personId;
    }
    return false;
}

static QList<qint64> readIds(const QJsonValue &v)
{
    QList<qint64> out;
    for (const QJsonValue &item : v.toArray())
        out.append(protocol::idOf(item));
    return out;
}

QJsonObject EventAudience::toJson() const
{
    static const char *names[]
        = {"employees", "employeesAndPerson", "task", "card", "people", "taskLost", "person"};
    QJsonObject o {{QStringLiteral("scope"), QLatin1String(names[int(scope)])},
        {QStringLiteral("personId"), personId}};
    if (scope == Scope::People)
        o.insert(QStringLiteral("personIds"), idsToJson(personIds));
    auto taskJson = [](const TaskAudience &t) {
        return QJsonObject {{QStringLiteral("counterpartyId"), t.counterpartyId},
            {QStringLiteral("counterpartyCompanyId"), t.counterpartyCompanyId},
            {QStringLiteral("memberIds"), idsToJson(t.memberIds)}};
    };
    if (scope == Scope::Task || scope == Scope::TaskLost)
        o.insert(QStringLiteral("task"), taskJson(task));
    if (scope == Scope::TaskLost)
        o.insert(QStringLiteral("after"), taskJson(after));
    if (comment)
        o.insert(QStringLiteral("comment"),
            QJsonObject {{QStringLiteral("authorId"), comment->authorId},
                {QStringLiteral("authorCompanyId"), comment->authorCompanyId},
                {QStringLiteral("hidden"), comment->hidden},
                {QStringLiteral("internal"), comment->internal},
                {QStringLiteral("visibleToIds"), idsToJson(comment->visibleToIds)},
                {QStringLiteral("notifiedIds"), idsToJson(comment->notifiedIds)},
                {QStringLiteral("notifiedCompanyIds"), idsToJson(comment->notifiedCompanyIds)}});
    return o;
}

EventAudience EventAudience::fromJson(const QJsonObject &o)
{
    EventAudience a;
    const QString scope = o.value(QStringLiteral("scope")).toString();
    a.scope = scope == QLatin1String("task")           ? Scope::Task
        : scope == QLatin1String("card")               ? Scope::Card
        : scope == QLatin1String("employeesAndPerson") ? Scope::EmployeesAndPerson
        : scope == QLatin1String("people")             ? Scope::People
        : scope == QLatin1String("taskLost")           ? Scope::TaskLost
        : scope == QLatin1String("person")             ? Scope::Person
                                                       : Scope::Employees;
    a.personId = protocol::idOf(o, QStringLiteral("personId"));
    a.personIds = readIds(o.value(QStringLiteral("personIds")));
    auto readTask = [](const QJsonObject &t) {
        TaskAudience out;
        out.counterpartyId = protocol::idOf(t, QStringLiteral("counterpartyId"));
        out.counterpartyCompanyId = protocol::idOf(t, QStringLiteral("counterpartyCompanyId"));
        out.memberIds = readIds(t.value(QStringLiteral("memberIds")));
        return out;
    };
    a.task = readTask(o.value(QStringLiteral("task")).toObject());
    a.after = readTask(o.value(QStringLiteral("after")).toObject());
    if (o.contains(QStringLiteral("comment"))) {
        const QJsonObject c = o.value(QStringLiteral("comment")).toObject();
        CommentAudience ca;
        ca.authorId = protocol::idOf(c, QStringLiteral("authorId"));
        ca.authorCompanyId = protocol::idOf(c, QStringLiteral("authorCompanyId"));
        ca.hidden = c.value(QStringLiteral("hidden")).toBool();
        ca.internal = c.value(QStringLiteral("internal")).toBool();
        ca.visibleToIds = readIds(c.value(QStringLiteral("visibleToIds")));
        ca.notifiedIds = readIds(c.value(QStringLiteral("notifiedIds")));
        ca.notifiedCompanyIds = readIds(c.value(QStringLiteral("notifiedCompanyIds")));
        a.comment = ca;
    }
    return a;
}

EventAudience EventAudience::employeesAnd(qint64 personId)
{
    EventAudience a;
    a.scope = Scope::EmployeesAndPerson;
    a.personId = personId;
    return a;
}

EventAudience EventAudience::forTask(
    const TaskAudience &task, std::optional<CommentAudience> comment)
{
    EventAudience a;
    a.scope = Scope::Task;
    a.task = task;
    a.comment = std::move(comment);
    return a;
}

EventAudience EventAudience::people(const QList<qint64> &personIds)
{
    EventAudience a;
    a.scope = Scope::People;
    a.personIds = personIds;
    return a;
}

EventAudience EventAudience::only(qint64 personId)
{
    EventAudience a;
    a.scope = Scope::Person;
    a.personId = personId;
    return a;
}

EventAudience EventAudience::taskLost(const TaskAudience &before, const TaskAudience &after)
{
    EventAudience a;
    a.scope = Scope::TaskLost;
    a.task = before;
    a.after = after;
    return a;
}

EventAudience EventAudience::forCard(qint64 contactId, const CommentAudience &comment)
{
    EventAudience a;
    a.scope = Scope::Card;
    a.personId = contactId;
    a.comment = comment;
    return a;
}

} // namespace linecard::server
