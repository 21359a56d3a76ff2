// Phone numbers as PBXs, operators and imports write them (models/phonenumber).
#include "fuzzinput.h"

#include "models/phonenumber.h"

using linecard::PhoneNumber;
using linecard::fuzz::violated;

namespace {

bool asciiDigits(const QString &text)
{
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString raw = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const PhoneNumber number = PhoneNumber::parse(raw);
    if (!asciiDigits(PhoneNumber::digitsOnly(raw)))
        violated("digitsOnly() kept something that is not an ASCII digit");
    for (const QString &form : number.searchForms())
        if (form.isEmpty() || !asciiDigits(form))
            violated("a search form that is not ASCII digits");
    if (!number.isValid())
        return 0;
    // Store and lookup must agree: the normalised number is ASCII, and normalises to itself.
    const QString e164 = number.e164();
    if (e164.size() < 2 || e164.size() > 16 || e164.front() != u'+' || !asciiDigits(e164.mid(1)))
        violated("an E.164 number that is not '+' and up to 15 ASCII digits");
    if (number.tailKey().isEmpty() || !e164.endsWith(number.tailKey()))
        violated("a tail key that is not the end of the number");
    const PhoneNumber again = PhoneNumber::parse(e164);
    if (again.e164() != e164 || again.tailKey() != number.tailKey())
        violated("the E.164 form does not normalise to itself");
    return 0;
}
