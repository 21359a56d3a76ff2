#pragma once

#include "../store/eventlog.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

namespace linecard::server {

class Database;

// Several instances on one PostgreSQL database: the event log is the truth, and every instance
// delivers the logged events to its own sockets in seq order — its own events too, so that a
// client never sees a seq before a smaller one. A transaction that logged events sends one
// NOTIFY with its newest seq as it commits (a wake-up, nothing more); this follower LISTENs on
// a connection of its own and, woken, reads the rows after the last it delivered. On
// (re)connecting it LISTENs first and then reads, so nothing committed in between is missed.
// The seqs commit in their order (EventLog takes an advisory lock), so reading "after the
// last" skips nothing still to come.
//
// PostgreSQL commits a change without waiting for its WAL flush and its events go out at once
// (DeferredSync): a crash of PostgreSQL before that flush loses events that clients have seen,
// and their seqs are handed out again. Every connection is broken by such a crash; on
// reconnecting, the follower reads back the last event it delivered, and when that is gone or
// is another event now, tells its instance (lost()): its clients resync, and it reads on from
// the log's newest seq.
//
// Also carried between the instances, on a second channel: streams to close (a signed-out
// token, a person who lost access or was merged away).
class EventFollower : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *EventsChannel = "linecard_events";
    static constexpr const char *SessionsChannel = "linecard_sessions";

    using Deliver = std::function<void(const StoredEvent &)>;
    // "token <hash>" or "person <id> <close code> <reason>", from any instance.
    using SessionNotice = std::function<void(const QString &notice)>;
    // Events this instance delivered were lost with a crash; newestSeq is the log's newest.
    using Lost = std::function<void(qint64 newestSeq)>;

    EventFollower(const QString &databaseUrl, Deliver deliver, SessionNotice sessionNotice,
        Lost lost, QObject *parent = nullptr);
    ~EventFollower() override;

    // Connects and listens; delivers nothing logged before fromSeq.
    void start(qint64 fromSeq);
    // Reads and delivers what has been logged since the last read (after a local commit, and
    // when woken).
    void catchUp();
    // An event this instance has just committed: delivered as it stands when it is the next
    // seq after the last one delivered — the seqs commit in their order, so no other
    // instance's event can still come between — and read with what came before it otherwise.
    // Spares the log a read, on this instance's cores, while the others read the same rows.
    void deliverCommitted(const StoredEvent &event);

private:
    bool connectAndListen();
    void onNotification(const QString &name, const QString &payload);
    void delivered(const StoredEvent &event);
    void checkLastDelivered();
    qint64 firstLostSeq();
    static size_t digestOf(const StoredEvent &event);

    // The last events delivered, as (seq, digest): enough to find where a loss began.
    static constexpr int RecentKept = 1000;

    QString m_url;
    Deliver m_deliver;
    SessionNotice m_sessionNotice;
    Lost m_lost;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventLog> m_log;
    qint64 m_lastSeq = 0;
    std::deque<std::pair<qint64, size_t>> m_recent; // oldest first; empty: none delivered yet
    bool m_reading = false;
    QTimer m_watch; // notices a lost connection, and covers a lost wake-up
};

} // namespace linecard::server
