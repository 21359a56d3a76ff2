#include "integrationlogstore.h"

#include "database.h"
#include "rowvalues.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlRecord>

namespace linecard::server {

QJsonObject IntegrationLogEntry::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("receivedAt"), receivedAt},
        {QStringLiteral("providerId"), providerId ? QJsonValue(providerId) : QJsonValue()},
        {QStringLiteral("providerName"), providerName},
        {QStringLiteral("remoteAddress"), remoteAddress}, {QStringLiteral("method"), method},
        {QStringLiteral("path"), path}, {QStringLiteral("headers"), headers},
        {QStringLiteral("body"), body}, {QStringLiteral("status"), status},
        {QStringLiteral("answer"), answer},
        {QStringLiteral("callId"), callId ? QJsonValue(callId) : QJsonValue()},
        {QStringLiteral("externalId"), externalId}, {QStringLiteral("events"), events}};
}

int IntegrationLogStore::capacity()
{
    bool ok = false;
    const int size = qEnvironmentVariableIntValue("LINECARD_INTEGRATION_LOG_SIZE", &ok);
    return ok && size > 0 ? size : 1000;
}

qint64 IntegrationLogStore::append(const IntegrationLogEntry &e)
{
    const QString compact
        = QString::fromUtf8(QJsonDocument(e.headers).toJson(QJsonDocument::Compact));
    const qint64 id = m_db.insert(
        QStringLiteral("INSERT INTO integration_log(received_at, provider_id, provider_name, "
                       "remote_address, method, path, headers, body, status, answer, call_id, "
                       "external_id, numbers, events) VALUES (:t, :p, :pn, :ra, :m, :path, :h, "
                       ":b, :s, :a, :c, :e, :n, :ev)"),
        {{QStringLiteral("t"), e.receivedAt.isEmpty() ? storedNow() : e.receivedAt},
            {QStringLiteral("p"), e.providerId ? QVariant(e.providerId) : QVariant()},
            {QStringLiteral("pn"), notNull(e.providerName)},
            {QStringLiteral("ra"), notNull(e.remoteAddress)}, {QStringLiteral("m"), e.method},
            {QStringLiteral("path"), e.path}, {QStringLiteral("h"), compact},
            {QStringLiteral("b"), notNull(e.body)}, {QStringLiteral("s"), e.status},
            {QStringLiteral("a"), notNull(e.answer)},
            {QStringLiteral("c"), e.callId ? QVariant(e.callId) : QVariant()},
            {QStringLiteral("e"), notNull(e.externalId)}, {QStringLiteral("n"), notNull(e.numbers)},
            {QStringLiteral("ev"),
                QString::fromUtf8(QJsonDocument(e.events).toJson(QJsonDocument::Compact))}});
    // Bounded: the oldest rows beyond the capacity go with each insert.
    m_db.exec(QStringLiteral("DELETE FROM integration_log WHERE id <= :cut"),
        {{QStringLiteral("cut"), id - capacity()}});
    return id;
}

QList<IntegrationLogEntry> IntegrationLogStore::list(
    const QString &callId, const QString &numberDigits, int limit, qint64 beforeId)
{
    QString sql = QStringLiteral("SELECT id, received_at, provider_id, provider_name, "
                                 "remote_address, method, path, headers, body, status, answer, "
                                 "call_id, external_id, events FROM integration_log WHERE 1 = 1");
    QVariantMap params {{QStringLiteral("limit"), limit}};
    if (beforeId > 0) {
        sql += QStringLiteral(" AND id < :before");
        params.insert(QStringLiteral("before"), beforeId);
    }
    if (!callId.isEmpty()) {
        sql += QStringLiteral(" AND (external_id = :cid OR call_id = :cidnum)");
        params.insert(QStringLiteral("cid"), callId);
        params.insert(QStringLiteral("cidnum"), callId.toLongLong());
    }
    if (!numberDigits.isEmpty()) {
        // The log is small and bounded: a scan is fine here.
        sql += QStringLiteral(" AND numbers LIKE :digits");
        params.insert(QStringLiteral("digits"), QString(u'%' + numberDigits + u'%'));
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT :limit");
    Database::Rows q = m_db.exec(sql, params);
    QList<IntegrationLogEntry> out;
    while (q.next()) {
        IntegrationLogEntry e;
        e.id = q.value(0).toLongLong();
        e.receivedAt = q.value(1).toString();
        e.providerId = q.value(2).toLongLong();
        e.providerName = q.value(3).toString();
        e.remoteAddress = q.value(4).toString();
        e.method = q.value(5).toString();
        e.path = q.value(6).toString();
        e.headers = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        e.body = q.value(8).toString();
        e.status = q.value(9).toInt();
        e.answer = q.value(10).toString();
        e.callId = q.value(11).toLongLong();
        e.externalId = q.value(12).toString();
        e.events = QJsonDocument::fromJson(q.value(13).toString().toUtf8()).array();
        out.append(e);
    }
    return out;
}

} // namespace linecard::server
