#pragma once

#include "callrow.h"

#include "models/comment.h"
#include "protocol/eventtype.h"

namespace linecard::server {

using protocol::EventType;

class EventBatch;
struct ServerContext;

// Writes the record of a call — a comment with the call attached and a Markdown summary —
// where it belongs: on the task or comment the operator attached the call to, else on the
// contact's last active task (setting "lastActiveTask"), else on the contact's card; a
// missed call on the card. Runs inside the caller's transaction and queues its events.
class CallRecorder
{
public:
    CallRecorder(ServerContext &ctx, EventBatch &events)
        : m_ctx(ctx)
        , m_events(events)
    { }

    // The call has just ended: the record lands (once).
    void land(CallRow &row);
    // A recording or the answerer came after the end: the record says so now.
    void refresh(const CallRow &row);
    // A missed call turned out answered (its answer came after the hangup): the record moves
    // from the card to where an answered call's record goes. refresh() rewrites it.
    void relandAnswered(const CallRow &row);
    // The operator attaches the call; a record that already landed follows it.
    void attachToTask(CallRow &row, qint64 taskId);
    void attachToComment(CallRow &row, qint64 commentId);

    // The record's text for API consumers: English, UTC, Markdown; numbers in international
    // format, caller ids read in the line's region.
    static QString text(const CallRow &row, const QString &lineName, const QString &lineNumber,
        const QString &answerer, const QString &lineRegion = QString());
    // The record's facts as the comment carries them ("callRecord"), for clients that draw
    // the record in their own language (models/callrecordtext.h).
    static QJsonObject facts(const QString &lineName, const QString &lineNumber,
        const QString &contactName, const QString &answerer);

private:
    bool recordIsOurs(const CallRow &row) const
    {
        return row.recordCommentId && row.recordCommentId != row.attachCommentId;
    }
    qint64 authorOf(const CallRow &row);
    QList<qint64> readersOf(const CallRow &row) const;
    QString textOf(const CallRow &row, QJsonObject *facts = nullptr);
    void announce(EventType type, const Comment &comment);

    ServerContext &m_ctx;
    EventBatch &m_events;
};

} // namespace linecard::server
