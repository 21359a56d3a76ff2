#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace linecard::server {

// The fields of a PBX request, from an application/x-www-form-urlencoded body (where '+'
// is a space and "user[]" repeats) or from a flat JSON object; every value as text.
class FormBody
{
public:
    // Throws ApiError 400 for a body that is neither (or not UTF-8).
    static FormBody parseForm(const QByteArray &body);
    static FormBody parseJson(const QByteArray &body);
    // multipart/form-data, as PHP's curl sends an array of fields.
    static FormBody parseMultipart(const QByteArray &body, const QByteArray &contentType);
    // By content type: multipart, JSON (when allowed; also for a body that starts with '{'),
    // else a form.
    static FormBody parse(
        const QByteArray &body, const QByteArray &contentType, bool allowJson = true);

    bool has(const QString &key) const { return m_values.contains(key); }
    QString value(const QString &key) const; // the last value; empty when absent
    QStringList values(const QString &key) const;
    // The first of several names present (PlanFix/Zammad spell some fields two ways).
    QString firstOf(const QStringList &keys) const;
    bool isEmpty() const { return m_values.isEmpty(); }

    // The fields for the integration log, without the secrets named.
    QJsonObject toJson(const QStringList &secretKeys = {}) const;

    // Fields are short: a value over maxLength or with a NUL is 422 naming the field.
    void requireShort(const QString &key, int maxLength) const;

private:
    void add(const QString &key, const QString &value);
    QHash<QString, QStringList> m_values;
};

} // namespace linecard::server
