#include "scenario.h"

namespace linecard::pbxsim {

QStringList Scenario::names()
{
    return {QStringLiteral("call"), QStringLiteral("group"), QStringLiteral("missed"),
        QStringLiteral("outgoing-busy"), QStringLiteral("duplicates"), QStringLiteral("reorder"),
        QStringLiteral("late-record"), QStringLiteral("contact"), QStringLiteral("ping"),
        QStringLiteral("ring"), QStringLiteral("answer"), QStringLiteral("hangup")};
}

QString Scenario::describe(const QString &name)
{
    if (name == QLatin1String("call"))
        return QStringLiteral("one incoming call: ring, answer, hang up (with --record)");
    if (name == QLatin1String("group"))
        return QStringLiteral("a group ring on every --ext, answered by --answer; the others "
                              "are cancelled");
    if (name == QLatin1String("missed"))
        return QStringLiteral("rings every --ext, nobody answers");
    if (name == QLatin1String("outgoing-busy"))
        return QStringLiteral("an outgoing call from the first --ext that finds the line busy");
    if (name == QLatin1String("duplicates"))
        return QStringLiteral("the call scenario with every request sent twice");
    if (name == QLatin1String("reorder"))
        return QStringLiteral("the call scenario with the hangup before the answer");
    if (name == QLatin1String("late-record"))
        return QStringLiteral("the call scenario, then the --record link on its own");
    if (name == QLatin1String("contact"))
        return QStringLiteral("asks who --phone is (PlanFix cmd=contact)");
    if (name == QLatin1String("ping"))
        return QStringLiteral("checks the connection (PlanFix cmd=ping)");
    if (name == QLatin1String("ring"))
        return QStringLiteral("only starts ringing every --ext (then answer/hangup with --callid)");
    if (name == QLatin1String("answer"))
        return QStringLiteral("--answer (or the first --ext) picks up the call --callid");
    if (name == QLatin1String("hangup"))
        return QStringLiteral("the call --callid ends on the first --ext (talk time --duration)");
    return {};
}

QList<SimStep> Scenario::answered(const Options &o, bool withRecording)
{
    const QString ext = o.extensions.first();
    SimStep hangup {SimStep::Kind::Hangup, ext, QStringLiteral("Success"), o.duration,
        withRecording ? o.recordUrl : QString()};
    return {
        {SimStep::Kind::Ring, ext, {}, -1, {}}, {SimStep::Kind::Answer, ext, {}, -1, {}}, hangup};
}

QList<SimStep> Scenario::build(
    const QString &name, const Options &o, bool *outgoing, QString *error)
{
    *outgoing = false;
    if (o.extensions.isEmpty()) {
        *error = QStringLiteral("give at least one --ext");
        return {};
    }
    if (name == QLatin1String("call"))
        return answered(o, true);
    if (name == QLatin1String("duplicates")) {
        QList<SimStep> twice;
        for (const SimStep &s : answered(o, true))
            twice << s << s;
        return twice;
    }
    if (name == QLatin1String("reorder")) {
        QList<SimStep> steps = answered(o, true);
        steps.swapItemsAt(1, 2);
        return steps;
    }
    if (name == QLatin1String("late-record")) {
        if (o.recordUrl.isEmpty()) {
            *error = QStringLiteral("late-record needs --record");
            return {};
        }
        QList<SimStep> steps = answered(o, false);
        steps.append({SimStep::Kind::Record, {}, {}, -1, o.recordUrl});
        return steps;
    }
    if (name == QLatin1String("group")) {
        const QString answering = o.answering.isEmpty() ? o.extensions.last() : o.answering;
        if (!o.extensions.contains(answering)) {
            *error = QStringLiteral("--answer must be one of --ext");
            return {};
        }
        QList<SimStep> steps;
        for (const QString &ext : o.extensions)
            steps.append({SimStep::Kind::Ring, ext, {}, -1, {}});
        steps.append({SimStep::Kind::Answer, answering, {}, -1, {}});
        for (const QString &ext : o.extensions)
            if (ext != answering)
                steps.append({SimStep::Kind::Hangup, ext, QStringLiteral("Cancelled"), 0, {}});
        steps.append(
            {SimStep::Kind::Hangup, answering, QStringLiteral("Success"), o.duration, o.recordUrl});
        return steps;
    }
    if (name == QLatin1String("missed")) {
        QList<SimStep> steps;
        for (const QString &ext : o.extensions)
            steps.append({SimStep::Kind::Ring, ext, {}, -1, {}});
        for (const QString &ext : o.extensions)
            steps.append({SimStep::Kind::Hangup, ext, QStringLiteral("Missed"), 0, {}});
        return steps;
    }
    if (name == QLatin1String("outgoing-busy")) {
        *outgoing = true;
        const QString ext = o.extensions.first();
        return {{SimStep::Kind::Ring, ext, {}, -1, {}},
            {SimStep::Kind::Hangup, ext, QStringLiteral("Busy"), 0, {}}};
    }
    if (name == QLatin1String("contact"))
        return {{SimStep::Kind::Contact, {}, {}, -1, {}}};
    if (name == QLatin1String("ping"))
        return {{SimStep::Kind::Ping, {}, {}, -1, {}}};
    // One step at a time, so that a call can ring for as long as a test or a person needs.
    if (name == QLatin1String("ring")) {
        QList<SimStep> steps;
        for (const QString &ext : o.extensions)
            steps.append({SimStep::Kind::Ring, ext, {}, -1, {}});
        return steps;
    }
    if (name == QLatin1String("answer")) {
        const QString ext = o.answering.isEmpty() ? o.extensions.first() : o.answering;
        return {{SimStep::Kind::Answer, ext, {}, -1, {}}};
    }
    if (name == QLatin1String("hangup"))
        return {{SimStep::Kind::Hangup, o.extensions.first(), QStringLiteral("Success"), o.duration,
            o.recordUrl}};
    *error = QStringLiteral("unknown scenario '%1'").arg(name);
    return {};
}

} // namespace linecard::pbxsim
