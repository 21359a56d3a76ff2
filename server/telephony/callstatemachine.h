#pragma once

#include "callevent.h"
#include "callrow.h"

#include <QDateTime>
#include <QList>

namespace linecard::server {

// What an event did to a call, for the service to store and announce.
struct CallTransition
{
    bool changed = false; // the call or its legs must be written
    QList<qint64> ringing; // people whose call window opens now
    bool answered = false; // someone took the call: the other windows close
    bool ended = false; // the call is over after a conversation (or an unanswered outgoing)
    bool missed = false; // an incoming call is over without an answer
    bool recordingAdded = false; // a recording link arrived after the end
    bool answererLearned = false; // after the end, a late answer said who talked
    bool answeredLate = false; // a missed call's answer came after its hangup: it ended talked

    bool terminalNow() const { return ended || missed; }
};

// The event as the service resolved it against the directory: who the named extension
// or users are, and whom a first ring goes to when the PBX names nobody.
struct ResolvedEvent
{
    CallEvent event;
    QList<CallLeg> legs; // Ring: the legs this event rings
    qint64 personId = 0; // Answer/Hangup: the person of event.extension (0 = unknown)
    bool voicemail = false; // Answer: the voicemail box picked up, not a person
};

// The one call state machine: ringing (per leg) → answered → ended, or missed. Pure: it
// changes the row it is given and reports what happened; duplicated events change nothing,
// and events in another order (a hangup before its answer) end in the same record.
class CallStateMachine
{
public:
    static CallTransition apply(CallRow &row, const ResolvedEvent &event, const QDateTime &now);
    // An operator takes a call answered on a shared handset: the call is theirs now.
    static CallTransition take(CallRow &row, qint64 personId);
    // A ringing call its PBX stopped talking about: the end never came (a lost request, a PBX
    // restart). It ends unanswered, reason "timeout", so no window rings forever.
    static CallTransition expire(CallRow &row, const QDateTime &now);
    // An answered call whose hang-up never came: it ends, reason "timeout", after the
    // longest call the server allows, so it leaves "current calls" and the windows.
    static CallTransition expireAnswered(CallRow &row, const QDateTime &now);
    // An operator marks a stuck call as ended (reason "manual", endedById them): answered
    // calls end, ringing incoming ones are missed.
    static CallTransition endByHand(CallRow &row, qint64 personId, const QDateTime &now);
    static inline const QString TimeoutReason = QStringLiteral("timeout");
    static inline const QString EndedByHandReason = QStringLiteral("manual");

private:
    static void ring(CallRow &row, const ResolvedEvent &e, CallTransition &t);
    static void answer(
        CallRow &row, const ResolvedEvent &e, const QDateTime &now, CallTransition &t);
    static void hangup(
        CallRow &row, const ResolvedEvent &e, const QDateTime &now, CallTransition &t);
    static void end(CallRow &row, const ResolvedEvent &e, const QDateTime &now, CallTransition &t);
    static bool setRecording(CallRow &row, const QString &url);
    static bool answerOvertaken(const Call &call);
};

} // namespace linecard::server
