// The PlanFix telephony API's form reader (POST /tel/api), as telephonyroutes.cpp calls it.
#include "fuzzinput.h"

#include "server/http/apierror.h"
#include "server/telephony/planfixadapter.h"

using namespace linecard::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = linecard::fuzz::HttpInput::from(data, size);
    try {
        // An empty body means the fields came in the query string (GET-style PBXs).
        const FormBody form = input.body.trimmed().isEmpty()
            ? FormBody::parseForm(input.contentType)
            : FormBody::parse(input.body, input.contentType, false);
        (void)PlanFixAdapter::token(form);
        (void)form.toJson({QStringLiteral("planfix_token"), QStringLiteral("token")});
        const PlanFixAdapter::Request request = PlanFixAdapter::parse(form);
        if (request.command == PlanFixAdapter::Command::Contact && request.phone.isEmpty())
            linecard::fuzz::violated("a contact request without a phone");
    } catch (const ApiError &error) {
        // The adapter promises a 400 or a 422 for anything malformed, nothing else.
        if (error.status() != 400 && error.status() != 422)
            linecard::fuzz::violated("an error status other than 400/422");
    }
    return 0;
}
