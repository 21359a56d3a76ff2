#include "callservice.h"

#include "../events/eventbatch.h"
#include "../http/apierror.h"
#include "../logging.h"
#include "../servercontext.h"
#include "../store/callstore.h"
#include "../store/linestore.h"
#include "../store/providerstore.h"
#include "callpayload.h"
#include "callrecorder.h"
#include "callrouting.h"

#include "models/phonenumber.h"

#include <QJsonDocument>

namespace linecard::server {

static QString kindName(CallEvent::Kind kind)
{
    switch (kind) {
    case CallEvent::Kind::Ring:
        return QStringLiteral("ring");
    case CallEvent::Kind::Answer:
        return QStringLiteral("answer");
    case CallEvent::Kind::Hangup:
        return QStringLiteral("hangup");
    case CallEvent::Kind::Recording:
        return QStringLiteral("recording");
    }
    return {};
}

qint64 CallService::handle(
    const Provider &provider, const CallEvent &event, const QJsonObject &request)
{
    // The pop-ups go out as soon as the change commits; the PBX hears back once it is on disk.
    return EventBatch::change(m_ctx.db, m_ctx.events, [&](EventBatch &events) -> qint64 {
        const QString payload
            = QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact));
        std::optional<CallRow> found = m_ctx.calls.find(provider.id, event.externalId);
        if (!found && event.kind == CallEvent::Kind::Recording) {
            // Kept until the call shows up: an acknowledged link is never dropped.
            m_ctx.calls.putPendingRecording(provider.id, event.externalId, event.recordingUrl);
            m_ctx.calls.logEvent(provider.id, 0, event.externalId, kindName(event.kind), payload);
            return 0;
        }
        CallRow row = found ? *found : draft(provider, event, events);
        if (row.call.from.isEmpty() && row.call.to.isEmpty())
            identify(row, event, events); // the first events named no numbers
        const CallTransition t
            = CallStateMachine::apply(row, resolve(row, event), QDateTime::currentDateTimeUtc());
        if (!found)
            m_ctx.calls.insert(row); // once, as it stands after its first event
        else if (t.changed)
            m_ctx.calls.save(row);
        const qint64 record = row.recordCommentId;
        announce(row, t, events);
        if (row.recordCommentId != record)
            m_ctx.calls.save(row);
        m_ctx.calls.logEvent(
            provider.id, row.call.id, event.externalId, kindName(event.kind), payload);
        return row.call.id;
    });
}

CallRow CallService::draft(const Provider &provider, const CallEvent &event, EventBatch &events)
{
    CallRow row;
    row.call.providerId = provider.id;
    row.call.externalId = event.externalId;
    row.call.direction = event.direction.value_or(Call::Direction::In);
    row.call.state = Call::State::Ringing;
    row.call.startedAt = QDateTime::currentDateTimeUtc();
    identify(row, event, events);
    row.call.recordingUrl = m_ctx.calls.takePendingRecording(provider.id, event.externalId);
    return row;
}

// Numbers, line and contact of a call, from the first event that names them.
void CallService::identify(CallRow &row, const CallEvent &event, EventBatch &events)
{
    Call &c = row.call;
    const bool in = c.direction == Call::Direction::In;
    const QString ours = !event.lineNumber.isEmpty() || in ? event.lineNumber : event.extension;
    c.from = in ? event.remoteNumber : ours;
    c.to = in ? ours : event.remoteNumber;
    // A trunk sends national numbers of its own country: they are read in the line's region.
    QString region;
    if (const auto line = m_ctx.lines.findByNumber(event.lineNumber)) {
        c.lineId = line->id;
        region = line->region;
        row.line = line;
    }
    const PhoneNumber remote = PhoneNumber::parse(event.remoteNumber, region);
    row.remoteKey
        = remote.isPossible() ? remote.matchTailKey() : PhoneNumber::digitsOnly(remote.raw());
    if (!remote.isPossible() || remote.isWithheld())
        return; // a withheld or internal number is nobody's card
    const QList<Person> candidates = m_ctx.people.lookupPhone(remote);
    row.callers = candidates;
    if (!candidates.isEmpty()) {
        // Several contacts may share the number: the window lists them all to pick from.
        c.contactId = candidates.first().id;
        row.contactName = candidates.first().name;
    } else if (m_ctx.settings.get().createUnknownCallers && remote.isValid()) {
        // Only a valid number makes a new contact: one the API would refuse is no card's.
        Person draft;
        draft.name = remote.international();
        draft.phones.append({remote.canonical(), QString()});
        const Person created = m_ctx.people.createContact(draft);
        c.contactId = created.id;
        row.contactName = created.name;
        row.callers = QList<Person> {created};
        events.add(
            EventType::ContactUpdated, created.toJson(), EventAudience::employeesAnd(created.id));
        qCInfo(lcTelephony) << "created contact" << created.id << "for an unknown caller";
    }
}

