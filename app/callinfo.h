#pragma once

#include "models/call.h"
#include "models/line.h"
#include "models/person.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace linecard::client {

// A call as the client knows it: the server's call JSON with the name resolved when it
// rang and where its record goes, plus, once a ringing or take answer brought it, the card
// (contact, its active tasks, every contact sharing the number, the line with its colour).
struct CallInfo
{
    Call call;
    QString contactName;
    QList<qint64> targetIds;
    bool handled = false;
    qint64 recordCommentId = 0;
    qint64 attachTaskId = 0;
    qint64 attachCommentId = 0;

    bool hasCard = false;
    QJsonObject contact; // a Person, empty when the caller is nobody's card
    QJsonArray tasks;
    QList<Person> candidates;
    std::optional<Line> line;

    bool isLive() const
    {
        return call.state == Call::State::Ringing || call.state == Call::State::Answered;
    }
    bool isOver() const { return !isLive(); }
    // The number at the other end: the caller of an incoming call, the callee of an outgoing one.
    QString remoteNumber() const
    {
        return call.direction == Call::Direction::In ? call.from : call.to;
    }
    // Our end: the dialled line's number.
    QString ourNumber() const
    {
        return call.direction == Call::Direction::In ? call.to : call.from;
    }

    // The call JSON ({id, state, …, contactName, targetIds, handled, …}).
    static std::optional<CallInfo> fromJson(const QJsonObject &json, QString *error = nullptr);
    // Takes the card of a ringing/take payload ({call, contact, tasks, candidates, line}).
    void setCard(const QJsonObject &payload);
};

} // namespace linecard::client
