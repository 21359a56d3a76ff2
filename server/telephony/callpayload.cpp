#include "callpayload.h"

#include "../servercontext.h"
#include "../store/linestore.h"

#include "models/jsonread.h"
#include "models/phonenumber.h"

#include <QJsonArray>

namespace linecard::server {

static QJsonValue optionalId(qint64 id)
{
    return id ? QJsonValue(id) : QJsonValue();
}

QJsonObject CallPayload::call(const CallRow &row)
{
    QJsonObject o = row.call.toJson();
    o.insert(QStringLiteral("contactName"), row.contactName);
    o.insert(QStringLiteral("targetIds"), idsToJson(row.targetIds()));
    o.insert(QStringLiteral("handled"), row.handled);
    o.insert(QStringLiteral("recordCommentId"), optionalId(row.recordCommentId));
    o.insert(QStringLiteral("attachTaskId"), optionalId(row.attachTaskId));
    o.insert(QStringLiteral("attachCommentId"), optionalId(row.attachCommentId));
    return o;
}

QJsonObject CallPayload::card(const CallRow &row)
{
    QJsonObject o {{QStringLiteral("call"), call(row)}};
    QJsonValue contact;
    QJsonArray tasks;
    if (row.call.contactId) {
        // The callers were read in this request, merged contacts left out: one of them is live.
        std::optional<Person> person;
        if (row.callers)
            for (const Person &p : *row.callers)
                if (p.id == row.call.contactId && !p.mergedInto)
                    person = p;
        const qint64 live = person ? person->id : m_ctx.people.survivorOf(row.call.contactId);
        if (!person)
            person = m_ctx.people.get(live);
        if (person) {
            contact = person->toJson();
            TaskFilter filter;
            filter.contactId = live;
            filter.activeOnly = true;
            // Targets are employees, who see every task: the employee rule is theirs.
            const VisibilitySql rule = m_ctx.rule(visibility::Viewer {0, true, false, 0});
            for (const Task &t : m_ctx.tasks.list(rule, filter, std::nullopt, 20))
                tasks.append(t.toJson());
        }
    }
    const QString remote = row.call.direction == Call::Direction::In ? row.call.from : row.call.to;
    QJsonValue line;
    QString region; // the caller id is read in its line's region
    if (row.call.lineId)
        if (const auto l = row.line && row.line->id == row.call.lineId
                ? row.line
                : m_ctx.lines.get(row.call.lineId)) {
            line = l->toJson();
            region = l->region;
        }
    QJsonArray candidates;
    for (const Person &p :
        row.callers ? *row.callers : m_ctx.people.lookupPhone(PhoneNumber::parse(remote, region)))
        candidates.append(p.toJson());
    o.insert(QStringLiteral("contact"), contact);
    o.insert(QStringLiteral("tasks"), tasks);
    o.insert(QStringLiteral("candidates"), candidates);
    o.insert(QStringLiteral("line"), line);
    return o;
}

} // namespace linecard::server
