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

void IntegrationLogStore::append(const QList<IntegrationLogEntry> &batch)
{
    // The newest `capacity` alone: PostgreSQL's pruning in the same statement cannot see the
    // rows it inserts, so no statement may insert rows that are already beyond the capacity.
    const QList<IntegrationLogEntry> entries = batch.mid(qMax(0, batch.size() - capacity()));
    // PostgreSQL: up to 64 rows and the pruning in one round trip. SQLite: a row a statement,
    // one text kept prepared (a text per batch size would crowd the statement cache).
    const bool postgres = m_db.dialect().isPostgres();
    const int rowsPerStatement = postgres ? 64 : 1;
    qint64 last = 0;
    for (qsizetype first = 0; first < entries.size(); first += rowsPerStatement) {
        QStringList rows;
        QVariantMap values {{QStringLiteral("cap"), capacity()}};
        for (qsizetype i = first; i < qMin(entries.size(), first + rowsPerStatement); ++i) {
            const IntegrationLogEntry &e = entries.at(i);
            const QString n = QString::number(i - first);
            rows << QStringLiteral("(:t%1, :p%1, :pn%1, :ra%1, :m%1, :path%1, :h%1, :b%1, :s%1, "
                                   ":a%1, :c%1, :e%1, :n%1, :ev%1)")
                        .arg(n);
            auto value = [&](const char *name, const QVariant &v) {
                values.insert(QLatin1String(name) + n, v);
            };
            value("t", e.receivedAt.isEmpty() ? storedNow() : e.receivedAt);
            value("p", e.providerId ? QVariant(e.providerId) : QVariant());
            value("pn", notNull(e.providerName));
            value("ra", notNull(e.remoteAddress));
            value("m", e.method);
            value("path", e.path);
            value("h", QString::fromUtf8(QJsonDocument(e.headers).toJson(QJsonDocument::Compact)));
            value("b", notNull(e.body));
            value("s", e.status);
            value("a", notNull(e.answer));
            value("c", e.callId ? QVariant(e.callId) : QVariant());
            value("e", notNull(e.externalId));
            value("n", notNull(e.numbers));
            value("ev", QString::fromUtf8(QJsonDocument(e.events).toJson(QJsonDocument::Compact)));
        }
        const QString insert
            = QStringLiteral("INSERT INTO integration_log(received_at, provider_id, provider_name, "
                             "remote_address, method, path, headers, body, status, answer, "
                             "call_id, external_id, numbers, events) VALUES ")
            + rows.join(QStringLiteral(", "));
        // Bounded: the oldest rows beyond the capacity go with the inserts.
        if (postgres) {
            m_db.exec(QStringLiteral("WITH added AS (%1 RETURNING id) DELETE FROM integration_log "
                                     "WHERE id <= (SELECT MAX(id) FROM added) - :cap")
                          .arg(insert),
                values);
        } else {
            values.remove(QStringLiteral("cap"));
            last = m_db.insert(insert, values);
        }
    }
    if (!postgres && last > 0)
        m_db.run(QStringLiteral("DELETE FROM integration_log WHERE id <= :cut"),
            {{QStringLiteral("cut"), last - capacity()}});
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
