#pragma once

#include "models/call.h"
#include "models/line.h"
#include "models/person.h"

#include <optional>

#include <QList>
#include <QString>

namespace linecard::server {

// One extension a call rings: its window is open while the leg rings.
struct CallLeg
{
    enum class State
    {
        Ringing,
        Answered,
        Closed
    };

    qint64 personId = 0;
    QString extension;
    State state = State::Ringing;

    static QString stateName(State s);
    static State stateFromName(const QString &name);
};

// A call as stored: the shared Call plus what only the server keeps about it.
struct CallRow
{
    Call call;
    QString contactName; // resolved when the call came in, kept for the history
    QString remoteKey; // the other party's number key (PhoneNumber::tailKey or raw digits)
    qint64 attachTaskId = 0;
    qint64 attachCommentId = 0;
    qint64 recordCommentId = 0;
    bool handled = false;
    QList<CallLeg> legs; // in the order they rang
    // Who had the number when this request identified the caller (not stored): the card
    // needs them in the same request, and a second lookup was a tenth of a screen-pop.
    std::optional<QList<Person>> callers;
    // Its line as this request found it (not stored), for the same reason.
    std::optional<Line> line;

    bool isTerminal() const
    {
        return call.state == Call::State::Ended || call.state == Call::State::Missed;
    }
    CallLeg *leg(qint64 personId);
    QList<qint64> targetIds() const;
};

} // namespace linecard::server
