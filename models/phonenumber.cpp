#include "phonenumber.h"

#include <QLocale>
#include <QMutex>
#include <QRegularExpression>

#include <phonenumbers/asyoutypeformatter.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <memory>
#include <set>

namespace linecard {

using i18n::phonenumbers::AsYouTypeFormatter;
using i18n::phonenumbers::PhoneNumberUtil;
using LibNumber = i18n::phonenumbers::PhoneNumber;

static const QString fallbackRegion = QStringLiteral("RU");

static QMutex &regionMutex()
{
    static QMutex mutex;
    return mutex;
}

static QString &regionSetting()
{
    static QString region = fallbackRegion;
    return region;
}

QString PhoneNumber::defaultRegion()
{
    QMutexLocker lock(&regionMutex());
    return regionSetting();
}

void PhoneNumber::setDefaultRegion(const QString &region)
{
    const QString upper = region.trimmed().toUpper();
    QMutexLocker lock(&regionMutex());
    regionSetting() = isKnownRegion(upper) ? upper : fallbackRegion;
}

static const std::set<std::string> &supportedRegions()
{
    static const std::set<std::string> known = [] {
        std::set<std::string> all;
        PhoneNumberUtil::GetInstance()->GetSupportedRegions(&all);
        return all;
    }();
    return known;
}

bool PhoneNumber::isKnownRegion(const QString &region)
{
    return region.size() == 2 && supportedRegions().count(region.toStdString()) > 0;
}

QStringList PhoneNumber::knownRegions()
{
    QStringList out;
    for (const std::string &region : supportedRegions())
        out.append(QString::fromStdString(region));
    return out;
}

QString PhoneNumber::regionOfLocale(const QLocale &locale)
{
    // "ru_RU" → "RU"; QLocale names the territory after the underscore.
    const QString territory = locale.name().section(u'_', 1, 1).toUpper();
    return isKnownRegion(territory) ? territory : fallbackRegion;
}

QString PhoneNumber::digitsOnly(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (c >= U'0' && c <= U'9')
            out.append(QChar(c));
        else if (c > 0x7f && QChar::category(c) == QChar::Number_DecimalDigit)
            out.append(QChar(u'0' + QChar::digitValue(c)));
    }
    return out;
}

// The text with every decimal digit in ASCII, so that what is stored and what is looked up
// agree whatever keyboard the number came from.
static QString asciiDigits(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        if (c > 0x7f && QChar::category(c) == QChar::Number_DecimalDigit)
            out.append(QChar(u'0' + QChar::digitValue(c)));
        else if (c == U'\uff0b') // full-width plus
            out.append(u'+');
        else
            out.append(QString::fromUcs4(&c, 1));
    }
    return out;
}

static bool looksWithheld(const QString &text)
{
    static const QStringList words {QStringLiteral("anonymous"), QStringLiteral("unknown"),
        QStringLiteral("private"), QStringLiteral("restricted"), QStringLiteral("unavailable"),
        QStringLiteral("withheld"), QStringLiteral("hidden"), QStringLiteral("скрыт")};
    const QString lower = text.trimmed().toLower();
    for (const QString &w : words)
        if (lower.contains(w))
            return true;
    return false;
}

static QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

// Parses digits (with a leading "+" when given) in a region; Problem::None when valid.
static PhoneNumber::Problem parseIn(const QString &text, const std::string &region, LibNumber *out)
{
    PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    const PhoneNumberUtil::ErrorType error = util->Parse(text.toStdString(), region, out);
    switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return PhoneNumber::Problem::InvalidCountryCode;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return PhoneNumber::Problem::TooShort;
    case PhoneNumberUtil::TOO_LONG_NSN:
        return PhoneNumber::Problem::TooLong;
    case PhoneNumberUtil::NOT_A_NUMBER:
        return PhoneNumber::Problem::NoNumber;
    }
    if (util->IsValidNumber(*out))
        return PhoneNumber::Problem::None;
    switch (util->IsPossibleNumberWithReason(*out)) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return PhoneNumber::Problem::InvalidCountryCode;
    case PhoneNumberUtil::TOO_SHORT:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
        return PhoneNumber::Problem::TooShort;
    case PhoneNumberUtil::TOO_LONG:
        return PhoneNumber::Problem::TooLong;
    case PhoneNumberUtil::INVALID_LENGTH:
        return PhoneNumber::Problem::WrongLength;
    default:
        return PhoneNumber::Problem::InvalidForRegion;
    }
}

PhoneNumber PhoneNumber::parse(const QString &raw)
{
    return parse(raw, QString());
}