ResolvedEvent CallService::resolve(const CallRow &row, const CallEvent &event)
{
    ResolvedEvent r;
    r.event = event;
    CallRouting routing(m_ctx.db);
    if (event.kind == CallEvent::Kind::Ring) {
        auto addLeg = [&r](qint64 person, const QString &extension) {
            for (const CallLeg &leg : r.legs)
                if (leg.personId == person)
                    return;
            r.legs.append({person, extension, CallLeg::State::Ringing});
        };
        if (const qint64 person = routing.byExtension(event.extension))
            addLeg(person, event.extension);
        for (const QString &user : event.users)
            if (!CallRouting::isVoicemail(user))
                if (const qint64 person = routing.byAgent(user))
                    addLeg(person, user);
        if (r.legs.isEmpty() && row.legs.isEmpty()) {
            // The PBX names nobody we know: a shared handset, or whoever should answer.
            std::optional<Line> line;
            if (row.call.lineId)
                line = row.line && row.line->id == row.call.lineId
                    ? row.line
                    : m_ctx.lines.get(row.call.lineId);
            for (qint64 person : routing.fallback(line, row.call.contactId))
                addLeg(person, event.extension);
        }
        return r;
    }
    QStringList named = event.users;
    if (!event.extension.isEmpty())
        named.prepend(event.extension);
    for (const QString &who : named) {
        if (CallRouting::isVoicemail(who)) {
            r.voicemail = event.kind == CallEvent::Kind::Answer;
            break;
        }
        if ((r.personId = routing.byAgent(who)))
            break;
    }
    return r;
}

static EventAudience targetsOf(const CallRow &row)
{
    QList<qint64> ids = row.targetIds();
    if (row.call.answeredById && !ids.contains(row.call.answeredById))
        ids.append(row.call.answeredById);
    return ids.isEmpty() ? EventAudience::employees() : EventAudience::people(ids);
}

void CallService::announce(CallRow &row, const CallTransition &t, EventBatch &events)
{
    CallPayload payload(m_ctx);
    // The call's own events first, then what happened to its record.
    EventBatch recordEvents;
    CallRecorder recorder(m_ctx, recordEvents);
    if (!t.ringing.isEmpty())
        events.add(EventType::CallRinging, payload.card(row), EventAudience::people(t.ringing));
    if (t.answered)
        events.add(
            EventType::CallAnswered, {{QStringLiteral("call"), payload.call(row)}}, targetsOf(row));
    if (t.terminalNow()) {
        recorder.land(row);
        events.add(t.missed ? EventType::CallMissed : EventType::CallEnded,
            {{QStringLiteral("call"), payload.call(row)}}, targetsOf(row));
    }
    if (t.answeredLate)
        recorder.relandAnswered(row); // where an answered call's record goes
    if (t.recordingAdded || t.answererLearned || t.answeredLate) {
        recorder.refresh(row);
        announceUpdate(row, events);
    }
    // Someone got through to that number: the missed calls from it are done.
    if (t.answered || t.answeredLate || (t.ended && row.call.answeredAt.isValid())) {
        for (qint64 id : m_ctx.calls.closeMissedFrom(row.remoteKey, row.call.id))
            if (const auto handled = m_ctx.calls.get(id))
                announceUpdate(*handled, events);
    }
    events.append(recordEvents);
}

void CallService::announceUpdate(const CallRow &row, EventBatch &events)
{
    events.add(EventType::CallUpdated, {{QStringLiteral("call"), CallPayload(m_ctx).call(row)}},
        EventAudience::employees());
}

CallService::Caller CallService::lookupCaller(const QString &phone)
{
    const QList<Person> found = m_ctx.people.lookupPhone(phone);
    if (found.isEmpty())
        return {};
    return {found.first().name, CallRouting(m_ctx.db).responsibleExtension(found.first().id)};
}

CallRow CallService::load(qint64 callId)
{
    const auto row = m_ctx.calls.get(callId);
    if (!row)
        throw ApiError::notFound(QStringLiteral("call"));
    return *row;
}

CallRow CallService::change(qint64 callId, const std::function<void(CallRow &, EventBatch &)> &edit)
{
    return EventBatch::change(m_ctx.db, m_ctx.events, [&](EventBatch &events) {
        CallRow row = load(callId);
        edit(row, events);
        return row;
    });
}

