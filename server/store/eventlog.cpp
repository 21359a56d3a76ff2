#include "eventlog.h"

#include "database.h"
#include "rowvalues.h"

#include "protocol/streammessage.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace linecard::server {

QByteArray StoredEvent::message() const
{
    return protocol::StreamMessage::event(seq, type, data);
}

bool StoredEvent::isCommentEvent() const
{
    const auto t = protocol::eventTypeFromName(type);
    return t && protocol::isCommentEvent(*t);
}

EventLog::EventLog(Database &db, int capacity)
    : m_db(db)
    , m_capacity(capacity)
{ }

StoredEvent EventLog::append(
    const QString &type, const QJsonObject &data, const EventAudience &audience)
{
    StoredEvent e {0, type, data, audience};
    e.seq = m_db.insert(
        QStringLiteral(
            "INSERT INTO events(type, payload, audience, created_at) VALUES (:type, :p, :a, :t)"),
        {{QStringLiteral("type"), type},
            {QStringLiteral("p"),
                QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))},
            {QStringLiteral("a"),
                QString::fromUtf8(QJsonDocument(audience.toJson()).toJson(QJsonDocument::Compact))},
            {QStringLiteral("t"), storedNow()}});
    if (++m_appendsSincePrune >= qMax(1, m_capacity / 10)) {
        m_appendsSincePrune = 0;
        m_db.exec(QStringLiteral("DELETE FROM events WHERE seq <= :cut"),
            {{QStringLiteral("cut"), e.seq - m_capacity}});
    }
    return e;
}

qint64 EventLog::lastSeq()
{
    // AUTOINCREMENT keeps the counter in sqlite_sequence even when the log was pruned empty.
    return m_db
        .scalar(QStringLiteral(
            "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)"))
        .toLongLong();
}

std::optional<QList<StoredEvent>> EventLog::since(qint64 seq)
{
    const qint64 last = lastSeq();
    if (seq > last)
        return std::nullopt; // the client saw events this log no longer has (a lost commit)
    if (seq == last)
        return QList<StoredEvent>();
    const QVariant oldest = m_db.scalar(QStringLiteral("SELECT MIN(seq) FROM events"));
    if (oldest.isNull() || seq < oldest.toLongLong() - 1 || seq < 0)
        return std::nullopt;
    QSqlQuery q = m_db.exec(
        QStringLiteral(
            "SELECT seq, type, payload, audience FROM events WHERE seq > :s ORDER BY seq"),
        {{QStringLiteral("s"), seq}});
    QList<StoredEvent> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(),
            QJsonDocument::fromJson(q.value(2).toByteArray()).object(),
            EventAudience::fromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object())});
    return out;
}

} // namespace linecard::server
