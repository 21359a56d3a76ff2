#pragma once

#include "../store/integrationlogstore.h"

#include <QList>
#include <QObject>

class QTimer;

namespace linecard::server {

class Database;

// Writes the integration log in batches, off the path of the calls: a PBX request's entry
// waits up to a quarter of a second and goes to the database with the others of that moment
// in one transaction that does not wait for the disk (Database::writeLazily). The log is a
// diagnostic record, never something a PBX was promised; readers flush() first.
class IntegrationLogWriter : public QObject
{
    Q_OBJECT
public:
    explicit IntegrationLogWriter(Database &db, QObject *parent = nullptr);
    ~IntegrationLogWriter() override; // writes what is still waiting

    // Requests refused for a wrong or missing PBX token (401/403) are not a PBX's traffic
    // and must not push it out of the bounded log: they are counted, and the last few kept
    // in memory (rejectedSamples, newest last).
    static constexpr int RejectedSamples = 10;

    void enqueue(const IntegrationLogEntry &entry);
    void flush();
    int pendingCount() const { return int(m_pending.size()); }
    qint64 rejectedCount() const { return m_rejectedCount; }
    const QList<IntegrationLogEntry> &rejectedSamples() const { return m_rejected; }

private:
    Database &m_db;
    QList<IntegrationLogEntry> m_pending;
    QList<IntegrationLogEntry> m_rejected;
    qint64 m_rejectedCount = 0;
    QTimer *m_timer;
};

} // namespace linecard::server
