#include "phonenumber.h"

#include <QRegularExpression>

namespace linecard {

QString PhoneNumber::digitsOnly(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        if (c >= u'0' && c <= u'9')
            out.append(c);
    return out;
}

static bool looksWithheld(const QString &text)
{
    static const QStringList words {QStringLiteral("anonymous"), QStringLiteral("unknown"),
        QStringLiteral("private"), QStringLiteral("restricted"), QStringLiteral("unavailable"),
        QStringLiteral("withheld"), QStringLiteral("hidden")};
    const QString lower = text.trimmed().toLower();
    for (const QString &w : words)
        if (lower.contains(w))
            return true;
    return false;
}

PhoneNumber PhoneNumber::parse(const QString &raw)
{
    PhoneNumber p;
    p.m_raw = raw;
    QString text = raw.trimmed();
    if (text.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive))
        text = text.mid(4).trimmed(); // "tel: +44…" must keep its "+"

    // An extension follows "ext", "доб", "x", "#", ",", ";ext=" and similar markers, and is
    // often bracketed: "(доб. 123)".
    static const QRegularExpression extensionMarker(
        QStringLiteral("(?:;\\s*ext\\s*=|\\bext\\.?|\\bextension\\b|доб\\.?|добавочный|[#,]|"
                       "(?<=\\d|\\s|\\))x)\\s*(\\d{1,8})\\s*\\)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch ext = extensionMarker.match(text);
    if (ext.hasMatch()) {
        p.m_extension = ext.captured(1);
        text = text.left(ext.capturedStart()).trimmed();
    }

    QString digits = digitsOnly(text);
    p.m_rawDigits = digits;
    if (digits.isEmpty() || looksWithheld(text)) {
        p.m_withheld = digits.isEmpty() || looksWithheld(text);
        if (digits.isEmpty())
            return p;
        if (p.m_withheld)
            return p;
    }

    const bool plus = text.startsWith(u'+');
    QString international; // digits with country code
    if (plus) {
        international = digits;
    } else if (digits.startsWith(QLatin1String("00"))) {
        international = digits.mid(2);
    } else if (digits.startsWith(QLatin1String("810")) && digits.size() > 12) {
        international = digits.mid(3); // Russian international prefix "8 10"
    } else if (digits.size() == 11 && (digits.startsWith(u'8') || digits.startsWith(u'7'))) {
        international = u'7' + digits.mid(1);
    } else if (digits.size() == 10) {
        international = u'7' + digits;
    } else if (digits.size() >= 11 && digits.size() <= 15) {
        international = digits;
    }
    if (international.startsWith(u'0'))
        international.clear();
    // A "+7 8 916 …" habit: a trunk 8 written after the country code.
    if (international.size() == 12 && international.startsWith(QLatin1String("78")))
        international = u'7' + international.mid(2);
    if (international.size() < 8 || international.size() > 15)
        return p;
    // Zone 7 (Russia, Kazakhstan) has a closed plan of 11 digits; any other length is a typo
    // whose tail key would point at the wrong number.
    if (international.startsWith(u'7') && international.size() != 11)
        return p;
    p.m_e164 = u'+' + international;
    p.m_tailKey = international.right(10);
    return p;
}

QStringList PhoneNumber::searchForms() const
{
    QStringList forms;
    auto add = [&forms](const QString &s) {
        if (s.size() >= 3 && !forms.contains(s))
            forms.append(s);
    };
    if (isValid()) {
        const QString international = m_e164.mid(1);
        add(international);
        if (international.startsWith(u'7') && international.size() == 11)
            add(u'8' + international.mid(1));
    }
    add(m_rawDigits);
    return forms;
}

} // namespace linecard
