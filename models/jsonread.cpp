#include "jsonread.h"

#include <QDateTime>
#include <QSet>

#include <cmath>

namespace linecard {

void JsonRead::fail(const QString &field, const QString &message)
{
    if (m_error.isEmpty()) {
        m_errorField = field;
        m_error = message;
    }
}

QString JsonRead::string(const QString &key, const QString &fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString()) {
        fail(key, QStringLiteral("'%1' must be a string").arg(key));
        return fallback;
    }
    return v.toString();
}

QString JsonRead::requiredString(const QString &key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(key, QStringLiteral("'%1' is required").arg(key));
        return {};
    }
    return string(key);
}

bool JsonRead::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(key, QStringLiteral("'%1' must be true or false").arg(key));
        return fallback;
    }
    return v.toBool();
}

static std::optional<qint64> exactInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740991.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

qint64 JsonRead::integer(const QString &key, qint64 fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const auto n = exactInteger(v);
    if (!n) {
        fail(key, QStringLiteral("'%1' must be an integer").arg(key));
        return fallback;
    }
    return *n;
}

qint64 JsonRead::id(const QString &key, qint64 fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const auto n = exactInteger(v);
    if (!n || *n <= 0) {
        fail(key, QStringLiteral("'%1' must be a positive integer id").arg(key));
        return fallback;
    }
    return *n;
}

qint64 JsonRead::requiredId(const QString &key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull()) {
        fail(key, QStringLiteral("'%1' is required").arg(key));
        return 0;
    }
    return id(key);
}

QList<qint64> JsonRead::ids(const QString &key, int maxItems)
{
    QList<qint64> out;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(key, QStringLiteral("'%1' must be an array of ids").arg(key));
        return out;
    }
    const QJsonArray items = v.toArray();
    if (items.size() > maxItems) {
        fail(key, QStringLiteral("'%1' lists at most %2 ids").arg(key).arg(maxItems));
        return out;
    }
    QSet<qint64> seen;
    seen.reserve(items.size());
    for (const QJsonValue &item : items) {
        const auto n = exactInteger(item);
        if (!n || *n <= 0) {
            fail(key, QStringLiteral("'%1' must be an array of ids").arg(key));
            return {};
        }
        if (!seen.contains(*n)) {
            seen.insert(*n);
            out.append(*n);
        }
    }
    return out;
}

QStringList JsonRead::strings(const QString &key, int maxItems)
{
    QStringList out;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray()) {
        fail(key, QStringLiteral("'%1' must be an array of strings").arg(key));
        return out;
    }
    const QJsonArray items = v.toArray();
    if (items.size() > maxItems) {
        fail(key, QStringLiteral("'%1' lists at most %2 strings").arg(key).arg(maxItems));
        return out;
    }
    for (const QJsonValue &item : items) {
        if (!item.isString()) {
            fail(key, QStringLiteral("'%1' must be an array of strings").arg(key));
            return {};
        }
        out.append(item.toString());
    }
    return out;
}

QDateTime JsonRead::time(const QString &key)
{
    const QString text = string(key);
    if (text.isEmpty())
        return {};
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        fail(key, QStringLiteral("'%1' must be an ISO 8601 time").arg(key));
    return t;
}

QJsonObject JsonRead::object(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        fail(key, QStringLiteral("'%1' must be an object").arg(key));
        return {};
    }
    return v.toObject();
}

QJsonArray JsonRead::array(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        fail(key, QStringLiteral("'%1' must be an array").arg(key));
        return {};
    }
    return v.toArray();
}

QJsonArray idsToJson(const QList<qint64> &ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

QString isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace linecard
