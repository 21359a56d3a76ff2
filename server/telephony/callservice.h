#pragma once

#include "callevent.h"
#include "callrow.h"
#include "callstatemachine.h"

#include <QJsonObject>

#include <functional>

namespace linecard::server {

class EventBatch;
struct Provider;
struct ServerContext;

// Runs the call state machine against storage: each PBX event is stored together with the
// raw request and everything it changes (the call, its legs, a new contact, the record)
// in one transaction, and announced on the event stream only after that commits.
class CallService
{
public:
    explicit CallService(ServerContext &ctx)
        : m_ctx(ctx)
    { }

    // Returns the call's id (0 for a recording whose call has not been seen yet).
    qint64 handle(const Provider &provider, const CallEvent &event, const QJsonObject &request);

    struct Caller
    {
        QString name;
        QString responsibleExtension;
    };
    Caller lookupCaller(const QString &phone);

    // Operator actions; each throws ApiError (404/409/422) and changes nothing on failure.
    CallRow take(qint64 callId, qint64 personId);
    CallRow attachToTask(qint64 callId, qint64 taskId);
    CallRow attachToComment(qint64 callId, qint64 commentId);
    CallRow chooseContact(qint64 callId, qint64 contactId);
    CallRow markHandled(qint64 callId, bool handled);

    // Ends the calls still ringing that their PBX has said nothing about for `silence`
    // (CallStateMachine::expire); returns how many.
    int expireSilentRinging(const QDateTime &now, int silenceSeconds);
    // Ends the calls answered more than maxDuration ago whose hang-up never came
    // (CallStateMachine::expireAnswered); returns how many.
    int expireLongAnswered(const QDateTime &now, int maxDurationSeconds);
    // An operator marks a stuck call as ended; 409 when it is over already.
    CallRow endByHand(qint64 callId, qint64 personId);

private:
    // Loads the call, applies edit in one transaction, publishes its events once stored.
    CallRow change(qint64 callId, const std::function<void(CallRow &, EventBatch &)> &edit);
    // A new call as its first event describes it, not stored yet.
    CallRow draft(const Provider &provider, const CallEvent &event, EventBatch &events);
    void identify(CallRow &row, const CallEvent &event, EventBatch &events);
    ResolvedEvent resolve(const CallRow &row, const CallEvent &event);
    void announce(CallRow &row, const CallTransition &t, EventBatch &events);
    void announceUpdate(const CallRow &row, EventBatch &events);
    // Stores a call an expiry or an operator ended and announces it with its record.
    void finish(CallRow &row, const CallTransition &t, EventBatch &events);
    CallRow load(qint64 callId);

    ServerContext &m_ctx;
};

} // namespace linecard::server
