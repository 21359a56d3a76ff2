#include "payloadformatter.h"

#include <QJsonDocument>
#include <QStringList>
#include <QUrl>

namespace linecard::ui {

static QString decode(QString part)
{
    return QUrl::fromPercentEncoding(part.replace(u'+', u' ').toUtf8());
}

FormattedPayload PayloadFormatter::format(const QString &raw, const QString &contentType)
{
    const QString trimmed = raw.trimmed();
    if (trimmed.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && !json.isNull())
        return {QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed(),
            QStringLiteral("json")};
    // A urlencoded form: key=value pairs joined by '&', no line breaks.
    const bool looksLikeForm = !trimmed.contains(u'\n') && trimmed.contains(u'=')
        && !contentType.contains(QLatin1String("multipart"));
    if (!looksLikeForm)
        return {raw, QString()};
    QStringList lines;
    for (const QString &pair : trimmed.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        lines << (eq < 0
                ? decode(pair)
                : decode(pair.left(eq)) + QStringLiteral(" = ") + decode(pair.mid(eq + 1)));
    }
    return {lines.join(u'\n'), QStringLiteral("form")};
}

} // namespace linecard::ui
