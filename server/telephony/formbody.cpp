#include "formbody.h"

#include "../http/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrlQuery>

namespace linecard::server {

static QString decodeUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    if (decoder.hasError())
        throw ApiError::badRequest(QStringLiteral("the body is not UTF-8"));
    return text;
}

void FormBody::add(const QString &rawKey, const QString &value)
{
    QString key = rawKey;
    if (key.endsWith(QLatin1String("[]")))
        key.chop(2);
    m_values[key].append(value);
}

FormBody FormBody::parseForm(const QByteArray &body)
{
    FormBody form;
    // Form encoding writes a space as '+'; QUrlQuery would keep it a plus.
    QString text = decodeUtf8(body.trimmed());
    text.replace(u'+', QStringLiteral("%20"));
    const QUrlQuery query(text);
    for (const auto &item : query.queryItems(QUrl::FullyEncoded)) {
        // Decoded here, not by QUrl, so that bytes that are not UTF-8 are refused.
        const QString key = decodeUtf8(QByteArray::fromPercentEncoding(item.first.toLatin1()));
        if (key.isEmpty())
            throw ApiError::badRequest(QStringLiteral("the body is not a form"));
        form.add(key, decodeUtf8(QByteArray::fromPercentEncoding(item.second.toLatin1())));
    }
    return form;
}

FormBody FormBody::parseJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("malformed JSON: %1 at offset %2")
                                       .arg(error.errorString())
                                       .arg(error.offset));
    if (!doc.isObject())
        throw ApiError::badRequest(QStringLiteral("the body must be a JSON object"));
    FormBody form;
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue v = it.value();
        auto text = [&it](const QJsonValue &item) -> QString {
            if (item.isString())
                return item.toString();
            if (item.isDouble())
                return QString::number(item.toDouble(), 'g', 17);
            if (item.isBool())
                return item.toBool() ? QStringLiteral("1") : QStringLiteral("0");
            throw ApiError::badRequest(
                QStringLiteral("'%1' must be a string, a number or a list of them").arg(it.key()));
        };
        if (v.isNull() || v.isUndefined())
            continue;
        if (v.isArray()) {
            for (const QJsonValue &item : v.toArray())
                form.add(it.key(), text(item));
            if (v.toArray().isEmpty())
                form.m_values[it.key()];
        } else {
            form.add(it.key(), text(v));
        }
    }
    return form;
}

FormBody FormBody::parseMultipart(const QByteArray &body, const QByteArray &contentType)
{
    static const QRegularExpression boundaryRe(
        QStringLiteral("boundary=\"?([^\";]+)\"?"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nameRe(QStringLiteral("\\bname=\"([^\"]*)\""));
    const QRegularExpressionMatch boundary = boundaryRe.match(QString::fromLatin1(contentType));
    if (!boundary.hasMatch())
        throw ApiError::badRequest(QStringLiteral("multipart body without a boundary"));
    const QByteArray delimiter = "--" + boundary.captured(1).toLatin1();
    FormBody form;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        throw ApiError::badRequest(QStringLiteral("malformed multipart body"));
    while (true) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return form; // the closing delimiter
        const qsizetype next = body.indexOf(delimiter, at);
        if (next < 0)
            throw ApiError::badRequest(QStringLiteral("malformed multipart body"));
        QByteArray part = body.mid(at, next - at);
        if (part.startsWith("\r\n"))
            part.remove(0, 2);
        if (part.endsWith("\r\n"))
            part.chop(2);
        const qsizetype headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            throw ApiError::badRequest(QStringLiteral("malformed multipart body"));
        const QString headers = decodeUtf8(part.left(headerEnd));
        const QRegularExpressionMatch name = nameRe.match(headers);
        if (!name.hasMatch() || name.captured(1).isEmpty())
            throw ApiError::badRequest(QStringLiteral("a multipart field without a name"));
        form.add(name.captured(1), decodeUtf8(part.mid(headerEnd + 4)));
        at = next;
    }
}

FormBody FormBody::parse(const QByteArray &body, const QByteArray &contentType, bool allowJson)
{
    if (contentType.toLower().contains("multipart/form-data"))
        return parseMultipart(body, contentType);
    if (allowJson && (contentType.contains("json") || body.trimmed().startsWith('{')))
        return parseJson(body);
    return parseForm(body);
}

QString FormBody::value(const QString &key) const
{
    const QStringList list = m_values.value(key);
    return list.isEmpty() ? QString() : list.last();
}

QStringList FormBody::values(const QString &key) const
{
    return m_values.value(key);
}

QString FormBody::firstOf(const QStringList &keys) const
{
    for (const QString &key : keys)
        if (has(key))
            return value(key);
    return {};
}

QJsonObject FormBody::toJson(const QStringList &secretKeys) const
{
    QJsonObject o;
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        if (secretKeys.contains(it.key()))
            o.insert(it.key(), QStringLiteral("…"));
        else if (it.value().size() == 1)
            o.insert(it.key(), it.value().first());
        else
            o.insert(it.key(), QJsonArray::fromStringList(it.value()));
    }
    return o;
}

void FormBody::requireShort(const QString &key, int maxLength) const
{
    for (const QString &v : m_values.value(key)) {
        if (v.size() > maxLength)
            throw ApiError::invalid(
                QStringLiteral("'%1' is longer than %2 characters").arg(key).arg(maxLength));
        if (v.contains(QChar(0)))
            throw ApiError::invalid(QStringLiteral("'%1' contains a NUL character").arg(key));
    }
}

} // namespace linecard::server
