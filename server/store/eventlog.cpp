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

StoredEvent StoredEvent::lostMarker(qint64 from, qint64 to)
{
    return {0, QString::fromLatin1(LostMarker),
        {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}}, EventAudience::people({})};
}

bool StoredEvent::marksLost(qint64 seq) const
{
    return isLostMarker() && seq >= data.value(QStringLiteral("from")).toInteger()
        && seq <= data.value(QStringLiteral("to")).toInteger();
}

EventLog::EventLog(Database &db, int capacity)
    : m_db(db)
    , m_capacity(capacity)
{ }

StoredEvent EventLog::append(
    const QString &type, const QJsonObject &data, const EventAudience &audience)
{
    StoredEvent e {0, type, data, audience};
    // Several instances on one PostgreSQL database: the seqs commit in their order (a reader
    // that saw seq n has seen every committed seq below it), and the other instances are woken
    // by the commit (EventFollower).
    // On PostgreSQL the lock is taken by the insert itself (one round trip fewer): its row
    // comes out of the lock's function scan, so the seq is drawn once the lock is held.
    Transaction tx(m_db);
    const QString values = m_db.dialect().isPostgres()
        ? QStringLiteral("SELECT :type, :p, :a, :t FROM pg_advisory_xact_lock(%1)")
              .arg(AdvisoryLock::EventLog)
        : QStringLiteral("VALUES (:type, :p, :a, :t)");
    e.seq = m_db.insert(
        QStringLiteral("INSERT INTO events(type, payload, audience, created_at) ") + values,
        {{QStringLiteral("type"), type},
            {QStringLiteral("p"),
                QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))},
            {QStringLiteral("a"),
                QString::fromUtf8(QJsonDocument(audience.toJson()).toJson(QJsonDocument::Compact))},
            {QStringLiteral("t"), storedNow()}},
        QStringLiteral("seq"));
    if (++m_appendsSincePrune >= qMax(1, m_capacity / 10)) {
        m_appendsSincePrune = 0;
        m_db.exec(QStringLiteral("DELETE FROM events WHERE seq <= :cut"),
            {{QStringLiteral("cut"), e.seq - m_capacity}});
    }
    if (m_db.dialect().isPostgres())
        m_db.notifyAtCommit(QStringLiteral("linecard_events"), QString::number(e.seq));
    tx.commit();
    return e;
}

bool EventLog::inTransaction() const
{
    return m_db.inTransaction();
}

qint64 EventLog::lastSeq()
{
    return m_db.scalar(m_db.dialect().lastEventSeq()).toLongLong();
}

static QList<StoredEvent> readEvents(QSqlQuery &q)
{
    QList<StoredEvent> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toString(),
            QJsonDocument::fromJson(q.value(2).toByteArray()).object(),
            EventAudience::fromJson(QJsonDocument::fromJson(q.value(3).toByteArray()).object())});
    return out;
}

QList<StoredEvent> EventLog::after(qint64 seq, int limit)
{
    Database::Rows q = m_db.exec(QStringLiteral("SELECT seq, type, payload, audience FROM events "
                                                "WHERE seq > :s ORDER BY seq LIMIT :n"),
        {{QStringLiteral("s"), seq}, {QStringLiteral("n"), limit}});
    return readEvents(q);
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
    Database::Rows q = m_db.exec(
        QStringLiteral(
            "SELECT seq, type, payload, audience FROM events WHERE seq > :s ORDER BY seq"),
        {{QStringLiteral("s"), seq}});
    return readEvents(q);
}

} // namespace linecard::server
