#pragma once

#include <QString>
#include <QStringList>

namespace linecard::pbxsim {

// One thing a PBX tells the CRM, before it is written in a provider's format.
struct SimStep
{
    enum class Kind
    {
        Ring, // an extension starts ringing
        Answer, // an extension picks up
        Hangup, // an extension's leg (or the call) ends with a status
        Record, // the recording link, after the end
        Contact, // "who is calling?" (PlanFix cmd=contact)
        Ping // PlanFix cmd=ping
    };

    Kind kind = Kind::Ring;
    QString extension;
    // PlanFix's words: Success, Missed, Cancelled, Busy, NoAnswer, NotAvailable, NotAllowed.
    QString status;
    int duration = -1;
    QString recordUrl;
};

// The call a scenario is about.
struct SimCall
{
    QString callId;
    bool outgoing = false;
    QString phone; // the customer's number
    QString line; // the company's number
};

} // namespace linecard::pbxsim
