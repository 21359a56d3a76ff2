#include "planfixadapter.h"

#include "../http/apierror.h"

namespace linecard::server {

QString PlanFixAdapter::token(const FormBody &form)
{
    return form.firstOf({QStringLiteral("planfix_token"), QStringLiteral("token")});
}

static void checkLengths(const FormBody &form)
{
    form.requireShort(QStringLiteral("cmd"), 30);
    form.requireShort(QStringLiteral("type"), 10);
    form.requireShort(QStringLiteral("event"), 30);
    form.requireShort(QStringLiteral("callid"), 250);
    form.requireShort(QStringLiteral("phone"), 100);
    form.requireShort(QStringLiteral("diversion"), 100);
    form.requireShort(QStringLiteral("ext"), 50);
    form.requireShort(QStringLiteral("status"), 50);
    form.requireShort(QStringLiteral("duration"), 12);
    form.requireShort(QStringLiteral("record_link"), 2000);
}

static QString requiredField(const FormBody &form, const QString &key)
{
    const QString value = form.value(key).trimmed();
    if (value.isEmpty())
        throw ApiError::badRequest(QStringLiteral("'%1' is required").arg(key));
    return value;
}

static QString recordingLink(const FormBody &form)
{
    const QString link = form.value(QStringLiteral("record_link")).trimmed();
    if (!link.isEmpty() && !CallEvent::isRecordingUrl(link))
        throw ApiError::invalid(QStringLiteral("'record_link' must be an http(s) URL"));
    return link;
}

PlanFixAdapter::Request PlanFixAdapter::parse(const FormBody &form)
{
    checkLengths(form);
    const QString cmd = requiredField(form, QStringLiteral("cmd"));
    Request r;
    if (cmd == QLatin1String("event")) {
        r.command = Command::Event;
        r.event = parseEvent(form);
    } else if (cmd == QLatin1String("contact")) {
        r.command = Command::Contact;
        r.phone = requiredField(form, QStringLiteral("phone"));
    } else if (cmd == QLatin1String("record")) {
        r.command = Command::Record;
        r.event.kind = CallEvent::Kind::Recording;
        r.event.externalId = requiredField(form, QStringLiteral("callid"));
        r.event.recordingUrl = recordingLink(form);
        if (r.event.recordingUrl.isEmpty())
            throw ApiError::badRequest(QStringLiteral("'record_link' is required"));
    } else if (cmd == QLatin1String("ping")) {
        r.command = Command::Ping;
    } else {
        throw ApiError::badRequest(QStringLiteral("'cmd' must be event, contact, record or ping"));
    }
    return r;
}

CallEvent::Outcome PlanFixAdapter::outcome(const QString &status)
{
    using O = CallEvent::Outcome;
    const QString s = status.toLower();
    if (s == QLatin1String("success"))
        return O::Talked;
    if (s == QLatin1String("missed") || s == QLatin1String("noanswer"))
        return O::NotAnswered;
    if (s == QLatin1String("cancelled") || s == QLatin1String("canceled"))
        return O::LegCancelled;
    if (s == QLatin1String("busy"))
        return O::Busy;
    if (s == QLatin1String("notavailable") || s == QLatin1String("notallowed"))
        return O::Failed;
    throw ApiError::invalid(QStringLiteral("'status' must be Success, Missed, Cancelled, Busy, "
                                           "NoAnswer, NotAvailable or NotAllowed"));
}

CallEvent PlanFixAdapter::parseEvent(const FormBody &form)
{
    CallEvent e;
    e.externalId = requiredField(form, QStringLiteral("callid"));
    const QString event = requiredField(form, QStringLiteral("event")).toUpper();
    if (event == QLatin1String("INCOMING") || event == QLatin1String("OUTGOING")) {
        e.kind = CallEvent::Kind::Ring;
        e.direction
            = event == QLatin1String("INCOMING") ? Call::Direction::In : Call::Direction::Out;
    } else if (event == QLatin1String("ACCEPTED")) {
        e.kind = CallEvent::Kind::Answer;
    } else if (event == QLatin1String("COMPLETED")) {
        e.kind = CallEvent::Kind::Hangup;
    } else {
        throw ApiError::badRequest(
            QStringLiteral("'event' must be INCOMING, OUTGOING, ACCEPTED or COMPLETED"));
    }
    const QString type = form.value(QStringLiteral("type")).trimmed().toLower();
    if (!type.isEmpty()) {
        const auto direction = Call::directionFromName(type);
        if (!direction)
            throw ApiError::badRequest(QStringLiteral("'type' must be in or out"));
        if (e.direction && *e.direction != *direction)
            throw ApiError::invalid(
                QStringLiteral("'type' %1 does not go with 'event' %2").arg(type, event));
        e.direction = direction;
    }
    e.remoteNumber = form.value(QStringLiteral("phone")).trimmed();
    e.lineNumber = form.value(QStringLiteral("diversion")).trimmed();
    e.extension = form.value(QStringLiteral("ext")).trimmed();
    e.recordingUrl = recordingLink(form);
    const QString duration = form.value(QStringLiteral("duration")).trimmed();
    if (!duration.isEmpty()) {
        bool ok = false;
        const int seconds = duration.toInt(&ok);
        if (!ok || seconds < 0 || seconds > 7 * 24 * 3600)
            throw ApiError::invalid(QStringLiteral("'duration' must be a number of seconds"));
        e.duration = seconds;
    }
    if (e.kind == CallEvent::Kind::Hangup) {
        e.endReason = requiredField(form, QStringLiteral("status"));
        e.outcome = outcome(e.endReason);
    }
    return e;
}

} // namespace linecard::server
