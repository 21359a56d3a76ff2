#pragma once

#include <QString>
#include <QStringList>

class QLocale;

namespace linecard {

// A phone number as people write it, normalised for matching by Google's libphonenumber.
// A number without its country code is read in a region (ISO 3166 code, "RU", "GB"): the
// account's default region, or the region of the line a call came in on. "8 (916) 123-45-67"
// in RU, "020 7946 0123" in GB and "(716) 555-2227" in US are all understood; a "+", "00"
// or the region's international prefix ("8 10" in RU) names the country anywhere. Digits of
// any script (Arabic-Indic, full-width …) count as the digits they stand for.
class PhoneNumber
{
public:
    // Why a text is not a number (for the 422 a client gets).
    enum class Problem
    {
        None,
        NoNumber, // no digits at all, or a withheld caller id
        InvalidCountryCode,
        TooShort,
        TooLong,
        WrongLength, // between lengths the country's numbers have
        InvalidForRegion, // the right length, but no such number in its country's plan
    };

    // Parsed in the default region.
    static PhoneNumber parse(const QString &raw);
    // Parsed in the given region; an unknown or empty region means the default region.
    static PhoneNumber parse(const QString &raw, const QString &region);

    // The region numbers without a country code are read in (process-wide; the server sets
    // the account's, the client the server's). "RU" until set.
    static QString defaultRegion();
    static void setDefaultRegion(const QString &region);
    // Whether libphonenumber knows the region code ("RU", "GB"; upper case).
    static bool isKnownRegion(const QString &region);
    // Every region code libphonenumber knows, sorted.
    static QStringList knownRegions();
    // The region of a locale ("ru_RU" → "RU"), or "RU" when the locale names none we know.
    static QString regionOfLocale(const QLocale &locale);

    QString raw() const { return m_raw; }
    bool isValid() const { return !m_e164.isEmpty(); }
    // "+79161234567"; empty when the text holds no valid number.
    QString e164() const { return m_e164; }
    // The last 10 digits of the number (fewer for short numbers): the key that matches a
    // number whatever prefix it was written with. Empty when invalid.
    QString tailKey() const { return m_tailKey; }
    // A number of the right length for its country that its numbering plan does not have
    // (an old allocation, a range libphonenumber's metadata does not know yet): no number
    // to accept as new, but one stored before still matches its callers. True when valid.
    bool isPossible() const { return !m_matchE164.isEmpty(); }
    // E.164 and tail key for matching callers and stored numbers: those of a valid or a
    // merely possible number; empty otherwise.
    QString matchE164() const { return m_matchE164; }
    QString matchTailKey() const
    {
        return m_matchE164.isEmpty() ? QString() : m_matchE164.mid(1).right(10);
    }
    // "123" for "+7 495 123-45-67 ext. 123"; empty when none.
    QString extension() const { return m_extension; }
    // A withheld caller id ("anonymous", "unknown", "private", empty …): never a contact.
    bool isWithheld() const { return m_withheld; }
    // Why the number is not valid; None when it is.
    Problem problem() const { return m_problem; }
    // The problem in a sentence ("too short for RU"); empty when valid.
    QString problemText() const;

    // "+44 20 7946 0123" (with " ext. 5" when there is one): how numbers are shown.
    // The raw text, trimmed, when invalid.
    QString international() const;
    // The number as stored: E.164 with ";ext=5" when there is an extension; the raw text,
    // trimmed, when invalid.
    QString canonical() const;
    // The country the number belongs to ("GB"); empty when invalid.
    QString region() const { return m_region; }

    // Digit strings under which the number is indexed for fragment search (E.164 digits,
    // the national form with the trunk prefix, the raw digits), deduplicated.
    QStringList searchForms() const;

    // Only the digits of a text, in ASCII: "٧٩٠" gives "790".
    static QString digitsOnly(const QString &text);
    // A stored or typed number shown in international format (the text itself when it is
    // no valid number).
    static QString displayed(const QString &text, const QString &region = QString());
    // What a phone field shows while a number is typed ("8 916 123-45-67"): libphonenumber's
    // as-you-type formatting of the text's digits and leading "+".
    static QString formatAsYouType(const QString &typed, const QString &region = QString());

private:
    QString m_raw;
    QString m_e164;
    QString m_matchE164;
    QString m_tailKey;
    QString m_extension;
    QString m_rawDigits;
    QString m_nationalDigits;
    QString m_international;
    QString m_region;
    QString m_parsedIn;
    Problem m_problem = Problem::NoNumber;
    bool m_withheld = false;
};

} // namespace linecard
