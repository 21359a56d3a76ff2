#include "rowvalues.h"

#include <QSqlQuery>
#include <QStringList>

namespace linecard::server {

QString storedNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeAt(const QSqlQuery &row, int column)
{
    return row.value(column).isNull()
        ? QDateTime()
        : QDateTime::fromString(row.value(column).toString(), Qt::ISODateWithMs);
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType(QMetaType::QString));
}

QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QString callColumns(const QString &alias)
{
    static const QStringList columns {QStringLiteral("id"), QStringLiteral("provider_id"),
        QStringLiteral("external_id"), QStringLiteral("direction"), QStringLiteral("state"),
        QStringLiteral("from_number"), QStringLiteral("to_number"), QStringLiteral("line_id"),
        QStringLiteral("contact_id"), QStringLiteral("answered_by"), QStringLiteral("started_at"),
        QStringLiteral("answered_at"), QStringLiteral("ended_at"), QStringLiteral("duration"),
        QStringLiteral("recording_url"), QStringLiteral("end_reason"),
        QStringLiteral("deleted_line_name")};
    static_assert(callColumnCount == 17, "callColumns and readCall read the same columns");
    if (alias.isEmpty())
        return columns.join(QStringLiteral(", "));
    QStringList prefixed;
    for (const QString &column : columns)
        prefixed << alias + u'.' + column;
    return prefixed.join(QStringLiteral(", "));
}

Call readCall(const QSqlQuery &q, int first, Call::State unknownState)
{
    Call c;
    c.id = q.value(first).toLongLong();
    c.providerId = q.value(first + 1).toLongLong();
    c.externalId = q.value(first + 2).toString();
    c.direction
        = Call::directionFromName(q.value(first + 3).toString()).value_or(Call::Direction::In);
    c.state = Call::stateFromName(q.value(first + 4).toString()).value_or(unknownState);
    c.from = q.value(first + 5).toString();
    c.to = q.value(first + 6).toString();
    c.lineId = q.value(first + 7).toLongLong();
    c.contactId = q.value(first + 8).toLongLong();
    c.answeredById = q.value(first + 9).toLongLong();
    c.startedAt = timeAt(q, first + 10);
    c.answeredAt = timeAt(q, first + 11);
    c.endedAt = timeAt(q, first + 12);
    c.duration = q.value(first + 13).toInt();
    c.recordingUrl = q.value(first + 14).toString();
    c.endReason = q.value(first + 15).toString();
    c.deletedLineName = q.value(first + 16).toString();
    return c;
}

} // namespace linecard::server
