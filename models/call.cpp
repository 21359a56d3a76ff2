#include "call.h"

#include "jsonread.h"

namespace linecard {

QString Call::directionName(Direction d)
{
    return d == Direction::In ? QStringLiteral("in") : QStringLiteral("out");
}

QString Call::stateName(State s)
{
    switch (s) {
    case State::Ringing:
        return QStringLiteral("ringing");
    case State::Answered:
        return QStringLiteral("answered");
    case State::Ended:
        return QStringLiteral("ended");
    case State::Missed:
        return QStringLiteral("missed");
    }
    return {};
}

std::optional<Call::Direction> Call::directionFromName(const QString &name)
{
    for (Direction d : {Direction::In, Direction::Out})
        if (directionName(d) == name)
            return d;
    return std::nullopt;
}

std::optional<Call::State> Call::stateFromName(const QString &name)
{
    for (State s : {State::Ringing, State::Answered, State::Ended, State::Missed})
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

static QJsonValue optionalId(qint64 id)
{
    return id ? QJsonValue(id) : QJsonValue();
}

static QJsonValue optionalTime(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(isoTime(t)) : QJsonValue();
}

QJsonObject Call::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("providerId"), optionalId(providerId)},
        {QStringLiteral("externalId"), externalId},
        {QStringLiteral("direction"), directionName(direction)},
        {QStringLiteral("state"), stateName(state)},
        {QStringLiteral("from"), from},
        {QStringLiteral("to"), to},
        {QStringLiteral("lineId"), optionalId(lineId)},
        {QStringLiteral("contactId"), optionalId(contactId)},
        {QStringLiteral("answeredById"), optionalId(answeredById)},
        {QStringLiteral("startedAt"), optionalTime(startedAt)},
        {QStringLiteral("answeredAt"), optionalTime(answeredAt)},
        {QStringLiteral("endedAt"), optionalTime(endedAt)},
        {QStringLiteral("duration"), duration},
        {QStringLiteral("recordingUrl"),
            recordingUrl.isEmpty() ? QJsonValue() : QJsonValue(recordingUrl)},
        {QStringLiteral("endReason"), endReason.isEmpty() ? QJsonValue() : QJsonValue(endReason)},
        {QStringLiteral("queue"), queue.isEmpty() ? QJsonValue() : QJsonValue(queue)},
        {QStringLiteral("endedById"), optionalId(endedById)},
        {QStringLiteral("lineDeleted"), lineDeleted()},
        {QStringLiteral("lineName"), lineDeleted() ? QJsonValue(deletedLineName) : QJsonValue()},
    };
}

std::optional<Call> Call::fromJson(const QJsonObject &json, QString *error)
{
    JsonRead r(json);
    Call c;
    c.id = r.requiredId(QStringLiteral("id"));
    c.providerId = r.id(QStringLiteral("providerId"));
    c.externalId = r.string(QStringLiteral("externalId"));
    const auto direction
        = directionFromName(r.string(QStringLiteral("direction"), QStringLiteral("in")));
    const auto state = stateFromName(r.string(QStringLiteral("state"), QStringLiteral("ringing")));
    if (r.ok() && !direction)
        r.fail(QStringLiteral("direction"), QStringLiteral("'direction' must be in or out"));
    if (r.ok() && !state)
        r.fail(QStringLiteral("state"), QStringLiteral("'state' is not a call state"));
    c.direction = direction.value_or(Direction::In);
    c.state = state.value_or(State::Ringing);
    c.from = r.string(QStringLiteral("from"));
    c.to = r.string(QStringLiteral("to"));
    c.lineId = r.id(QStringLiteral("lineId"));
    c.contactId = r.id(QStringLiteral("contactId"));
    c.answeredById = r.id(QStringLiteral("answeredById"));
    c.startedAt = r.time(QStringLiteral("startedAt"));
    c.answeredAt = r.time(QStringLiteral("answeredAt"));
    c.endedAt = r.time(QStringLiteral("endedAt"));
    c.duration = int(r.integer(QStringLiteral("duration")));
    c.recordingUrl = r.string(QStringLiteral("recordingUrl"));
    c.endReason = r.string(QStringLiteral("endReason"));
    c.queue = r.string(QStringLiteral("queue"));
    c.endedById = r.id(QStringLiteral("endedById"));
    if (r.boolean(QStringLiteral("lineDeleted")))
        c.deletedLineName = r.string(QStringLiteral("lineName"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return c;
}

} // namespace linecard
