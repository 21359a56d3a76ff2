#include "callcenter.h"

#include "eventrouter.h"
#include "eventstream.h"
#include "restclient.h"
#include "session.h"

#include "models/phonenumber.h"
#include "protocol/jsonid.h"

#include <QJsonArray>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace linecard::client {

using protocol::idOf;

CallCenter::CallCenter(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    EventRouter *router = session->router();
    connect(router, &EventRouter::callEvent, this, &CallCenter::onCallEvent);
    connect(router, &EventRouter::dialFailed, this, &CallCenter::onDialFailed);
    connect(router, &EventRouter::contactMerged, this, &CallCenter::followMerge);
    connect(router, &EventRouter::lineUpdated, this, [this](const QJsonObject &data) {
        if (const auto line = Line::fromJson(data)) {
            m_lines.insert(line->id, *line);
            refreshCallsOn(line->id);
        }
    });
    connect(router, &EventRouter::lineDeleted, this, &CallCenter::markLineDeleted);
    connect(session->events(), &EventStream::resyncNeeded, this, &CallCenter::reload);
    connect(session->events(), &EventStream::streamStarted, this, &CallCenter::onStreamStarted);
    connect(session->events(), &EventStream::stateChanged, this, [this](EventStream::State state) {
        // No hello coming soon (the stream failed and retries): show what the server has now,
        // the hello reloads later. Not on Disconnected: the stream stops with its session.
        if (m_waitingForStream && state == EventStream::State::Reconnecting)
            load();
    });
}

void CallCenter::reload()
{
    // A list read before the stream's first hello may miss a call that rings in between, so
    // it would be read again at the hello: with the stream about to start, read once, then.
    const EventStream *events = m_session->events();
    const bool streamStarting = events->lastSeq() < 0
        && (events->state() == EventStream::State::Connecting
            || events->state() == EventStream::State::Connected);
    if (!streamStarting) {
        load();
        return;
    }
    m_waitingForStream = true;
    QTimer::singleShot(StreamWaitMs, this, [this] {
        if (m_waitingForStream) // a stream that connects but says nothing
            load();
    });
}

void CallCenter::onStreamStarted()
{
    // Lists read before the hello may have missed a call that rang in between.
    if (m_waitingForStream || m_loadedBeforeStream)
        load();
}

void CallCenter::load()
{
    m_waitingForStream = false;
    m_loadedBeforeStream = m_session->events()->lastSeq() < 0;
    delete m_loading; // answers of an earlier reload must not land after these
    m_loading = new QObject(this);
    m_pending = 0;
    m_freshness.clear(); // what the lists bring is the truth again
    m_nextCursors = {};
    m_loadingMore = {};
    loadLines();
    loadList(List::History);
    loadList(List::Missed);
    loadList(List::Active);
}

void CallCenter::loadLines()
{
    ++m_pending;
    m_session->rest()->get(
        QStringLiteral("/api/v1/lines"), m_loading,
        [this](const QJsonObject &json) {
            m_lines.clear();
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                if (const auto line = Line::fromJson(v.toObject()))
                    m_lines.insert(line->id, *line);
            if (--m_pending == 0) {
                m_loaded = true;
                emit loaded();
            }
        },
        [this](const ApiFailure &) {
            if (--m_pending == 0)
                emit loaded();
        });
}

static QString stateOf(CallCenter::List list)
{
    switch (list) {
    case CallCenter::List::Active:
        return QStringLiteral("active");
    case CallCenter::List::Missed:
        return QStringLiteral("missed");
    case CallCenter::List::History:
        break;
    }
    return QStringLiteral("all");
}

void CallCenter::loadList(List list, const QString &cursor)
{
    const bool firstPage = cursor.isEmpty();
    if (firstPage)
        ++m_pending;
    else
        m_loadingMore.at(size_t(list)) = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("state"), stateOf(list));
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!firstPage)
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    m_session->rest()->request(
        "GET", QStringLiteral("/api/v1/calls?") + query.toString(QUrl::FullyEncoded), {}, m_loading,
        [this, list, firstPage](const QJsonObject &json, qint64 eventSeq) {
            QSet<qint64> listed;
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                if (const qint64 id = upsertAnswer(v.toObject(), eventSeq))
                    listed.insert(id);
            m_nextCursors.at(size_t(list)) = json.value(QStringLiteral("nextCursor")).toString();
            m_loadingMore.at(size_t(list)) = false;
            if (list == List::Active && firstPage) {
                refreshStale(listed);
                popUpRingingForMe(listed);
            }
            emit listsChanged();
            if (firstPage && --m_pending == 0) {
                m_loaded = true;
                emit loaded();
            }
        },
        [this, list, firstPage](const ApiFailure &) {
            m_loadingMore.at(size_t(list)) = false; // a later loadMore tries again
            if (firstPage && --m_pending == 0)
                emit loaded();
        });
}

