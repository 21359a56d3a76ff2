#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace linecard {

// Reads typed fields out of a JSON object and remembers the first problem, so that a
// codec or a request handler can read everything and then check once.
// Required fields fail loudly; optional ones fall back to their defaults.
class JsonRead
{
public:
    explicit JsonRead(const QJsonObject &object)
        : m_object(object)
    { }

    bool has(const QString &key) const { return m_object.contains(key); }
    bool isNull(const QString &key) const { return m_object.value(key).isNull(); }

    QString string(const QString &key, const QString &fallback = {});
    QString requiredString(const QString &key);
    bool boolean(const QString &key, bool fallback = false);
    qint64 id(const QString &key, qint64 fallback = 0); // 0 = none; null allowed
    qint64 requiredId(const QString &key);
    qint64 integer(const QString &key, qint64 fallback = 0);
    // Lists longer than maxItems fail (a cap said in the error); duplicate ids are dropped.
    static constexpr int MaxListItems = 1000;
    QList<qint64> ids(const QString &key, int maxItems = MaxListItems);
    QStringList strings(const QString &key, int maxItems = MaxListItems);
    QDateTime time(const QString &key); // ISO 8601; invalid when absent, an error when malformed
    QJsonObject object(const QString &key);
    QJsonArray array(const QString &key);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString errorField() const { return m_errorField; }
    void fail(const QString &field, const QString &message);

private:
    QJsonObject m_object;
    QString m_error;
    QString m_errorField;
};

QJsonArray idsToJson(const QList<qint64> &ids);
QString isoTime(const QDateTime &time); // ISO 8601 UTC with milliseconds, empty for invalid

} // namespace linecard
