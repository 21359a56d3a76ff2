#pragma once

#include <QString>

namespace linecard::client {

// A phone link as the desktop hands it to the app (tel:, callto:, sip:), reduced to what
// click-to-call needs: the number and, separately, an extension to dial after connecting.
class PhoneLink
{
public:
    // "tel:+7%20916%20123-45-67;ext=12", "callto://+79161234567", "sip:101@pbx.example.com".
    // Invalid when the text is no such link or holds no digits.
    static PhoneLink parse(const QString &text);
    // Whether a command-line argument is meant as a phone link (by its scheme).
    static bool isPhoneLink(const QString &text);

    bool isValid() const { return !m_number.isEmpty(); }
    QString scheme() const { return m_scheme; }
    // "+79161234567" when the number is understood; otherwise its digits, with the "+" if
    // it had one ("101" for an internal extension reached over SIP).
    QString number() const { return m_number; }
    QString extension() const { return m_extension; }
    // The link as received, for messages.
    QString original() const { return m_original; }

private:
    QString m_scheme;
    QString m_number;
    QString m_extension;
    QString m_original;
};

} // namespace linecard::client
