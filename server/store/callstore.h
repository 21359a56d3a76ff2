#pragma once

#include "../telephony/callrow.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace linecard::server {

class Database;

// Calls, their legs, the raw PBX events and recordings that came before their call.
// Knows nothing of who asks; the routes and the call service apply the rules.
class CallStore
{
public:
    explicit CallStore(Database &db)
        : m_db(db)
    { }

    enum class Filter
    {
        All,
        Active, // ringing or answered
        Missed // missed and not yet handled: the team's to-do list
    };

    std::optional<CallRow> get(qint64 id);
    bool exists(qint64 id);
    std::optional<CallRow> find(qint64 providerId, const QString &externalId);
    // Newest first, before the call id "beforeId" (0 = from the newest).
    QList<CallRow> list(Filter filter, qint64 beforeId, int limit);

    void insert(CallRow &row); // sets row.call.id
    void save(const CallRow &row); // every mutable column and the legs

    // Marks the missed calls from a number handled (someone called back or got through).
    QList<qint64> closeMissedFrom(const QString &remoteKey, qint64 exceptCallId);
    // Calls still ringing with no word from their PBX since before `cutoff`.
    QList<qint64> silentRinging(const QDateTime &cutoff);
    // Calls answered before `cutoff` and still not over: their hang-up never came.
    QList<qint64> answeredBefore(const QDateTime &cutoff);
    void setHandled(qint64 callId, bool handled);

    void logEvent(qint64 providerId, qint64 callId, const QString &externalId, const QString &kind,
        const QString &payload);
    // How many events logEvent() has written on this connection: a mark for loggedSince().
    qint64 loggedEventCount() const { return m_loggedCount; }
    // The ids of the events logged after the mark (the last 64 at most), oldest first: what a
    // request wrote, told apart from what other instances write to the table meanwhile.
    QList<qint64> loggedSince(qint64 mark) const;
    void putPendingRecording(qint64 providerId, const QString &externalId, const QString &url);
    QString takePendingRecording(qint64 providerId, const QString &externalId);

private:
    QList<CallRow> readAll(QSqlQuery &query);
    void loadLegs(CallRow &row);
    Database &m_db;
    qint64 m_loggedCount = 0;
    QList<qint64> m_recentlyLogged; // newest last, at most RecentlyLoggedKept
    static constexpr int RecentlyLoggedKept = 64;
};

} // namespace linecard::server
