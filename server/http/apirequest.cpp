#include "apirequest.h"

#include "apierror.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace linecard::server {

ApiRequest::ApiRequest(const QHttpServerRequest &http, QStringList pathArgs)
    : m_http(&http)
    , m_url(http.url())
    , m_headers(http.headers())
    , m_remoteAddress(http.remoteAddress())
    , m_pathArgs(std::move(pathArgs))
    , m_query(m_url)
{ }

ApiRequest::ApiRequest(const Copy &copy)
    : m_url(copy.url)
    , m_headers(copy.headers)
    , m_remoteAddress(copy.remoteAddress)
    , m_pathArgs(copy.pathArgs)
    , m_query(m_url)
{ }

QByteArray ApiRequest::header(const QByteArray &name) const
{
    for (const auto &h : m_headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString ApiRequest::clientAddress() const
{
    const QHostAddress &peer = m_remoteAddress;
    if (peer.isLoopback()) {
        const QHostAddress forwarded(QString::fromLatin1(header("X-Real-IP").trimmed()));
        if (!forwarded.isNull())
            return forwarded.toString();
    }
    return peer.toString();
}

QString ApiRequest::query(const QString &key) const
{
    const QString value = m_query.queryItemValue(key, QUrl::FullyDecoded);
    // SQLite and FTS5 take text up to its first NUL, and nothing a client asks for has one.
    if (value.contains(QChar(0)))
        throw ApiError::badRequest(QStringLiteral("'%1' contains a NUL character").arg(key));
    return value;
}

bool ApiRequest::hasQuery(const QString &key) const
{
    return m_query.hasQueryItem(key) && !query(key).isEmpty();
}

qint64 ApiRequest::queryId(const QString &key) const
{
    if (!hasQuery(key))
        return 0;
    bool ok = false;
    const qint64 id = query(key).toLongLong(&ok);
    if (!ok || id <= 0)
        throw ApiError::badRequest(QStringLiteral("'%1' must be a positive integer id").arg(key));
    return id;
}

int ApiRequest::limit(int fallback) const
{
    if (!hasQuery(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int n = query(QStringLiteral("limit")).toInt(&ok);
    if (!ok || n < 1 || n > 200)
        throw ApiError::badRequest(QStringLiteral("'limit' must be between 1 and 200"));
    return n;
}

std::optional<bool> ApiRequest::queryBool(const QString &key) const
{
    if (!hasQuery(key))
        return std::nullopt;
    const QString v = query(key).toLower();
    if (v == QLatin1String("true") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("0"))
        return false;
    throw ApiError::badRequest(QStringLiteral("'%1' must be true or false").arg(key));
}

// A \uD800-\uDFFF escape without its other half: QJsonDocument takes it and stores
// something else than was sent.
static bool hasLoneSurrogate(const QByteArray &json)
{
    bool pendingHigh = false; // the escape before was a high half...
    qsizetype pairAt = -1; // ...and its low half must start here
    for (qsizetype i = 0; i + 1 < json.size(); ++i) {
        if (json.at(i) != '\\')
            continue;
        bool ok = false;
        const ushort unit = json.at(i + 1) == 'u' && i + 5 < json.size()
            ? json.mid(i + 2, 4).toUShort(&ok, 16)
            : 0;
        const bool low = ok && QChar::isLowSurrogate(unit);
        if (pendingHigh ? (i != pairAt || !low) : low)
            return true;
        pendingHigh = ok && QChar::isHighSurrogate(unit);
        pairAt = i + 6;
        i += ok ? 5 : 1;
    }
    return pendingHigh;
}

QJsonObject ApiRequest::json() const
{
    return jsonObject(http().body());
}

QJsonObject ApiRequest::jsonObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("malformed JSON: %1 at offset %2")
                                       .arg(error.errorString())
                                       .arg(error.offset));
    if (!doc.isObject())
        throw ApiError::badRequest(QStringLiteral("the body must be a JSON object"));
    QStringDecoder utf8(QStringDecoder::Utf8);
    [[maybe_unused]] const QString decoded = utf8(body);
    if (utf8.hasError())
        throw ApiError::badRequest(QStringLiteral("malformed JSON: the body is not valid UTF-8"));
    if (hasLoneSurrogate(body))
        throw ApiError::badRequest(
            QStringLiteral("malformed JSON: a \\u escape names half a surrogate pair"));
    return doc.object();
}

} // namespace linecard::server
