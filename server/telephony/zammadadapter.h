#pragma once

#include "callevent.h"
#include "formbody.h"

namespace linecard::server {

// Zammad's Generic CTI (POST /api/v1/cti/{token}, JSON or form) read into call events.
class ZammadAdapter
{
public:
    // Throws ApiError 400/422 naming the field for anything malformed.
    static CallEvent parse(const FormBody &form);

private:
    static CallEvent::Outcome outcome(const QString &cause);
};

} // namespace linecard::server
