#include "callrouting.h"

#include "../store/database.h"

#include <QSqlQuery>

namespace linecard::server {

qint64 CallRouting::byExtension(const QString &extension)
{
    if (extension.isEmpty())
        return 0;
    return m_db
        .scalar(QStringLiteral("SELECT e.person_id FROM extensions e JOIN people p ON "
                               "p.id = e.person_id WHERE e.extension = :e AND p.kind = 'employee' "
                               "AND p.active = 1"),
            {{QStringLiteral("e"), extension}})
        .toLongLong();
}

qint64 CallRouting::byAgent(const QString &agent)
{
    if (const qint64 id = byExtension(agent))
        return id;
    return m_db
        .scalar(QStringLiteral("SELECT id FROM people WHERE kind = 'employee' AND active = 1 AND "
                               "(login = :a OR lower(name) = lower(:a)) ORDER BY id LIMIT 1"),
            {{QStringLiteral("a"), agent}})
        .toLongLong();
}

QList<qint64> CallRouting::fallback(const std::optional<Line> &line, qint64 contactId)
{
    if (line && !line->employeeIds.isEmpty()) {
        QList<qint64> ringing;
        for (qint64 id : line->employeeIds)
            if (isActiveEmployee(id))
                ringing.append(id);
        if (!ringing.isEmpty())
            return ringing;
    }
    if (contactId) {
        const qint64 responsible
            = m_db.scalar(QStringLiteral("SELECT r.id FROM people c JOIN people r ON "
                                         "r.id = c.responsible_id WHERE c.id = :id AND "
                                         "r.kind = 'employee' AND r.active = 1"),
                      {{QStringLiteral("id"), contactId}})
                  .toLongLong();
        if (responsible)
            return {responsible};
    }
    QList<qint64> everyone;
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT id FROM people WHERE kind = 'employee' AND active = 1 "
                                   "ORDER BY id"));
    while (q.next())
        everyone.append(q.value(0).toLongLong());
    return everyone;
}

QString CallRouting::responsibleExtension(qint64 contactId)
{
    return m_db
        .scalar(QStringLiteral("SELECT e.extension FROM people c JOIN extensions e ON "
                               "e.person_id = c.responsible_id JOIN people r ON "
                               "r.id = c.responsible_id WHERE c.id = :id AND r.active = 1 "
                               "ORDER BY e.extension LIMIT 1"),
            {{QStringLiteral("id"), contactId}})
        .toString();
}

bool CallRouting::isActiveEmployee(qint64 personId)
{
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE id = :id AND "
                                      "kind = 'employee' AND active = 1"),
                   {{QStringLiteral("id"), personId}})
               .toInt()
        > 0;
}

bool CallRouting::isVoicemail(const QString &agent)
{
    const QString a = agent.trimmed().toLower();
    return a == QLatin1String("voicemail") || a == QLatin1String("voice mail")
        || a == QLatin1String("mailbox");
}

} // namespace linecard::server
