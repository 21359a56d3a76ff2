#pragma once

#include "models/call.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace linecard::server {

// One PBX notification in the words of the call state machine, whatever format it came in.
struct CallEvent
{
    enum class Kind
    {
        Ring, // a leg starts ringing (PlanFix INCOMING/OUTGOING, Zammad newCall)
        Answer, // someone picked up (ACCEPTED, answer)
        Hangup, // a leg or the call ended (COMPLETED, hangup)
        Recording // a recording link, possibly long after the end (cmd=record)
    };
    // How a hangup ended, normalised from PlanFix statuses and Zammad causes.
    enum class Outcome
    {
        Unknown,
        Talked, // Success
        Cleared, // Zammad normalClearing: ended normally, talked only if it was answered
        NotAnswered, // Missed, noAnswer, cancel (the caller gave up)
        LegCancelled, // PlanFix Cancelled: this extension stops ringing, another may answer
        Busy,
        Failed, // NotAvailable, NotAllowed, congestion, notFound
        Forwarded
    };

    Kind kind = Kind::Ring;
    QString externalId; // the PBX's call id
    std::optional<Call::Direction> direction;
    QString remoteNumber; // the customer's side (caller of an incoming call)
    QString lineNumber; // the company's number dialled or used
    QString extension; // the leg this event is about (PlanFix ext, Zammad answeringNumber)
    QStringList users; // Zammad "user": names, logins or extensions of the agents
    Outcome outcome = Outcome::Unknown;
    QString endReason; // as the PBX said it ("Cancelled", "noAnswer")
    QString queue; // the PBX queue the call came through (Zammad "queue")
    int duration = -1; // seconds; -1 when not given
    QString recordingUrl;

    // Recording links end up as links in comments: only absolute http(s) URLs are taken.
    static bool isRecordingUrl(const QString &text)
    {
        const QUrl url(text, QUrl::StrictMode);
        return url.isValid() && !url.host().isEmpty()
            && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
    }

    // A PlanFix COMPLETED that names an extension may close only that leg of a group ring.
    bool closesLegOnly() const
    {
        return kind == Kind::Hangup && !extension.isEmpty()
            && (outcome == Outcome::LegCancelled || outcome == Outcome::NotAnswered);
    }
};

} // namespace linecard::server
