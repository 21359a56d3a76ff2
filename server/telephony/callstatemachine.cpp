#include "callstatemachine.h"

#include <algorithm>

namespace linecard::server {

static const QString voicemailReason = QStringLiteral("voicemail");

static bool isOpen(const CallLeg &leg)
{
    return leg.state != CallLeg::State::Closed;
}

CallTransition CallStateMachine::apply(CallRow &row, const ResolvedEvent &e, const QDateTime &now)
{
    CallTransition t;
    if (row.call.queue.isEmpty() && !e.event.queue.isEmpty()) {
        row.call.queue = e.event.queue;
        t.changed = true;
    }
    switch (e.event.kind) {
    case CallEvent::Kind::Ring:
        ring(row, e, t);
        break;
    case CallEvent::Kind::Answer:
        answer(row, e, now, t);
        break;
    case CallEvent::Kind::Hangup:
        hangup(row, e, now, t);
        break;
    case CallEvent::Kind::Recording:
        if (setRecording(row, e.event.recordingUrl)) {
            t.changed = true;
            t.recordingAdded = row.isTerminal();
        }
        break;
    }
    return t;
}

bool CallStateMachine::setRecording(CallRow &row, const QString &url)
{
    if (url.isEmpty() || url == row.call.recordingUrl)
        return false;
    row.call.recordingUrl = url;
    return true;
}

void CallStateMachine::ring(CallRow &row, const ResolvedEvent &e, CallTransition &t)
{
    for (const CallLeg &leg : e.legs) {
        if (CallLeg *known = row.leg(leg.personId)) {
            if (known->extension.isEmpty() && !leg.extension.isEmpty()) {
                known->extension = leg.extension;
                t.changed = true;
            }
            continue; // a repeated ring: the window is already open
        }
        CallLeg added = leg;
        // A ring that arrives after the answer or the end must not open a window.
        added.state = row.call.state == Call::State::Ringing ? CallLeg::State::Ringing
                                                             : CallLeg::State::Closed;
        row.legs.append(added);
        t.changed = true;
        if (added.state == CallLeg::State::Ringing)
            t.ringing.append(added.personId);
    }
}

// The person an event is about: the one it names, or the only leg there is.
static qint64 personOf(const CallRow &row, const ResolvedEvent &e)
{
    if (e.personId)
        return e.personId;
    return row.legs.size() == 1 ? row.legs.first().personId : 0;
}

static void markAnswered(CallRow &row, qint64 who, const QString &extension)
{
    bool found = false;
    for (CallLeg &leg : row.legs) {
        if (leg.personId == who) {
            leg.state = CallLeg::State::Answered;
            found = true;
        } else if (leg.state == CallLeg::State::Ringing) {
            leg.state = CallLeg::State::Closed;
        }
    }
    if (!found && who)
        row.legs.append({who, extension, CallLeg::State::Answered});
}

void CallStateMachine::answer(
    CallRow &row, const ResolvedEvent &e, const QDateTime &now, CallTransition &t)
{
    Call &c = row.call;
    if (e.voicemail) {
        // A mailbox is not a person: the call stays unanswered and ends as missed.
        if (c.state == Call::State::Ringing && c.endReason != voicemailReason) {
            c.endReason = voicemailReason;
            t.changed = true;
        }
        return;
    }
    const qint64 who = personOf(row, e);
    if (answerOvertaken(c)) {
        // The hangup overtook its answer (SPEC 4: events out of order end the same): the call
        // was answered after all, and ends as answer-then-hangup would have ended it. When
        // the talk began is unknown; it was before the hangup, so the hangup's time stands.
        c.state = Call::State::Ended;
        c.answeredAt = c.endedAt.addSecs(-c.duration);
        if (who)
            c.answeredById = who;
        markAnswered(row, who, e.event.extension);
        t.changed = t.answeredLate = true;
        return;
    }
    if (row.isTerminal()) {
        // A late answer after its hangup only says who talked.
        if (c.state == Call::State::Ended && !c.answeredById && who) {
            c.answeredById = who;
            markAnswered(row, who, e.event.extension);
            t.changed = t.answererLearned = true;
        }
        return;
    }
    if (c.state == Call::State::Answered && (who == 0 || who == c.answeredById))
        return; // a duplicate
    c.state = Call::State::Answered;
    if (who)
        c.answeredById = who;
    if (!c.answeredAt.isValid())
        c.answeredAt = now;
    if (c.endReason == voicemailReason)
        c.endReason.clear();
    markAnswered(row, who, e.event.extension);
    t.changed = t.answered = true;
}

// A call the PBX itself hung up as missed: an answer for it means the events crossed. A
// mailbox's answer stays missed, and a call the server or an operator ended (no word from
// the PBX) is not revived by an answer from long ago.
bool CallStateMachine::answerOvertaken(const Call &call)
{
    return call.state == Call::State::Missed && call.direction == Call::Direction::In
        && call.endReason != voicemailReason && call.endReason != TimeoutReason
        && call.endReason != EndedByHandReason;
}

CallTransition CallStateMachine::expire(CallRow &row, const QDateTime &now)
{
    CallTransition t;
    if (row.call.state != Call::State::Ringing)
        return t;
    ResolvedEvent e;
    e.event.kind = CallEvent::Kind::Hangup;
    e.event.outcome = CallEvent::Outcome::NotAnswered;
    e.event.endReason = TimeoutReason;
    e.event.duration = 0;
    end(row, e, now, t);
    return t;
}

CallTransition CallStateMachine::expireAnswered(CallRow &row, const QDateTime &now)
{
    CallTransition t;
    if (row.call.state != Call::State::Answered)
        return t;
    ResolvedEvent e;
    e.event.kind = CallEvent::Kind::Hangup;
    e.event.endReason = TimeoutReason;
    end(row, e, now, t);
    return t;
}

CallTransition CallStateMachine::endByHand(CallRow &row, qint64 personId, const QDateTime &now)
{
    CallTransition t;
    if (row.isTerminal())
        return t;
    ResolvedEvent e;
    e.event.kind = CallEvent::Kind::Hangup;
    e.event.outcome = row.call.state == Call::State::Ringing ? CallEvent::Outcome::NotAnswered
                                                             : CallEvent::Outcome::Unknown;
    e.event.endReason = EndedByHandReason;
    end(row, e, now, t);
    row.call.endedById = personId;
    return t;
}

CallTransition CallStateMachine::take(CallRow &row, qint64 personId)
{
    CallTransition t;
    if (row.call.state != Call::State::Answered || row.call.answeredById == personId)
        return t;
    row.call.answeredById = personId;
    for (CallLeg &leg : row.legs)
        if (leg.state == CallLeg::State::Answered)
            leg.state = CallLeg::State::Closed;
    markAnswered(row, personId, QString());
    t.changed = t.answered = true;
    return t;
}

void CallStateMachine::hangup(
    CallRow &row, const ResolvedEvent &e, const QDateTime &now, CallTransition &t)
{
    Call &c = row.call;
    if (row.isTerminal()) {
        // A repeated hangup may still bring what the first one lacked.
        if (setRecording(row, e.event.recordingUrl))
            t.changed = t.recordingAdded = true;
        if (c.state == Call::State::Ended && c.duration == 0 && e.event.duration > 0) {
            c.duration = e.event.duration;
            t.changed = true;
        }
        if (c.state == Call::State::Ended && !c.answeredById && e.personId
            && (e.event.outcome == CallEvent::Outcome::Talked
                || e.event.outcome == CallEvent::Outcome::Cleared)) {
            c.answeredById = e.personId;
            markAnswered(row, e.personId, e.event.extension);
            t.changed = t.answererLearned = true;
        }
        return;
    }
    if (e.event.closesLegOnly()) {
        // PlanFix closes each leg of a group ring on its own; legs are the PBX's extensions.
        bool wasOpen = false, answererLeg = false, known = false;
        for (CallLeg &leg : row.legs) {
            if (leg.extension != e.event.extension)
                continue;
            known = true;
            wasOpen = wasOpen || isOpen(leg);
            if (leg.state == CallLeg::State::Answered) {
                answererLeg = true;
                continue;
            }
            if (leg.state != CallLeg::State::Closed) {
                leg.state = CallLeg::State::Closed;
                t.changed = true;
            }
        }
        if (!known && e.personId && !row.leg(e.personId)) {
            row.legs.append({e.personId, e.event.extension, CallLeg::State::Closed});
            t.changed = true;
        }
        if (!answererLeg) {
            const bool anyOpen = std::any_of(row.legs.begin(), row.legs.end(), isOpen);
            // Nobody is left to answer. A "Cancelled" for a leg never seen ringing means
            // another extension took the call: wait for its events.
            const bool over = c.state == Call::State::Ringing && !anyOpen
                && (e.event.outcome == CallEvent::Outcome::NotAnswered || wasOpen);
            if (!over)
                return;
        }
    }
    end(row, e, now, t);
}

void CallStateMachine::end(
    CallRow &row, const ResolvedEvent &e, const QDateTime &now, CallTransition &t)
{
    Call &c = row.call;
    const bool voicemail = c.state == Call::State::Ringing && c.endReason == voicemailReason;
    const bool talked = c.state == Call::State::Answered
        || (e.event.outcome == CallEvent::Outcome::Talked && !voicemail);
    if (talked && !c.answeredById) {
        if (const qint64 who = personOf(row, e)) {
            c.answeredById = who;
            markAnswered(row, who, e.event.extension);
        }
    }
    if (talked && !c.answeredAt.isValid())
        c.answeredAt = e.event.duration >= 0 ? now.addSecs(-e.event.duration) : now;
    if (!c.startedAt.isValid() || (c.answeredAt.isValid() && c.answeredAt < c.startedAt))
        c.startedAt = c.answeredAt.isValid() ? c.answeredAt : now;
    c.endedAt = now;
    if (e.event.duration >= 0)
        c.duration = e.event.duration;
    else
        c.duration = talked ? int(qMax<qint64>(0, c.answeredAt.secsTo(now))) : 0;
    if (!voicemail)
        c.endReason = e.event.endReason;
    setRecording(row, e.event.recordingUrl);
    c.state
        = talked || c.direction == Call::Direction::Out ? Call::State::Ended : Call::State::Missed;
    for (CallLeg &leg : row.legs)
        if (leg.state == CallLeg::State::Ringing)
            leg.state = CallLeg::State::Closed;
    t.changed = true;
    t.ended = c.state == Call::State::Ended;
    t.missed = c.state == Call::State::Missed;
}

} // namespace linecard::server
