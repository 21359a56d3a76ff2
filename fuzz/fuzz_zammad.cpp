// Zammad's Generic CTI reader (POST /api/v1/cti/{token}, JSON or form), as
// telephonyroutes.cpp calls it.
#include "fuzzinput.h"

#include "server/http/apierror.h"
#include "server/telephony/zammadadapter.h"

using namespace linecard::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = linecard::fuzz::HttpInput::from(data, size);
    try {
        const FormBody form = FormBody::parse(input.body, input.contentType);
        (void)form.toJson();
        const CallEvent event = ZammadAdapter::parse(form);
        if (event.externalId.isEmpty())
            linecard::fuzz::violated("a call event without a call id");
    } catch (const ApiError &error) {
        if (error.status() != 400 && error.status() != 422)
            linecard::fuzz::violated("an error status other than 400/422");
    }
    return 0;
}