PhoneNumber PhoneNumber::parse(const QString &raw, const QString &region)
{
    PhoneNumber p;
    p.m_raw = raw;
    p.m_parsedIn = isKnownRegion(region.toUpper()) ? region.toUpper() : defaultRegion();
    QString text = asciiDigits(raw).trimmed();
    if (text.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
        text = text.mid(4).trimmed(); // "tel: +44…" must keep its "+"

    // An extension follows "ext", "доб", "x", "#", ",", ";ext=" and similar markers, and is
    // often bracketed: "(доб. 123)". Taken off here, so that its digits never join the number.
    static const QRegularExpression extensionMarker(
        QStringLiteral("(?:;\\s*ext\\s*=|\\bext\\.?|\\bextension\\b|доб\\.?|добавочный|[#,]|"
                       "(?<=\\d|\\s|\\))x)\\s*(\\d{1,8})\\s*\\)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch ext = extensionMarker.match(text);
    if (ext.hasMatch()) {
        p.m_extension = ext.captured(1);
        text = text.left(ext.capturedStart()).trimmed();
    }

    const QString digits = digitsOnly(text);
    p.m_rawDigits = digits;
    if (digits.isEmpty() || looksWithheld(text)) {
        p.m_withheld = true;
        return p;
    }

    // Only the digits and a leading "+" go to the library: letters (vanity numbers, stray
    // words) are no part of a caller id or a contact's number here.
    const bool plus = text.startsWith(u'+');
    const std::string regionCode = p.m_parsedIn.toStdString();
    LibNumber number;
    p.m_problem = parseIn(plus ? u'+' + digits : digits, regionCode, &number);
    // "00" is the international prefix of most of the world, even where the region's own is
    // another ("8 10" in RU); and PBXs send international numbers without their "+" — but a
    // number that starts with the region's trunk prefix ("8 …" in RU) is a national one,
    // mistyped, and never some other country's.
    if (p.m_problem != Problem::None && !plus) {
        std::string trunkPrefix;
        PhoneNumberUtil::GetInstance()->GetNddPrefixForRegion(regionCode, true, &trunkPrefix);
        const bool national
            = !trunkPrefix.empty() && digits.startsWith(QString::fromStdString(trunkPrefix));
        LibNumber international;
        const QString candidate = digits.startsWith(QLatin1String("00"))
            ? u'+' + digits.mid(2)
            : (digits.size() >= 11 && !national ? u'+' + digits : QString());
        const Problem viaPlus = candidate.isEmpty()
            ? Problem::NoNumber
            : parseIn(candidate, regionCode, &international);
        // Read with a "+", it is a number, or at least a possible one (matched, never stored
        // as valid) where the national reading is not even that.
        if (viaPlus == Problem::None || digits.startsWith(QLatin1String("00"))
            || (viaPlus == Problem::InvalidForRegion && p.m_problem != Problem::InvalidForRegion)) {
            number = international;
            p.m_problem = viaPlus;
        }
    }
    if (p.m_problem != Problem::None && p.m_problem != Problem::InvalidForRegion)
        return p;

    PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    number.clear_extension();
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    // E.164 allows 15 digits at most; whatever the library let through beyond that (found by
    // fuzz_phonenumber: digits run together from two numbers) is no number to store or match.
    if (formatted.size() > 16) {
        p.m_problem = Problem::TooLong;
        return p;
    }
    p.m_matchE164 = fromStd(formatted);
    if (p.m_problem != Problem::None)
        return p; // possible only: matched by, never shown or stored as a number
    p.m_e164 = p.m_matchE164;
    p.m_tailKey = p.m_e164.mid(1).right(10);
    util->Format(number, PhoneNumberUtil::NATIONAL, &formatted);
    p.m_nationalDigits = digitsOnly(fromStd(formatted));
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    p.m_international = fromStd(formatted);
    std::string numberRegion;
    util->GetRegionCodeForNumber(number, &numberRegion);
    p.m_region = fromStd(numberRegion);
    return p;
}

QString PhoneNumber::problemText() const
{
    switch (m_problem) {
    case Problem::None:
        return {};
    case Problem::NoNumber:
        return QStringLiteral("no phone number in it");
    case Problem::InvalidCountryCode:
        return QStringLiteral("no country has this code");
    case Problem::TooShort:
        return QStringLiteral("too short for a number in %1").arg(m_parsedIn);
    case Problem::TooLong:
        return QStringLiteral("too long for a number in %1").arg(m_parsedIn);
    case Problem::WrongLength:
        return QStringLiteral("the wrong number of digits for a number in %1").arg(m_parsedIn);
    case Problem::InvalidForRegion:
        return QStringLiteral("not a valid number in %1").arg(m_parsedIn);
    }
    return {};
}

QString PhoneNumber::international() const
{
    if (!isValid())
        return m_raw.trimmed();
    return m_extension.isEmpty() ? m_international
                                 : m_international + QStringLiteral(" ext. ") + m_extension;
}

QString PhoneNumber::canonical() const
{
    if (!isValid())
        return m_raw.trimmed();
    return m_extension.isEmpty() ? m_e164 : m_e164 + QStringLiteral(";ext=") + m_extension;
}

QStringList PhoneNumber::searchForms() const
{
    QStringList forms;
    auto add = [&forms](const QString &s) {
        if (s.size() >= 3 && !forms.contains(s))
            forms.append(s);
    };
    if (isValid()) {
        add(m_e164.mid(1));
        add(m_nationalDigits); // "89161234567", "02079460958": as people dial it at home
    } else if (isPossible()) {
        add(m_matchE164.mid(1));
    }
    add(m_rawDigits);
    return forms;
}

QString PhoneNumber::displayed(const QString &text, const QString &region)
{
    return parse(text, region).international();
}

QString PhoneNumber::formatAsYouType(const QString &typed, const QString &region)
{
    const QString ascii = asciiDigits(typed).trimmed();
    const QString digits = digitsOnly(ascii);
    if (digits.isEmpty())
        return typed;
    const QString code = isKnownRegion(region.toUpper()) ? region.toUpper() : defaultRegion();
    std::unique_ptr<AsYouTypeFormatter> formatter(
        PhoneNumberUtil::GetInstance()->GetAsYouTypeFormatter(code.toStdString()));
    std::string result;
    if (ascii.startsWith(u'+'))
        formatter->InputDigit('+', &result);
    for (const QChar c : digits)
        formatter->InputDigit(c.toLatin1(), &result);
    return fromStd(result);
}

} // namespace linecard
