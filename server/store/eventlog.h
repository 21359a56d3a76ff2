#pragma once

#include "../events/eventaudience.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace linecard::server {

class Database;

struct StoredEvent
{
    qint64 seq = 0;
    QString type;
    QJsonObject data;
    EventAudience audience;

    // The wire form of SPEC section 5: {"seq", "type", "data"}.
    QByteArray message() const;
    bool isCommentEvent() const; // comment.created, .updated, .deleted

    // Written into the log, never sent: the events from seq `from` to `to` were delivered
    // and then lost with a PostgreSQL crash (EventFollower), and those seqs may name other
    // events now. A client back with a `since` between them is told to resync.
    static constexpr const char *LostMarker = "events.lost";
    static StoredEvent lostMarker(qint64 from, qint64 to);
    bool isLostMarker() const { return type == QLatin1String(LostMarker); }
    // This marker covers a client that last heard seq (it may have heard a lost event).
    bool marksLost(qint64 seq) const;
};

// The replay log of the event stream: an ever-growing seq, the last `capacity` events kept.
class EventLog
{
public:
    EventLog(Database &db, int capacity = 10000);

    StoredEvent append(const QString &type, const QJsonObject &data, const EventAudience &audience);
    // Events after seq, oldest first; nullopt when the log no longer reaches back that far,
    // or seq is ahead of it (the client saw an event whose commit never reached the disk).
    std::optional<QList<StoredEvent>> since(qint64 seq);
    qint64 lastSeq();
    // An event appended now is not committed yet (an outer transaction is open).
    bool inTransaction() const;
    // Up to limit events after seq, oldest first, whatever the log still reaches (the
    // instances' EventFollower).
    QList<StoredEvent> after(qint64 seq, int limit);

private:
    Database &m_db;
    int m_capacity;
    int m_appendsSincePrune = 0;
};

} // namespace linecard::server