void CallService::finish(CallRow &row, const CallTransition &t, EventBatch &events)
{
    m_ctx.calls.save(row);
    const qint64 record = row.recordCommentId;
    announce(row, t, events); // the record lands as for a call its PBX ended
    if (row.recordCommentId != record)
        m_ctx.calls.save(row);
}

int CallService::expireSilentRinging(const QDateTime &now, int silenceSeconds)
{
    const QList<qint64> stale = m_ctx.calls.silentRinging(now.addSecs(-silenceSeconds));
    for (qint64 id : stale) {
        change(id, [&](CallRow &row, EventBatch &events) {
            const CallTransition t = CallStateMachine::expire(row, now);
            if (!t.changed)
                return;
            finish(row, t, events);
            qCInfo(lcTelephony) << "call" << row.call.id << "rang" << silenceSeconds
                                << "s with no word from its PBX: ended unanswered";
        });
    }
    return int(stale.size());
}

int CallService::expireLongAnswered(const QDateTime &now, int maxDurationSeconds)
{
    const QList<qint64> stale = m_ctx.calls.answeredBefore(now.addSecs(-maxDurationSeconds));
    for (qint64 id : stale) {
        change(id, [&](CallRow &row, EventBatch &events) {
            const CallTransition t = CallStateMachine::expireAnswered(row, now);
            if (!t.changed)
                return;
            finish(row, t, events);
            qCInfo(lcTelephony) << "call" << row.call.id << "answered over" << maxDurationSeconds
                                << "s ago and never hung up: ended, reason timeout";
        });
    }
    return int(stale.size());
}

CallRow CallService::endByHand(qint64 callId, qint64 personId)
{
    return change(callId, [&](CallRow &row, EventBatch &events) {
        if (row.isTerminal())
            throw ApiError::conflict(QStringLiteral("the call is over"));
        const CallTransition t
            = CallStateMachine::endByHand(row, personId, QDateTime::currentDateTimeUtc());
        finish(row, t, events);
        qCInfo(lcTelephony) << "call" << row.call.id << "marked as ended by person" << personId;
    });
}

CallRow CallService::take(qint64 callId, qint64 personId)
{
    return change(callId, [&](CallRow &row, EventBatch &events) {
        if (row.call.state == Call::State::Ringing)
            throw ApiError::conflict(QStringLiteral("the call is not answered yet"));
        if (row.isTerminal())
            throw ApiError::conflict(QStringLiteral("the call is over"));
        const CallTransition t = CallStateMachine::take(row, personId);
        if (t.changed) {
            m_ctx.calls.save(row);
            announce(row, t, events);
        }
    });
}

CallRow CallService::attachToTask(qint64 callId, qint64 taskId)
{
    return change(callId, [&](CallRow &row, EventBatch &events) {
        if (row.attachTaskId == taskId)
            return;
        CallRecorder(m_ctx, events).attachToTask(row, taskId);
        m_ctx.calls.save(row);
        announceUpdate(row, events);
    });
}

CallRow CallService::attachToComment(qint64 callId, qint64 commentId)
{
    return change(callId, [&](CallRow &row, EventBatch &events) {
        const qint64 linked = m_ctx.comments.callOf(commentId);
        if (linked && linked != callId)
            throw ApiError::conflict(
                QStringLiteral("comment %1 already carries call %2").arg(commentId).arg(linked));
        if (row.attachCommentId == commentId)
            return;
        CallRecorder(m_ctx, events).attachToComment(row, commentId);
        m_ctx.calls.save(row);
        announceUpdate(row, events);
    });
}

CallRow CallService::chooseContact(qint64 callId, qint64 contactId)
{
    return change(callId, [&](CallRow &row, EventBatch &events) {
        if (row.call.contactId == contactId)
            return;
        row.call.contactId = contactId;
        row.contactName = m_ctx.people.get(contactId)->name;
        m_ctx.calls.save(row);
        // A record on the wrong card moves to the right one, and names the right person.
        if (row.recordCommentId && row.recordCommentId != row.attachCommentId) {
            const auto record = m_ctx.comments.get(row.recordCommentId);
            if (record && record->contactId)
                m_ctx.comments.move(record->id, 0, contactId);
            CallRecorder(m_ctx, events).refresh(row);
        }
        announceUpdate(row, events);
    });
}

CallRow CallService::markHandled(qint64 callId, bool handled)
{
    return change(callId, [&](CallRow &row, EventBatch &events) {
        if (row.call.state != Call::State::Missed)
            throw ApiError::conflict(QStringLiteral("only a missed call is handled"));
        if (row.handled == handled)
            return;
        row.handled = handled;
        m_ctx.calls.setHandled(callId, handled);
        announceUpdate(row, events);
    });
}

} // namespace linecard::server
