#include "simformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace linecard::pbxsim {

bool SimFormat::fromName(const QString &name, Kind *kind)
{
    if (name == QLatin1String("planfix"))
        *kind = Kind::PlanFix;
    else if (name == QLatin1String("zammad"))
        *kind = Kind::Zammad;
    else
        return false;
    return true;
}

QList<SimRequest> SimFormat::write(const SimCall &call, const SimStep &step) const
{
    return m_kind == Kind::PlanFix ? planFix(call, step) : zammad(call, step);
}

static QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        // Form encoding: a space is '+', so a literal '+' must be escaped.
        body += QUrl::toPercentEncoding(key, "[]") + '='
            + QUrl::toPercentEncoding(value, " ").replace(' ', '+');
    }
    return body;
}

static QString summaryOf(const QList<std::pair<QString, QString>> &fields)
{
    QStringList parts;
    for (const auto &[key, value] : fields)
        if (!key.contains(QLatin1String("token")))
            parts << key + u'=' + value;
    return parts.join(u' ');
}

QList<SimRequest> SimFormat::planFix(const SimCall &call, const SimStep &step) const
{
    QList<std::pair<QString, QString>> f;
    const QString path = QStringLiteral("/tel/api");
    switch (step.kind) {
    case SimStep::Kind::Ping:
        f = {{QStringLiteral("cmd"), QStringLiteral("ping")}};
        break;
    case SimStep::Kind::Contact:
        f = {{QStringLiteral("cmd"), QStringLiteral("contact")},
            {QStringLiteral("phone"), call.phone}, {QStringLiteral("callid"), call.callId}};
        break;
    case SimStep::Kind::Record:
        f = {{QStringLiteral("cmd"), QStringLiteral("record")},
            {QStringLiteral("callid"), call.callId},
            {QStringLiteral("record_link"), step.recordUrl}};
        break;
    case SimStep::Kind::Ring:
    case SimStep::Kind::Answer:
    case SimStep::Kind::Hangup: {
        const QString event = step.kind == SimStep::Kind::Ring
            ? (call.outgoing ? QStringLiteral("OUTGOING") : QStringLiteral("INCOMING"))
            : step.kind == SimStep::Kind::Answer ? QStringLiteral("ACCEPTED")
                                                 : QStringLiteral("COMPLETED");
        f = {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), call.outgoing ? QStringLiteral("out") : QStringLiteral("in")},
            {QStringLiteral("event"), event}, {QStringLiteral("phone"), call.phone},
            {QStringLiteral("diversion"), call.line}, {QStringLiteral("ext"), step.extension},
            {QStringLiteral("callid"), call.callId}};
        if (step.kind == SimStep::Kind::Hangup) {
            f.append({QStringLiteral("status"), step.status});
            f.append({QStringLiteral("duration"), QString::number(qMax(0, step.duration))});
            f.append({QStringLiteral("is_recorded"),
                step.recordUrl.isEmpty() ? QStringLiteral("0") : QStringLiteral("1")});
            if (!step.recordUrl.isEmpty())
                f.append({QStringLiteral("record_link"), step.recordUrl});
        }
        break;
    }
    }
    const QString summary = summaryOf(f);
    f.append({QStringLiteral("planfix_token"), m_token});
    return {{path, formEncode(f), "application/x-www-form-urlencoded", summary}};
}

SimRequest SimFormat::zammadRequest(const QList<std::pair<QString, QString>> &fields) const
{
    const QString path = QStringLiteral("/api/v1/cti/") + m_token;
    if (!m_json)
        return {path, formEncode(fields), "application/x-www-form-urlencoded", summaryOf(fields)};
    QJsonObject o;
    for (const auto &[key, value] : fields) {
        if (key == QLatin1String("user[]")) {
            QJsonArray users = o.value(QStringLiteral("user")).toArray();
            users.append(value);
            o.insert(QStringLiteral("user"), users);
        } else {
            o.insert(key, value);
        }
    }
    return {path, QJsonDocument(o).toJson(QJsonDocument::Compact), "application/json",
        summaryOf(fields)};
}

static QString causeOf(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("success"))
        return QStringLiteral("normalClearing");
    if (s == QLatin1String("busy"))
        return QStringLiteral("busy");
    if (s == QLatin1String("missed") || s == QLatin1String("noanswer"))
        return QStringLiteral("noAnswer");
    if (s == QLatin1String("cancelled"))
        return QStringLiteral("cancel");
    return QStringLiteral("notFound");
}

QList<SimRequest> SimFormat::zammad(const SimCall &call, const SimStep &step) const
{
    const QString direction = call.outgoing ? QStringLiteral("out") : QStringLiteral("in");
    const QString from = call.outgoing ? call.line : call.phone;
    const QString to = call.outgoing ? call.phone : call.line;
    QList<std::pair<QString, QString>> f {{QStringLiteral("direction"), direction},
        {QStringLiteral("from"), from}, {QStringLiteral("to"), to},
        {QStringLiteral("callId"), call.callId}};
    switch (step.kind) {
    case SimStep::Kind::Ring:
        f.prepend({QStringLiteral("event"), QStringLiteral("newCall")});
        f.append({QStringLiteral("user[]"), step.extension});
        break;
    case SimStep::Kind::Answer:
        f.prepend({QStringLiteral("event"), QStringLiteral("answer")});
        f.append({QStringLiteral("user[]"), step.extension});
        f.append({QStringLiteral("answeringNumber"), step.extension});
        break;
    case SimStep::Kind::Hangup:
        // Zammad closes the other agents' popups with the answer: no per-leg hangup.
        if (step.status.compare(QLatin1String("Cancelled"), Qt::CaseInsensitive) == 0)
            return {};
        f.prepend({QStringLiteral("event"), QStringLiteral("hangup")});
        f.append({QStringLiteral("cause"), causeOf(step.status)});
        if (!step.recordUrl.isEmpty())
            f.append({QStringLiteral("recordingUrl"), step.recordUrl});
        break;
    case SimStep::Kind::Record:
        // Zammad has no recording event; this server takes it on a repeated hangup.
        f.prepend({QStringLiteral("event"), QStringLiteral("hangup")});
        f.append({QStringLiteral("cause"), QStringLiteral("normalClearing")});
        f.append({QStringLiteral("recordingUrl"), step.recordUrl});
        break;
    case SimStep::Kind::Contact:
    case SimStep::Kind::Ping:
        return {};
    }
    return {zammadRequest(f)};
}

} // namespace linecard::pbxsim
