#include "phonelink.h"

#include "models/phonenumber.h"

#include <QRegularExpression>
#include <QUrl>

namespace linecard::client {

static QString schemeOf(const QString &text)
{
    const int colon = text.indexOf(u':');
    if (colon <= 0)
        return {};
    const QString scheme = text.left(colon).trimmed().toLower();
    static const QStringList known {QStringLiteral("tel"), QStringLiteral("callto"),
        QStringLiteral("sip"), QStringLiteral("sips")};
    return known.contains(scheme) ? scheme : QString();
}

bool PhoneLink::isPhoneLink(const QString &text)
{
    return !schemeOf(text).isEmpty();
}

PhoneLink PhoneLink::parse(const QString &text)
{
    PhoneLink link;
    link.m_original = text.trimmed();
    link.m_scheme = schemeOf(link.m_original);
    if (link.m_scheme.isEmpty())
        return link;
    // Browsers percent-encode the link ("%2B7", "%20"); Skype-style callto: adds "//".
    QString rest
        = QUrl::fromPercentEncoding(link.m_original.mid(link.m_original.indexOf(u':') + 1).toUtf8())
              .trimmed();
    while (rest.startsWith(u'/'))
        rest.remove(0, 1);

    // SIP: the user part names the number; the host and the URI's headers do not.
    if (link.m_scheme.startsWith(QLatin1String("sip"))) {
        rest = rest.section(u'?', 0, 0);
        rest = rest.section(u'@', 0, 0);
    }

    // Parameters follow ";" (RFC 3966: ";ext=", ";phone-context=", ";isub="); only the
    // extension matters for dialling.
    const QStringList parts = rest.split(u';');
    QString number = parts.first();
    for (int i = 1; i < parts.size(); ++i) {
        const QString param = parts.at(i).trimmed();
        if (param.startsWith(QLatin1String("ext="), Qt::CaseInsensitive))
            link.m_extension = PhoneNumber::digitsOnly(param.mid(4));
    }
    // Extensions written inside the number ("… доб. 12", "… x12") are understood too.
    const PhoneNumber parsed = PhoneNumber::parse(number);
    if (link.m_extension.isEmpty() && !parsed.extension().isEmpty())
        link.m_extension = parsed.extension();

    if (parsed.isValid()) {
        link.m_number = parsed.e164();
    } else {
        // Short or foreign forms the matcher does not know: keep what was written.
        static const QRegularExpression extensionTail(
            QStringLiteral("(?:;|\\bext\\.?|доб\\.?|x|#|,).*$"),
            QRegularExpression::CaseInsensitiveOption);
        const QString main = number.remove(extensionTail).trimmed();
        const QString digits = PhoneNumber::digitsOnly(main);
        if (!digits.isEmpty())
            link.m_number = main.startsWith(u'+') ? u'+' + digits : digits;
    }
    return link;
}

} // namespace linecard::client
