#include "zammadadapter.h"

#include "../http/apierror.h"

namespace linecard::server {

CallEvent::Outcome ZammadAdapter::outcome(const QString &cause)
{
    using O = CallEvent::Outcome;
    // Zammad counts a call as answered only after an answer event: a normalClearing hangup
    // of a call still ringing is a missed call there, and here.
    if (cause == QLatin1String("normalClearing"))
        return O::Cleared;
    if (cause == QLatin1String("cancel") || cause == QLatin1String("noAnswer"))
        return O::NotAnswered;
    if (cause == QLatin1String("busy"))
        return O::Busy;
    if (cause == QLatin1String("congestion") || cause == QLatin1String("notFound"))
        return O::Failed;
    if (cause == QLatin1String("forwarded"))
        return O::Forwarded;
    // A cause this server does not know still ends the call (kept as its end reason): a
    // refused hang-up would leave the windows ringing until the ring timeout.
    return O::Unknown;
}

CallEvent ZammadAdapter::parse(const FormBody &form)
{
    form.requireShort(QStringLiteral("event"), 30);
    form.requireShort(QStringLiteral("callId"), 250);
    form.requireShort(QStringLiteral("call_id"), 250);
    form.requireShort(QStringLiteral("from"), 100);
    form.requireShort(QStringLiteral("to"), 100);
    form.requireShort(QStringLiteral("direction"), 10);
    form.requireShort(QStringLiteral("user"), 200);
    form.requireShort(QStringLiteral("queue"), 200);
    form.requireShort(QStringLiteral("answeringNumber"), 100);
    form.requireShort(QStringLiteral("cause"), 30);
    form.requireShort(QStringLiteral("recordingUrl"), 2000);
    form.requireShort(QStringLiteral("record_link"), 2000);

    CallEvent e;
    const QString event = form.value(QStringLiteral("event")).trimmed();
    if (event == QLatin1String("newCall"))
        e.kind = CallEvent::Kind::Ring;
    else if (event == QLatin1String("answer"))
        e.kind = CallEvent::Kind::Answer;
    else if (event == QLatin1String("hangup"))
        e.kind = CallEvent::Kind::Hangup;
    else if (event.isEmpty())
        throw ApiError::badRequest(QStringLiteral("'event' is required"));
    else
        throw ApiError::badRequest(QStringLiteral("'event' must be newCall, answer or hangup"));

    // Zammad's documentation says callId, its own tests send call_id.
    e.externalId = form.firstOf({QStringLiteral("callId"), QStringLiteral("call_id")}).trimmed();
    if (e.externalId.isEmpty())
        throw ApiError::badRequest(QStringLiteral("'callId' is required"));

    const QString direction = form.value(QStringLiteral("direction")).trimmed();
    if (!direction.isEmpty()) {
        e.direction = Call::directionFromName(direction);
        if (!e.direction)
            throw ApiError::badRequest(QStringLiteral("'direction' must be in or out"));
    }
    const QString from = form.value(QStringLiteral("from")).trimmed();
    const QString to = form.value(QStringLiteral("to")).trimmed();
    const bool out = e.direction == Call::Direction::Out;
    e.remoteNumber = out ? to : from;
    e.lineNumber = out ? from : to;

    const QStringList users = form.values(QStringLiteral("user"));
    if (users.size() > 50)
        throw ApiError::invalid(QStringLiteral("'user' names at most 50 agents"));
    for (const QString &user : users)
        if (!user.trimmed().isEmpty())
            e.users.append(user.trimmed());
    e.extension = form.value(QStringLiteral("answeringNumber")).trimmed();
    e.queue = form.value(QStringLiteral("queue")).trimmed();

    const QString cause = form.value(QStringLiteral("cause")).trimmed();
    if (!cause.isEmpty()) {
        e.outcome = outcome(cause);
        e.endReason = cause;
    }
    // Not in Zammad's format: a PBX that has a recording may add it to a (repeated) hangup.
    e.recordingUrl
        = form.firstOf({QStringLiteral("recordingUrl"), QStringLiteral("record_link")}).trimmed();
    if (!e.recordingUrl.isEmpty() && !CallEvent::isRecordingUrl(e.recordingUrl))
        throw ApiError::invalid(QStringLiteral("'recordingUrl' must be an http(s) URL"));
    return e;
}

} // namespace linecard::server
