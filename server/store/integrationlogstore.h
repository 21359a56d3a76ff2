#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace linecard::server {

class Database;

// One PBX request in the integration log, secrets already masked.
struct IntegrationLogEntry
{
    // A logged body is cut here: enough to read any real PBX request.
    static constexpr int MaxBodyBytes = 8 * 1024;

    qint64 id = 0;
    QString receivedAt;
    qint64 providerId = 0;
    QString providerName;
    QString remoteAddress;
    QString method;
    QString path;
    QJsonObject headers;
    QString body;
    int status = 0;
    QString answer;
    qint64 callId = 0;
    QString externalId;
    QString numbers; // the digits of the numbers in the request, space-separated
    QJsonArray events; // [{id, kind}] the call events it produced

    QJsonObject toJson() const;
};

// The bounded log of raw PBX requests: the newest `capacity` rows stay.
class IntegrationLogStore
{
public:
    explicit IntegrationLogStore(Database &db)
        : m_db(db)
    { }

    // LINECARD_INTEGRATION_LOG_SIZE, else 1000.
    static int capacity();

    // Up to 64 rows a statement (a batch of the writer is one or a few round trips, not two
    // per entry: on PostgreSQL those held the serving thread for milliseconds, every 250 ms).
    void append(const QList<IntegrationLogEntry> &entries);
    // Newest first; callId matches the PBX's call id or ours, number any run of its digits.
    QList<IntegrationLogEntry> list(
        const QString &callId, const QString &numberDigits, int limit, qint64 beforeId);

private:
    Database &m_db;
};

} // namespace linecard::server