bool CallCenter::canLoadMore(List list) const
{
    return !m_nextCursors.at(size_t(list)).isEmpty();
}

void CallCenter::loadMore(List list)
{
    if (canLoadMore(list) && !m_loadingMore.at(size_t(list)))
        loadList(list, m_nextCursors.at(size_t(list)));
}

// A call we hold as live that the server no longer lists as active ended while we were away.
void CallCenter::refreshStale(const QSet<qint64> &listed)
{
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it) {
        if (!it->isLive() || listed.contains(it.key()))
            continue;
        m_session->rest()->request("GET", QStringLiteral("/api/v1/calls/%1").arg(it.key()), {},
            m_loading, [this](const QJsonObject &json, qint64 eventSeq) {
                if (const qint64 id = upsertAnswer(json, eventSeq)) {
                    checkColleague(id);
                    emit callChanged(id);
                    emit listsChanged();
                }
            });
    }
}

void CallCenter::popUpRingingForMe(const QSet<qint64> &listed)
{
    const qint64 me = m_session->me().id;
    for (const qint64 id : listed) {
        const CallInfo &info = m_calls[id];
        if (info.call.state != Call::State::Ringing || info.hasCard || !info.targetIds.contains(me)
            || m_closedForMe.contains(id) || m_cardsOnTheWay.contains(id))
            continue;
        m_cardsOnTheWay.insert(id);
        m_session->rest()->request(
            "GET", QStringLiteral("/api/v1/calls/%1/card").arg(id), {}, this,
            [this, id](const QJsonObject &json, qint64 eventSeq) {
                m_cardsOnTheWay.remove(id);
                // Its ringing event may have come meanwhile: that one popped it up already.
                if (!upsertAnswer(json.value(QStringLiteral("call")).toObject(), eventSeq)
                    || m_calls[id].hasCard || m_calls[id].call.state != Call::State::Ringing)
                    return;
                m_calls[id].setCard(json);
                emit callChanged(id);
                emit listsChanged();
                emit callRinging(id);
            },
            [this, id](const ApiFailure &) { m_cardsOnTheWay.remove(id); });
    }
}

qint64 CallCenter::upsert(const QJsonObject &json)
{
    auto info = CallInfo::fromJson(json);
    if (!info)
        return 0; // malformed items are skipped, never shown half-read
    const qint64 id = info->call.id;
    const auto known = m_calls.constFind(id);
    if (known != m_calls.cend() && known->hasCard) {
        info->hasCard = true;
        info->contact = known->contact;
        info->tasks = known->tasks;
        info->candidates = known->candidates;
        info->line = known->line;
        // The operator picked another of the contacts sharing the number.
        if (info->call.contactId != known->call.contactId) {
            info->contact = {};
            for (const Person &p : std::as_const(info->candidates))
                if (p.id == info->call.contactId)
                    info->contact = p.toJson();
        }
    }
    m_calls.insert(id, *info);
    return id;
}

qint64 CallCenter::upsertAnswer(const QJsonObject &json, qint64 eventSeq)
{
    const qint64 id = protocol::idOf(json);
    if (!m_freshness.admitAnswer(id, eventSeq) && m_calls.contains(id))
        return id; // an event after this answer's data changed the call: that stands
    return upsert(json);
}

void CallCenter::onDialFailed(const QString &phone, const QString &error)
{
    if (m_ringingFirst.remove(dialKey(phone)))
        emit dialSettled(phone);
    emit dialFailed(phone, tr("The PBX could not place the call: %1").arg(error));
}

