#pragma once

#include "http/connectionguard.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace linecard::server {

class ApiServer;
class AuthService;
class Database;
class EventHub;
class EventLog;
class GroupCommit;
class IntegrationLogWriter;
class ReaderPool;
class SettingsStore;
struct Stores;
class WalCheckpointer;
struct ServerContext;

// One Linecard server instance: storage in a data directory, the REST API and the event
// stream on one port. The linecard-server program, the client's local workspace and the
// tests all run exactly this.
class LinecardServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;
        // postgresql://user:password@host:port/dbname (--database): several instances share
        // it. Empty: SQLite in dataDir.
        QString databaseUrl;
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0; // 0 = any free port
        int pingIntervalMs = 20000;
        // A ringing call the PBX says nothing more about ends unanswered after this long
        // (LINECARD_RING_TIMEOUT, seconds, overrides it).
        int ringTimeoutSeconds = 600;
        // A sign-in token unused for this long is refused (--token-idle-days).
        int tokenIdleDays = 30;
        // Body size, slow and idle clients (ConnectionWatcher).
        ConnectionLimits connectionLimits;
        // An answered call whose hang-up never comes ends (reason "timeout") after this long
        // (LINECARD_CALL_MAX_DURATION, seconds, overrides it).
        int callMaxDurationSeconds = 4 * 3600;
        // Threads answering the operators' reads, each with its own database connection
        // (ReaderPool); -1: one per core, 0: everything on the serving thread.
        int readerThreads = -1;
    };

    explicit LinecardServer(const Options &options, QObject *parent = nullptr);
    ~LinecardServer() override;

    // Opens the data directory and starts listening; throws std::runtime_error on failure.
    void start();
    QUrl url() const;
    quint16 port() const { return m_port; }

    // True when no employee exists yet (a fresh data directory).
    bool isEmpty();
    void createAdministrator(const QString &name, const QString &login, const QString &password);
    // The first administrator of an empty database; false (and nothing done) when someone was
    // first: instances starting together on one PostgreSQL database create one between them.
    bool createFirstAdministrator(
        const QString &name, const QString &login, const QString &password);

    ServerContext &context() { return *m_context; }
    // The writes' shared flushes (null on PostgreSQL).
    GroupCommit *groupCommit() { return m_groupCommit.get(); }

private:
    // Creates the data directory (0700) and the SQLite file (0600) if need be; its path.
    QString prepareSqliteFile();
    void expireSilentCalls();

    Options m_options;
    quint16 m_port = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<GroupCommit> m_groupCommit;
    std::unique_ptr<Stores> m_stores;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<IntegrationLogWriter> m_integrationLog;
    std::unique_ptr<ReaderPool> m_readers;
    EventHub *m_events = nullptr;
    ApiServer *m_http = nullptr;
    std::unique_ptr<ServerContext> m_context;
};

} // namespace linecard::server
