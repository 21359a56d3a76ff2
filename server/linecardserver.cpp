#include "linecardserver.h"

#include "auth/passwordhasher.h"
#include "events/freshaudience.h"
#include "http/apiserver.h"
#include "http/readerpool.h"
#include "http/routes.h"
#include "logging.h"
#include "servercontext.h"
#include "store/groupcommit.h"
#include "store/walcheckpointer.h"
#include "telephony/callservice.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>

static void initResources()
{
    Q_INIT_RESOURCE(migrations);
}

namespace linecard::server {

LinecardServer::LinecardServer(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    initResources();
}

// Every endpoint, on the serving thread's router and on each reader's.
static void addAllRoutes(Router &router, ServerContext &ctx)
{
    addAuthRoutes(router, ctx);
    addPeopleRoutes(router, ctx);
    addTaskRoutes(router, ctx);
    addCommentRoutes(router, ctx);
    addContactRoutes(router, ctx);
    addSettingsRoutes(router, ctx);
    addLineRoutes(router, ctx);
    addProviderRoutes(router, ctx);
    addCallRoutes(router, ctx);
    addTelephonyRoutes(router, ctx);
}

// The reads an operator's client makes all day, answered on the reader threads. Each handler
// only reads, through ctx.db, the stores and ctx.rule() (see Router::runOnReaders).
static const QStringList readerRoutes {
    QStringLiteral("/api/v1/tasks"),
    QStringLiteral("/api/v1/tasks/{id}"),
    QStringLiteral("/api/v1/tasks/{id}/comments"),
    QStringLiteral("/api/v1/contacts"),
    QStringLiteral("/api/v1/contacts/lookup"),
    QStringLiteral("/api/v1/contacts/{id}"),
    QStringLiteral("/api/v1/contacts/{id}/tasks"),
    QStringLiteral("/api/v1/contacts/{id}/activity"),
    QStringLiteral("/api/v1/contacts/{id}/comments"),
    QStringLiteral("/api/v1/comments/{id}"),
    QStringLiteral("/api/v1/people"),
    QStringLiteral("/api/v1/lines"),
};

LinecardServer::~LinecardServer()
{
    // Readers, sockets and routes refer to the stores: take them down first.
    m_readers.reset();
    delete m_http;
    delete m_events;
    m_groupCommit.reset();
}

void LinecardServer::start()
{
    keepRequestDumpsOff();
    const DatabaseConfig config = m_options.databaseUrl.isEmpty()
        ? DatabaseConfig::sqlite(prepareSqliteFile())
        : DatabaseConfig {{}, m_options.databaseUrl};
    m_db = Database::open(config);
    if (!config.isPostgres()) {
        m_db->exec(
            QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(WalCheckpointer::FallbackPages));
        m_checkpointer = std::make_unique<WalCheckpointer>(config.sqliteFile);
        m_checkpointer->start(QThread::LowPriority);
        m_groupCommit = GroupCommit::create(*m_db);
    }
    m_stores = std::make_unique<Stores>(*m_db);
    m_settings = std::make_unique<SettingsStore>(*m_db);
    m_eventLog = std::make_unique<EventLog>(*m_db);
    m_auth = std::make_unique<AuthService>(*m_db, m_stores->people);
    m_auth->setTokenIdleExpiry(qint64(m_options.tokenIdleDays) * 24 * 3600);
    auto authenticate = [this](const QByteArray &token) { return m_auth->authenticate(token); };
    m_events = new EventHub(*m_eventLog, *m_settings, authenticate);
    m_events->setPingInterval(m_options.pingIntervalMs);
    m_events->setAudienceSource(FreshAudience(m_stores->tasks, m_stores->comments));
    m_events->setPersonSource([this](qint64 id) { return m_stores->people.get(id); });
    if (m_db->dialect().isPostgres())
        m_events->followDatabase(
            m_options.databaseUrl, m_eventLog->lastSeq(), [this](const QString &notice) {
                m_db->notifyAtCommit(QStringLiteral("linecard_sessions"), notice);
            });
    m_integrationLog = std::make_unique<IntegrationLogWriter>(*m_db);
    m_context = std::make_unique<ServerContext>(
        *m_db, *m_stores, *m_settings, *m_auth, *m_events, *m_integrationLog);

    m_http = new ApiServer;
    Router &router = m_http->router();
    router.setAuthenticator(authenticate);
    addAllRoutes(router, *m_context);
    router.groupCommits(m_groupCommit.get());
    router.setEventPosition([events = m_events] { return events->deliveredSeq(); });
    const int readers = m_options.readerThreads >= 0 ? m_options.readerThreads
                                                     : std::max(1, QThread::idealThreadCount());
    if (readers > 0) {
        m_readers = std::make_unique<ReaderPool>(
            readers, [config] { return Database::open(config); }, addAllRoutes, *m_context);
        router.runOnReaders(m_readers.get(), readerRoutes);
    }
    connect(m_http, &ApiServer::newWebSocketConnection, this, [this] {
        while (m_http->hasPendingWebSocketConnections())
            m_events->accept(m_http->nextPendingWebSocketConnection());
    });

    // Calls whose end the PBX never sent would ring in the operators' windows for ever.
    bool fromEnvironment = false;
    const int timeout = qEnvironmentVariableIntValue("LINECARD_RING_TIMEOUT", &fromEnvironment);
    if (fromEnvironment && timeout > 0)
        m_options.ringTimeoutSeconds = timeout;
    const int maxDuration
        = qEnvironmentVariableIntValue("LINECARD_CALL_MAX_DURATION", &fromEnvironment);
    if (fromEnvironment && maxDuration > 0)
        m_options.callMaxDurationSeconds = maxDuration;
    auto *sweep = new QTimer(this);
    const int shortest = std::min(m_options.ringTimeoutSeconds, m_options.callMaxDurationSeconds);
    sweep->setInterval(std::clamp(shortest * 250, 250, 30000));
    connect(sweep, &QTimer::timeout, this, &LinecardServer::expireSilentCalls);
    sweep->start();

    m_port = m_http->serve(m_options.address, m_options.port, m_options.connectionLimits);
    if (m_port == 0)
        throw std::runtime_error(QStringLiteral("cannot listen on %1:%2")
                                     .arg(m_options.address.toString())
                                     .arg(m_options.port)
                                     .toStdString());
    qCInfo(lcHttp) << "serving on" << url().toString();
}

QString LinecardServer::prepareSqliteFile()
{
    // What the server creates is its own: the folder 0700, the database 0600 (SQLite gives
    // its -wal and -shm files the database's mode). An existing folder is left as it is.
    if (!QFileInfo::exists(m_options.dataDir)) {
        QDir().mkpath(m_options.dataDir);
        QFile::setPermissions(
            m_options.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QString file = QDir(m_options.dataDir).filePath(QStringLiteral("linecard.sqlite"));
    if (!QFileInfo::exists(file)) {
        QFile created(file);
        if (created.open(QIODevice::WriteOnly))
            created.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    return file;
}

void LinecardServer::expireSilentCalls()
{
    try {
        // Several instances on one database: one sweeps at a time, the others skip the round.
        const bool shared = m_db->dialect().isPostgres();
        if (shared
            && !m_db->scalar(
                        QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(AdvisoryLock::Sweeps))
                    .toBool())
            return;
        auto unlock = qScopeGuard([&] {
            if (shared)
                m_db->exec(
                    QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(AdvisoryLock::Sweeps));
        });
        CallService calls(*m_context);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        calls.expireSilentRinging(now, m_options.ringTimeoutSeconds);
        calls.expireLongAnswered(now, m_options.callMaxDurationSeconds);
    } catch (const StoreError &e) {
        qCWarning(lcTelephony) << "expiring silent calls:" << e.what();
    }
}

QUrl LinecardServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    return url;
}

bool LinecardServer::isEmpty()
{
    return !m_stores->people.hasEmployees();
}

bool LinecardServer::createFirstAdministrator(
    const QString &name, const QString &login, const QString &password)
{
    const QString hash = PasswordHasher::hash(password); // slow: not while holding the lock
    Transaction tx(*m_db);
    if (m_db->dialect().isPostgres())
        m_db->exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)")
                       .arg(AdvisoryLock::FirstAdministrator));
    if (!isEmpty())
        return false;
    m_stores->people.createEmployee(name, login, hash, {}, true);
    tx.commit();
    return true;
}

void LinecardServer::createAdministrator(
    const QString &name, const QString &login, const QString &password)
{
    m_stores->people.createEmployee(name, login, PasswordHasher::hash(password), {}, true);
}

} // namespace linecard::server
