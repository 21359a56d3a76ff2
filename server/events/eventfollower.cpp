#include "eventfollower.h"

#include "../logging.h"
#include "../store/database.h"

#include <QJsonDocument>
#include <QSqlDriver>

namespace linecard::server {

EventFollower::EventFollower(const QString &databaseUrl, Deliver deliver,
    SessionNotice sessionNotice, Lost lost, QObject *parent)
    : QObject(parent)
    , m_url(databaseUrl)
    , m_deliver(std::move(deliver))
    , m_sessionNotice(std::move(sessionNotice))
    , m_lost(std::move(lost))
{
    m_watch.setInterval(2000);
    connect(&m_watch, &QTimer::timeout, this, &EventFollower::catchUp);
}

EventFollower::~EventFollower() = default;

void EventFollower::start(qint64 fromSeq)
{
    m_lastSeq = fromSeq;
    connectAndListen();
    m_watch.start();
}

bool EventFollower::connectAndListen()
{
    m_log.reset();
    m_db.reset();
    try {
        m_db = Database::openPostgres(m_url);
    } catch (const StoreError &e) {
        qCWarning(lcWs) << "event follower cannot reach the database:" << e.what();
        return false;
    }
    QSqlDriver *driver = m_db->connection().driver();
    // Listen first, then read: a commit between the two is read, one after it wakes us.
    for (const char *channel : {EventsChannel, SessionsChannel})
        if (!driver->subscribeToNotification(QString::fromLatin1(channel)))
            qCWarning(lcWs) << "cannot LISTEN on" << channel;
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
            onNotification(name, payload.toString());
        });
    m_log = std::make_unique<EventLog>(*m_db);
    checkLastDelivered();
    return true;
}

size_t EventFollower::digestOf(const StoredEvent &event)
{
    return qHash(
        event.type.toUtf8() + '\n' + QJsonDocument(event.data).toJson(QJsonDocument::Compact));
}

// A commit that reached the disk took every earlier one with it (the WAL is written in order
// and seqs commit in their order): when the last event delivered is still there, as it was,
// nothing delivered before it was lost either.
void EventFollower::checkLastDelivered()
{
    if (m_recent.empty())
        return;
    const QList<StoredEvent> last = m_log->after(m_lastSeq - 1, 1);
    if (!last.isEmpty() && last.first().seq == m_lastSeq
        && digestOf(last.first()) == m_recent.back().second)
        return;
    const qint64 from = firstLostSeq();
    const qint64 newest = m_log->lastSeq();
    qCWarning(lcWs) << "events" << from << "to" << m_lastSeq
                    << "were delivered and then lost with a PostgreSQL crash; clients resync at"
                    << newest;
    // Committed with a flush (this connection's default) before anyone is told to resync.
    const StoredEvent marker = StoredEvent::lostMarker(from, m_lastSeq);
    m_log->append(marker.type, marker.data, marker.audience);
    m_recent.clear();
    m_lastSeq = newest;
    m_lost(newest);
}

// The first seq among the last delivered whose event is gone or another now; when even the
// oldest kept is lost, the loss may reach further back than what is kept: from the start.
qint64 EventFollower::firstLostSeq()
{
    const qint64 oldestKept = m_recent.front().first;
    QHash<qint64, size_t> stored;
    for (const StoredEvent &e : m_log->after(oldestKept - 1, int(m_recent.size())))
        stored.insert(e.seq, digestOf(e));
    for (const auto &[seq, digest] : m_recent) {
        const auto it = stored.constFind(seq);
        if (it == stored.constEnd() || *it != digest)
            return seq == oldestKept && m_recent.size() >= RecentKept ? 0 : seq;
    }
    return m_lastSeq;
}

void EventFollower::delivered(const StoredEvent &event)
{
    m_lastSeq = event.seq;
    m_deliver(event); // first: the digest is for a crash, not for the way to the sockets
    m_recent.emplace_back(event.seq, digestOf(event));
    if (m_recent.size() > RecentKept)
        m_recent.pop_front();
}

void EventFollower::onNotification(const QString &name, const QString &payload)
{
    if (name == QLatin1String(SessionsChannel)) {
        m_sessionNotice(payload);
        return;
    }
    if (payload.toLongLong() > m_lastSeq)
        catchUp();
}

void EventFollower::deliverCommitted(const StoredEvent &event)
{
    if (m_reading || event.seq != m_lastSeq + 1) {
        catchUp();
        return;
    }
    delivered(event);
}

void EventFollower::catchUp()
{
    if (m_reading)
        return; // a delivery that published again: the loop below reads that too
    m_reading = true;
    // A connection found broken is made again at once, once: a client connecting now (after
    // a crash of PostgreSQL broke it) is answered after the check for lost events.
    const int attempts = m_log ? 2 : 1;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        try {
            if (!m_log && !connectAndListen())
                break;
            for (;;) {
                const QList<StoredEvent> events = m_log->after(m_lastSeq, 500);
                for (const StoredEvent &event : events)
                    delivered(event);
                if (events.size() < 500)
                    break;
            }
            break;
        } catch (const StoreError &e) {
            // The next round connects again, listens, and reads on from the last seq delivered.
            qCWarning(lcWs) << "event follower lost the database:" << e.what();
            m_log.reset();
            m_db.reset();
        }
    }
    m_reading = false;
}

} // namespace linecard::server