void CallCenter::onCallEvent(protocol::EventType type, const QJsonObject &data)
{
    const qint64 id = upsert(data.value(QStringLiteral("call")).toObject());
    if (!id)
        return;
    m_freshness.eventApplied(id, m_session->events()->lastSeq()); // the one being routed
    if (const CallInfo &info = m_calls[id]; info.call.direction == Call::Direction::Out
        && !m_ringingFirst.isEmpty() && m_ringingFirst.remove(dialKey(info.remoteNumber())))
        emit dialSettled(info.remoteNumber());
    if (type == protocol::EventType::CallRinging) {
        m_calls[id].setCard(data);
        m_closedForMe.remove(id);
        emit callChanged(id);
        emit listsChanged();
        emit callRinging(id);
        return;
    }
    emit callChanged(id);
    emit listsChanged();
    checkColleague(id);
}

// Answered by someone else while it rang for me (not a take of mine, not a shared handset).
void CallCenter::checkColleague(qint64 callId)
{
    const CallInfo &info = m_calls[callId];
    const qint64 me = m_session->me().id;
    const qint64 answerer = info.call.answeredById;
    if (!answerer || answerer == me || m_closedForMe.contains(callId))
        return;
    if (!info.hasCard && !info.targetIds.contains(me))
        return;
    m_closedForMe.insert(callId);
    emit callTakenByColleague(callId);
}

QList<qint64> CallCenter::activeCalls() const
{
    QList<qint64> ids;
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it)
        if (it->isLive())
            ids.append(it.key());
    std::sort(ids.begin(), ids.end(), std::greater<>());
    return ids;
}

QList<qint64> CallCenter::missedCalls() const
{
    QList<qint64> ids;
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it)
        if (it->call.state == Call::State::Missed && !it->handled)
            ids.append(it.key());
    std::sort(ids.begin(), ids.end(), std::greater<>());
    return ids;
}

QList<qint64> CallCenter::history() const
{
    QList<qint64> ids = m_calls.keys();
    std::sort(ids.begin(), ids.end(), std::greater<>());
    return ids;
}

QList<qint64> CallCenter::calls(List list) const
{
    switch (list) {
    case List::Active:
        return activeCalls();
    case List::Missed:
        return missedCalls();
    case List::History:
        break;
    }
    return history();
}

int CallCenter::ringingCount() const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(),
        [](const CallInfo &c) { return c.call.state == Call::State::Ringing; }));
}

std::optional<Line> CallCenter::lineOf(const CallInfo &info) const
{
    // A deleted line: its name marked as deleted, without its colour (a neutral one instead).
    if (info.call.lineDeleted()) {
        Line deleted;
        deleted.name = tr("%1 (deleted)", "a deleted phone line").arg(info.call.deletedLineName);
        return deleted;
    }
    // The line as it is now (an administrator may have renamed or recoloured it since the
    // call rang), else as the call's card named it.
    if (info.call.lineId && m_lines.contains(info.call.lineId))
        return m_lines.value(info.call.lineId);
    return info.line;
}

void CallCenter::markLineDeleted(qint64 lineId, const QString &name)
{
    // As the server now has them: off the line, keeping its name.
    m_lines.remove(lineId);
    for (auto it = m_calls.begin(); it != m_calls.end(); ++it) {
        if (it->call.lineId != lineId)
            continue;
        it->call.lineId = 0;
        it->call.deletedLineName = name;
        it->line.reset();
        emit callChanged(it.key());
    }
}

void CallCenter::refreshCallsOn(qint64 lineId)
{
    for (auto it = m_calls.cbegin(); it != m_calls.cend(); ++it)
        if (it->call.lineId == lineId)
            emit callChanged(it.key());
}

void CallCenter::act(qint64 callId, Action action, const QString &path, const QJsonObject &body)
{
    m_session->rest()->request(
        "POST", QStringLiteral("/api/v1/calls/%1/%2").arg(callId).arg(path), body, this,
        [this, callId, action](const QJsonObject &json, qint64 eventSeq) {
            // take answers with the whole card, the others with the call.
            const bool card = json.contains(QStringLiteral("call"));
            const qint64 id = upsertAnswer(
                card ? json.value(QStringLiteral("call")).toObject() : json, eventSeq);
            if (id && card)
                m_calls[id].setCard(json);
            if (id) {
                emit callChanged(id);
                emit listsChanged();
            }
            emit actionSucceeded(callId, action);
            if (id && action == Action::Take)
                emit callTaken(id);
        },
        [this, callId, action](const ApiFailure &failure) {
            QString what;
            switch (action) {
            case Action::AttachTask:
            case Action::AttachComment:
                what = tr("The call could not be attached: %1");
                break;
            case Action::ChooseContact:
                what = tr("The caller could not be changed: %1");
                break;
            case Action::Take:
                what = tr("The call could not be taken: %1");
                break;
            case Action::Handled:
                what = tr("The missed call could not be marked handled: %1");
                break;
            case Action::End:
                what = tr("The call could not be marked as ended: %1");
                break;
            }
            emit actionFailed(callId, action, what.arg(failure.describe()));
        });
}

