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
                               "p.id = e.person_id WHERE e.extension = :e AND p.kind = 'employee'"),
            {{QStringLiteral("e"), extension}})
        .toLongLong();
}

qint64 CallRouting::byAgent(const QString &agent)
{
    if (const qint64 id = byExtension(agent))
        return id;
    return m_db
        .scalar(QStringLiteral("SELECT id FROM people WHERE kind = 'employee' AND "
                               "(login = :a OR lower(name) = lower(:a)) ORDER BY id LIMIT 1"),
            {{QStringLiteral("a"), agent}})
        .toLongLong();
}

QList<qint64> CallRouting::fallback(const std::optional<Line> &line, qint64 contactId)
{
    if (line && !line->employeeIds.isEmpty())
        return line->employeeIds;
    if (contactId) {
        const qint64 responsible
            = m_db.scalar(QStringLiteral("SELECT r.id FROM people c JOIN people r ON "
                                         "r.id = c.responsible_id WHERE c.id = :id AND "
                                         "r.kind = 'employee'"),
                      {{QStringLiteral("id"), contactId}})
                  .toLongLong();
        if (responsible)
            return {responsible};
    }
    QList<qint64> everyone;
    QSqlQuery q
        = m_db.exec(QStringLiteral("SELECT id FROM people WHERE kind = 'employee' ORDER BY id"));
    while (q.next())
        everyone.append(q.value(0).toLongLong());
    return everyone;
}

QString CallRouting::responsibleExtension(qint64 contactId)
{
    return m_db
        .scalar(QStringLiteral("SELECT e.extension FROM people c JOIN extensions e ON "
                               "e.person_id = c.responsible_id WHERE c.id = :id "
                               "ORDER BY e.extension LIMIT 1"),
            {{QStringLiteral("id"), contactId}})
        .toString();
}

bool CallRouting::isVoicemail(const QString &agent)
{
    const QString a = agent.trimmed().toLower();
    return a == QLatin1String("voicemail") || a == QLatin1String("voice mail")
        || a == QLatin1String("mailbox");
}

} // namespace linecard::server
