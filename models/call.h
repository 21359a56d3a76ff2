#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace linecard {

// A phone call as the PBX reported it (telephony arrives with its own issue; the type
// is shared now so that comments can carry a call record).
struct Call
{
    enum class Direction
    {
        In,
        Out
    };
    enum class State
    {
        Ringing,
        Answered,
        Ended,
        Missed
    };

    qint64 id = 0;
    qint64 providerId = 0;
    QString externalId;
    Direction direction = Direction::In;
    State state = State::Ringing;
    QString from;
    QString to;
    qint64 lineId = 0;
    qint64 contactId = 0;
    qint64 answeredById = 0;
    QDateTime startedAt;
    QDateTime answeredAt;
    QDateTime endedAt;
    int duration = 0; // seconds
    QString recordingUrl;
    QString endReason;
    QString queue; // the PBX queue the call came through (Zammad's "queue")
    qint64 endedById = 0; // the operator who marked a stuck call as ended
    // The name of the line the call came in on, once an administrator deleted that line
    // (lineId is 0 then); empty while the line exists or when there was none.
    QString deletedLineName;

    bool lineDeleted() const { return !deletedLineName.isEmpty(); }

    QJsonObject toJson() const;
    static std::optional<Call> fromJson(const QJsonObject &json, QString *error = nullptr);

    static QString directionName(Direction d);
    static QString stateName(State s);
    static std::optional<Direction> directionFromName(const QString &name);
    static std::optional<State> stateFromName(const QString &name);
};

} // namespace linecard
