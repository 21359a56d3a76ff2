#pragma once

#include "eventtype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace linecard::protocol {

// The body of every error the server answers, over HTTP and on the event stream:
// {"error": {"code", "message", "field"?}}.
QJsonObject errorBody(const QString &code, const QString &message, const QString &field = {});

// One message of the event stream (GET /api/v1/events), server to client:
//   {"type": "hello", "seq": N, "data": {"userId": id}}   on connecting: the log stands at N
//   {"type": "resync", "seq": N}                          what was missed cannot be replayed
//   {"seq": N, "type": "<event name>", "data": {...}}     an event (EventType)
//   {"error": {"code", "message"}}                        just before a close (CloseCode)
// The server writes them and the client reads them only through this.
struct StreamMessage
{
    enum class Kind
    {
        Hello,
        Resync,
        Event,
        Error
    };

    Kind kind = Kind::Event;
    qint64 seq = 0;
    QString type; // the wire name of an event (also of one this build does not know)
    QJsonObject data;
    QString errorCode;

    std::optional<EventType> eventType() const { return eventTypeFromName(type); }

    static QByteArray hello(qint64 seq, qint64 userId);
    static QByteArray resync(qint64 seq);
    static QByteArray event(qint64 seq, const QString &type, const QJsonObject &data);
    static QByteArray error(const QString &code, const QString &message);

    // nullopt for what is not a JSON object.
    static std::optional<StreamMessage> parse(const QByteArray &text);
};

} // namespace linecard::protocol
