#include "callrow.h"

namespace linecard::server {

QString CallLeg::stateName(State s)
{
    switch (s) {
    case State::Ringing:
        return QStringLiteral("ringing");
    case State::Answered:
        return QStringLiteral("answered");
    case State::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

CallLeg::State CallLeg::stateFromName(const QString &name)
{
    if (name == QLatin1String("answered"))
        return State::Answered;
    if (name == QLatin1String("closed"))
        return State::Closed;
    return State::Ringing;
}

CallLeg *CallRow::leg(qint64 personId)
{
    for (CallLeg &l : legs)
        if (l.personId == personId)
            return &l;
    return nullptr;
}

QList<qint64> CallRow::targetIds() const
{
    QList<qint64> ids;
    for (const CallLeg &l : legs)
        ids.append(l.personId);
    return ids;
}

} // namespace linecard::server
