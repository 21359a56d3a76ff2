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

    void enqueue(const IntegrationLogEntry &entry);
    void flush();
    int pendingCount() const { return int(m_pending.size()); }

private:
    Database &m_db;
    QList<IntegrationLogEntry> m_pending;
    QTimer *m_timer;
};

} // namespace linecard::server