void CallCenter::attachToTask(qint64 callId, qint64 taskId)
{
    act(callId, Action::AttachTask, QStringLiteral("attach"), {{QStringLiteral("taskId"), taskId}});
}

void CallCenter::attachToComment(qint64 callId, qint64 commentId)
{
    act(callId, Action::AttachComment, QStringLiteral("attach"),
        {{QStringLiteral("commentId"), commentId}});
}

void CallCenter::chooseContact(qint64 callId, qint64 contactId)
{
    act(callId, Action::ChooseContact, QStringLiteral("attach"),
        {{QStringLiteral("contactId"), contactId}});
}

void CallCenter::take(qint64 callId)
{
    act(callId, Action::Take, QStringLiteral("take"), {});
}

void CallCenter::markHandled(qint64 callId)
{
    act(callId, Action::Handled, QStringLiteral("handled"), {{QStringLiteral("handled"), true}});
}

void CallCenter::markEnded(qint64 callId)
{
    act(callId, Action::End, QStringLiteral("end"), {});
}

// The caller's card was merged: its calls are the survivor's now, and the windows, the
// Calls area and the tray say the survivor's name.
void CallCenter::followMerge(const QJsonObject &data)
{
    const qint64 survivor = idOf(data.value(QStringLiteral("survivorId")));
    const QJsonObject contact = data.value(QStringLiteral("contact")).toObject();
    QSet<qint64> merged {survivor};
    for (const QJsonValue &id : data.value(QStringLiteral("mergedIds")).toArray())
        merged.insert(idOf(id));
    QList<qint64> changed;
    for (auto it = m_calls.begin(); it != m_calls.end(); ++it) {
        CallInfo &info = it.value();
        if (!info.call.contactId || !merged.contains(info.call.contactId))
            continue;
        info.call.contactId = survivor;
        info.contactName = contact.value(QStringLiteral("name")).toString();
        if (info.hasCard)
            info.contact = contact;
        changed << it.key();
    }
    for (qint64 id : std::as_const(changed))
        emit callChanged(id);
    if (!changed.isEmpty())
        emit listsChanged();
}

// One key for one number however it is written ("8 (916)…" and "+7 916…" alike).
QString CallCenter::dialKey(const QString &phone)
{
    const PhoneNumber number = PhoneNumber::parse(phone);
    return number.isValid() ? number.e164() : PhoneNumber::digitsOnly(phone);
}

bool CallCenter::isDialling(const QString &phone) const
{
    return m_dialling.contains(dialKey(phone));
}

bool CallCenter::dial(const QString &phone, qint64 lineId)
{
    const QString number = phone.trimmed();
    const QString key = dialKey(number);
    if (key.size() < 2) {
        emit dialFailed(number, tr("“%1” is not a number to call.").arg(number));
        return false;
    }
    if (m_dialling.contains(key))
        return false; // the repeated click of an impatient operator
    m_dialling.insert(key);
    emit diallingChanged(number, true);
    QJsonObject body {{QStringLiteral("phone"), number}};
    if (lineId)
        body.insert(QStringLiteral("lineId"), lineId);
    m_session->rest()->post(
        QStringLiteral("/api/v1/calls/dial"), body, this,
        [this, number, key](const QJsonObject &) {
            m_dialling.remove(key);
            m_ringingFirst.insert(key);
            emit diallingChanged(number, false);
            emit dialStarted(number);
        },
        [this, number, key](const ApiFailure &failure) {
            m_dialling.remove(key);
            emit diallingChanged(number, false);
            emit dialFailed(number, tr("The call could not start: %1").arg(failure.describe()));
        });
    return true;
}

} // namespace linecard::client
