#include "callrecordtext.h"

#include "phonenumber.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>
#include <QUrl>

namespace linecard {

QString CallRecordText::escaped(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_{}[]()<>#|~!");
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c == u'\n' || c == u'\r')
            c = u' ';
        if (special.contains(c))
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

QString CallRecordText::clock(int seconds)
{
    const int h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
    return h
        ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'))
        : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QChar(u'0'));
}

bool CallRecordText::reasonWorthSaying(const QString &reason, bool talked, bool missed)
{
    if (reason.isEmpty() || reason == QLatin1String("normalClearing"))
        return false;
    if (talked && reason.compare(QLatin1String("Success"), Qt::CaseInsensitive) == 0)
        return false;
    // "Missed" (PlanFix), "noAnswer" (Zammad): the title says so already.
    if (missed
        && (reason.compare(QLatin1String("Missed"), Qt::CaseInsensitive) == 0
            || reason.compare(QLatin1String("noAnswer"), Qt::CaseInsensitive) == 0))
        return false;
    return true;
}

QString CallRecordText::localized(const QJsonObject &call, const QJsonObject &record)
{
    const bool in = call.value(QStringLiteral("direction")).toString() != QLatin1String("out");
    const QString state = call.value(QStringLiteral("state")).toString();
    const bool missed = state == QLatin1String("missed");
    const QString title = missed ? tr("Missed call")
        : in                     ? tr("Incoming call")
                                 : tr("Outgoing call");

    const QString lineName = record.value(QStringLiteral("lineName")).toString();
    const QString lineNumber = record.value(QStringLiteral("lineNumber")).toString();
    QString line = escaped(lineName.isEmpty() ? lineNumber : lineName);
    if (!lineName.isEmpty() && !lineNumber.isEmpty())
        line = tr("%1 (%2)").arg(line, escaped(lineNumber));
    // An administrator deleted the line since: the call keeps its name.
    if (call.value(QStringLiteral("lineDeleted")).toBool())
        line = tr("%1 (deleted)", "a deleted phone line")
                   .arg(escaped(call.value(QStringLiteral("lineName")).toString()));
    QStringList lines;
    lines << QStringLiteral("**%1**").arg(title)
            + (line.isEmpty() ? QString() : QStringLiteral(" · ") + line);

    // Numbers as the rest of the app shows them ("+7 916 123-45-67"), not as the PBX sent them.
    const QString from = PhoneNumber::displayed(call.value(QStringLiteral("from")).toString());
    const QString to = PhoneNumber::displayed(call.value(QStringLiteral("to")).toString());
    const QString remote = in ? from : to;
    const QString name = record.value(QStringLiteral("contactName")).toString();
    QString who = remote.isEmpty() ? tr("a withheld number") : escaped(remote);
    if (!name.isEmpty() && name != remote && PhoneNumber::displayed(name) != remote)
        who = tr("%1 (%2)").arg(who, escaped(name));
    const QString ours = escaped(in ? to : from);
    if (in)
        lines << (ours.isEmpty() ? tr("From %1").arg(who) : tr("From %1 to %2").arg(who, ours));
    else
        lines << (ours.isEmpty() ? tr("To %1").arg(who) : tr("To %1 from %2").arg(who, ours));

    QStringList facts;
    const bool talked = state == QLatin1String("ended")
        && !call.value(QStringLiteral("answeredAt")).toString().isEmpty();
    if (talked) {
        const QString answerer = record.value(QStringLiteral("answeredBy")).toString();
        if (!answerer.isEmpty())
            facts << tr("answered by %1").arg(escaped(answerer));
        facts << clock(call.value(QStringLiteral("duration")).toInt());
    } else if (!missed) {
        facts << tr("not answered");
    }
    const QString reason = call.value(QStringLiteral("endReason")).toString();
    if (reasonWorthSaying(reason, talked, missed))
        facts << tr("reason: %1").arg(escaped(reason));
    const QDateTime started = QDateTime::fromString(
        call.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
    if (started.isValid())
        facts << QLocale().toString(started.toLocalTime(), QLocale::ShortFormat);
    if (!facts.isEmpty())
        lines << facts.join(QStringLiteral(" · "));
    const QString recording = call.value(QStringLiteral("recordingUrl")).toString();
    if (!recording.isEmpty())
        lines << tr("Recording: <%1>").arg(QString::fromLatin1(QUrl(recording).toEncoded()));
    return lines.join(QStringLiteral("  \n"));
}

} // namespace linecard
