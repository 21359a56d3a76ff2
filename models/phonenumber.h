#pragma once

#include <QString>
#include <QStringList>

namespace linecard {

// A phone number as people write it, normalised for matching.
// Russian habits are understood: "8 (916) 123-45-67", "+7 916 1234567", "79161234567" and
// "9161234567" are one number. Other countries need their "+" or "00" prefix.
class PhoneNumber
{
public:
    static PhoneNumber parse(const QString &raw);

    QString raw() const { return m_raw; }
    bool isValid() const { return !m_e164.isEmpty(); }
    // "+79161234567"; empty when the text holds no usable number.
    QString e164() const { return m_e164; }
    // The last 10 digits of the number (fewer for short numbers): the key that matches a
    // number whatever prefix it was written with. Empty when invalid.
    QString tailKey() const { return m_tailKey; }
    // "123" for "+7 495 123-45-67 ext. 123"; empty when none.
    QString extension() const { return m_extension; }
    // A withheld caller id ("anonymous", "unknown", "private", empty …): never a contact.
    bool isWithheld() const { return m_withheld; }

    // Digit strings under which the number is indexed for fragment search (E.164 digits,
    // the national form with the trunk prefix, the raw digits), deduplicated.
    QStringList searchForms() const;

    // Only the digits of a text.
    static QString digitsOnly(const QString &text);

private:
    QString m_raw;
    QString m_e164;
    QString m_tailKey;
    QString m_extension;
    QString m_rawDigits;
    bool m_withheld = false;
};

} // namespace linecard
