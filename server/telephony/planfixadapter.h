#pragma once

#include "callevent.h"
#include "formbody.h"

namespace linecard::server {

// The PlanFix telephony API (POST /tel/api, form-encoded) read into call events.
// A PBX set up for PlanFix only changes the host it posts to.
class PlanFixAdapter
{
public:
    enum class Command
    {
        Event, // cmd=event: INCOMING/OUTGOING/ACCEPTED/COMPLETED
        Contact, // cmd=contact: who is calling, and whom to route to
        Record, // cmd=record: a recording link, maybe long after the end
        Ping // cmd=ping: the PBX checks the connection
    };
    struct Request
    {
        Command command = Command::Ping;
        CallEvent event; // Event, Record
        QString phone; // Contact
    };

    // "planfix_token" (PlanFix's Russian docs), or "token" (its English docs).
    static QString token(const FormBody &form);
    // Throws ApiError 400/422 naming the field for anything malformed.
    static Request parse(const FormBody &form);

private:
    static CallEvent parseEvent(const FormBody &form);
    static CallEvent::Outcome outcome(const QString &status);
};

} // namespace linecard::server
