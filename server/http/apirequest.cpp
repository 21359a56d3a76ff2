#include "apirequest.h"

#include "apierror.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace linecard::server {

ApiRequest::ApiRequest(const QHttpServerRequest &http, QStringList pathArgs)
    : m_http(http)
    , m_pathArgs(std::move(pathArgs))
    , m_query(http.url())
{ }

QByteArray ApiRequest::header(const QByteArray &name) const
{
    for (const auto &h : m_http.headers())
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QString ApiRequest::query(const QString &key) const
{
    return m_query.queryItemValue(key, QUrl::FullyDecoded);
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

QJsonObject ApiRequest::json() const
{
    return jsonObject(m_http.body());
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
    return doc.object();
}

} // namespace linecard::server
