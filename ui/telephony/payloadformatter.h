#pragma once

#include <QString>

namespace linecard::ui {

// A raw PBX request or answer made readable for the integration log: JSON indented, form
// data one field per line (decoded); with the language its highlighting uses.
struct FormattedPayload
{
    QString text;
    QString language; // a CodeHighlighter fence language: "json", "form", or empty
};

class PayloadFormatter
{
public:
    static FormattedPayload format(const QString &raw, const QString &contentType = {});
};

} // namespace linecard::ui
