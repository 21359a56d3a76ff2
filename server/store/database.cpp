#include "database.h"

#include "../logging.h"
#include "contactgrams.h"
#include "phonerenormaliser.h"

#include <QAtomicInt>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace linecard::server {

static QString newConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("linecard-%1").arg(counter.fetchAndAddRelaxed(1));
}

Database::Database(std::unique_ptr<SqlDialect> dialect, const QString &connectionName)
    : m_dialect(std::move(dialect))
    , m_connectionName(connectionName)
{ }

Database::~Database()
{
    m_kept.clear(); // finalised before their connection goes (PostgreSQL drops its own)
    m_keptUse.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString DatabaseConfig::checkUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return QStringLiteral("not a URL: %1").arg(parsed.errorString());
    if (parsed.scheme() != QLatin1String("postgresql")
        && parsed.scheme() != QLatin1String("postgres"))
        return QStringLiteral("only postgresql://user:password@host:port/dbname is supported");
    if (parsed.host().isEmpty())
        return QStringLiteral("the URL names no host");
    const QString name = parsed.path().mid(1);
    if (name.isEmpty() || name.contains(u'/'))
        return QStringLiteral("the URL names no database (…/dbname)");
    return {};
}

std::unique_ptr<Database> Database::open(const DatabaseConfig &config)
{
    return config.isPostgres() ? openPostgres(config.url) : openSqlite(config.sqliteFile);
}

std::unique_ptr<Database> Database::openWith(
    std::unique_ptr<SqlDialect> dialect, const std::function<void(QSqlDatabase &)> &setUp)
{
    std::unique_ptr<Database> database(new Database(std::move(dialect), newConnectionName()));
    QSqlDatabase db
        = QSqlDatabase::addDatabase(database->dialect().driverName(), database->m_connectionName);
    setUp(db);
    if (!db.open())
        throw StoreError(QStringLiteral("cannot open the database %1: %2")
                             .arg(db.databaseName(), db.lastError().text()));
    for (const QString &statement : database->dialect().connectionSetup())
        database->exec(statement);
    database->migrate();
    return database;
}

std::unique_ptr<Database> Database::openSqlite(const QString &filePath)
{
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    return openWith(
        std::make_unique<SqliteDialect>(), [&](QSqlDatabase &db) { db.setDatabaseName(filePath); });
}

std::unique_ptr<Database> Database::openPostgres(const QString &url)
{
    const QString problem = DatabaseConfig::checkUrl(url);
    if (!problem.isEmpty())
        throw StoreError(QStringLiteral("--database: %1").arg(problem));
    const QUrl parsed(url);
    return openWith(std::make_unique<PostgresDialect>(), [&](QSqlDatabase &db) {
        db.setHostName(parsed.host());
        db.setPort(parsed.port(5432));
        db.setUserName(parsed.userName(QUrl::FullyDecoded));
        db.setPassword(parsed.password(QUrl::FullyDecoded));
        db.setDatabaseName(parsed.path(QUrl::FullyDecoded).mid(1));
        // ?sslmode=require and the like go to libpq as they are.
        QStringList options;
        for (const auto &item : QUrlQuery(parsed).queryItems(QUrl::FullyDecoded))
            options << item.first + u'=' + item.second;
        options << QStringLiteral("application_name=linecard-server")
                << QStringLiteral("connect_timeout=10");
        db.setConnectOptions(options.join(u';'));
    });
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

// A value as a PostgreSQL string literal. Quoted whatever its type, so that PostgreSQL types
// it from where it stands, as it does a prepared statement's parameter ('5' is a number
// beside a number and text beside text); flags are INTEGER 0/1 columns.
static QString postgresLiteral(const QVariant &value, const QSqlDriver &driver)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    QString text;
    switch (value.typeId()) {
    case QMetaType::Bool:
        text = value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        text = QString::number(value.toDouble(), 'g', 17);
        break;
    default:
        text = value.toString();
    }
    QSqlField field {QString(), QMetaType(QMetaType::QString)}; // braces: not a declaration
    field.setValue(text);
    return driver.formatValue(field);
}

// The statement with each ":name" (not inside quotes, not a "::type" cast) replaced by
// replace(name).
static QString withPlaceholdersReplaced(
    const QString &sql, const std::function<QString(const QString &name)> &replace)
{
    QString out;
    out.reserve(sql.size() + 64);
    QChar quote; // inside '…' or "…" when not null
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            out += c;
            continue;
        }
        const bool placeholder = c == u':' && i + 1 < sql.size()
            && (sql[i + 1].isLetter() || sql[i + 1] == u'_') && (i == 0 || sql[i - 1] != u':');
        if (!placeholder) {
            out += c;
            continue;
        }
        qsizetype end = i + 1;
        while (end < sql.size() && (sql[end].isLetterOrNumber() || sql[end] == u'_'))
            ++end;
        out += replace(sql.mid(i + 1, end - i - 1));
        i = end - 1;
    }
    return out;
}

// The statement with each ":name" replaced by its value's literal. Throws for a name without
// a value, as binding would fail.
QString Database::withInlineValues(const QString &sql, const QVariantMap &params) const
{
    const QSqlDriver &driver = *connection().driver();
    return withPlaceholdersReplaced(sql, [&](const QString &name) {
        const auto value = params.constFind(name);
        if (value == params.constEnd())
            throw StoreError(QStringLiteral("no value for :%1 in %2").arg(name, sql.simplified()));
        return postgresLiteral(*value, driver);
    });
}

Database::Rows::Rows(QSqlQuery query, Database *home, const QString &sql)
    : m_query(std::move(query))
    , m_home(home)
    , m_sql(home ? sql : QString())
{ }

Database::Rows::Rows(Rows &&other) noexcept
    : m_query(std::move(other.m_query))
    , m_home(std::exchange(other.m_home, nullptr))
    , m_sql(std::move(other.m_sql))
{ }

Database::Rows::~Rows()
{
    if (m_home)
        m_home->keep(m_sql, std::move(m_query));
}

Database::Rows::operator QSqlQuery() &&
{
    m_home = nullptr;
    return std::move(m_query);
}

Database::Rows Database::execKept(const QString &sql, const QVariantMap &params)
{
    if (!m_dialect->isPostgres() || params.isEmpty())
        return exec(sql, params);
    auto found = m_preparedOnServer.find(sql);
    if (found == m_preparedOnServer.end()) {
        if (m_preparedOnServer.size() >= 256) {
            exec(QStringLiteral("DEALLOCATE ALL")); // texts built with values: bound the memory
            m_preparedOnServer.clear();
        }
        PreparedOnServer statement;
        statement.name = QStringLiteral("linecard_%1").arg(++m_preparedCount);
        const QString positional = withPlaceholdersReplaced(sql, [&](const QString &name) {
            qsizetype index = statement.parameters.indexOf(name);
            if (index < 0) {
                index = statement.parameters.size();
                statement.parameters << name;
            }
            return QStringLiteral("$%1").arg(index + 1);
        });
        exec(QStringLiteral("PREPARE %1 AS %2").arg(statement.name, positional));
        found = m_preparedOnServer.emplace(sql, std::move(statement)).first;
    }
    const QSqlDriver &driver = *connection().driver();
    QStringList values;
    for (const QString &name : found->second.parameters) {
        const auto value = params.constFind(name);
        if (value == params.constEnd())
            throw StoreError(QStringLiteral("no value for :%1 in %2").arg(name, sql.simplified()));
        values << postgresLiteral(*value, driver);
    }
    // Quoted literals take the types PostgreSQL gave the parameters.
    return exec(QStringLiteral("EXECUTE %1 (%2)").arg(found->second.name, values.join(u',')));
}

Database::Rows Database::exec(const QString &sql, const QVariantMap &params)
{
    if (m_dialect->isPostgres()) {
        QSqlQuery query(connection());
        query.setForwardOnly(true);
        // One round trip with the values in the text: QPSQL's prepare() costs three (PREPARE,
        // EXECUTE, DEALLOCATE) and plans every time all the same, and made most of the
        // PostgreSQL leak hunt's time (bench: ctest -L postgres before and after, README).
        const QString statement = params.isEmpty() ? sql : withInlineValues(sql, params);
        if (!query.exec(statement))
            throw StoreError(QStringLiteral("query failed: %1 in %2")
                                 .arg(query.lastError().text(), sql.simplified()));
        return Rows(std::move(query), nullptr, sql);
    }
    Rows rows(lendStatement(sql), this, sql);
    bindAndRun(rows.m_query, sql, params);
    return rows;
}

// The kept statement for sql, taken out of the cache while its rows are read (a statement
// run again inside the loop over its own rows gets one of its own), or a new one.
QSqlQuery Database::lendStatement(const QString &sql)
{
    const auto found = m_kept.find(sql);
    if (found == m_kept.end())
        return prepared(sql);
    QSqlQuery query = std::move(found->second.query);
    m_keptUse.erase(found->second.use);
    m_kept.erase(found);
    return query;
}

void Database::keep(const QString &sql, QSqlQuery &&statement)
{
    statement.finish(); // reset: the connection's read snapshot goes with it
    if (m_kept.count(sql))
        return; // another statement of the text came back first
    constexpr size_t MaxKept = 256;
    if (m_kept.size() >= MaxKept) {
        m_kept.erase(m_keptUse.back());
        m_keptUse.pop_back();
    }
    m_keptUse.push_front(sql);
    m_kept.emplace(sql, Kept {std::move(statement), m_keptUse.begin()});
}

void Database::execTogether(const QStringList &statements)
{
    Q_ASSERT(m_dialect->isPostgres());
    QSqlQuery query(connection());
    // Not forward-only: QPSQL then runs the text with PQexec, which runs every statement in
    // order, stops at the first that fails and reports it (the single-row mode it uses for a
    // forward-only query reads the first statement's result and drops the others').
    query.setForwardOnly(false);
    const QString script = statements.join(QStringLiteral("; "));
    if (!query.exec(script))
        throw StoreError(QStringLiteral("query failed: %1 in %2")
                             .arg(query.lastError().text(), script.simplified()));
}

QSqlQuery Database::prepared(const QString &sql)
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw StoreError(QStringLiteral("prepare failed: %1 in %2")
                             .arg(query.lastError().text(), sql.simplified()));
    return query;
}

QSqlQuery &Database::keptStatement(const QString &sql)
{
    const auto found = m_kept.find(sql);
    if (found != m_kept.end()) {
        m_keptUse.splice(m_keptUse.begin(), m_keptUse, found->second.use);
        return found->second.query;
    }
    keep(sql, prepared(sql));
    return m_kept.at(sql).query;
}

void Database::bindAndRun(QSqlQuery &query, const QString &sql, const QVariantMap &params)
{
    for (auto it = params.begin(); it != params.end(); ++it)
        query.bindValue(u':' + it.key(), it.value());
    if (!query.exec())
        throw StoreError(QStringLiteral("query failed: %1 in %2")
                             .arg(query.lastError().text(), sql.simplified()));
}

int Database::run(const QString &sql, const QVariantMap &params)
{
    if (m_dialect->isPostgres())
        return exec(sql, params).numRowsAffected();
    QSqlQuery &query = keptStatement(sql);
    bindAndRun(query, sql, params);
    const int affected = query.numRowsAffected();
    query.finish();
    return affected;
}

QVariant Database::scalar(const QString &sql, const QVariantMap &params)
{
    if (m_dialect->isPostgres()) {
        QSqlQuery query = exec(sql, params);
        return query.next() ? query.value(0) : QVariant();
    }
    QSqlQuery &query = keptStatement(sql);
    bindAndRun(query, sql, params);
    const QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish(); // reset: no read left open on the connection
    return value;
}

qint64 Database::insert(const QString &sql, const QVariantMap &params, const QString &idColumn)
{
    if (!m_dialect->isPostgres()) {
        QSqlQuery &query = keptStatement(sql);
        bindAndRun(query, sql, params);
        const qint64 id = query.lastInsertId().toLongLong();
        query.finish();
        return id;
    }
    // QPSQL's lastInsertId() is the row's OID, which tables no longer have. An INSERT … VALUES
    // plans the same whatever the values: kept.
    QSqlQuery query = execKept(sql + QStringLiteral(" RETURNING ") + idColumn, params);
    return query.next() ? query.value(0).toLongLong() : 0;
}

int Database::schemaVersion()
{
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    return scalar(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")).toInt();
}

// On PostgreSQL several instances may start together on one database: one migrates at a
// time (a session advisory lock), the others then find the schema up to date.
void Database::migrate()
{
    if (!m_dialect->isPostgres()) {
        migrateLocked();
        return;
    }
    exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(AdvisoryLock::Migrations));
    auto unlock = qScopeGuard([this] {
        exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(AdvisoryLock::Migrations));
    });
    migrateLocked();
}

// Migrations are files "NNNN_name.sql" in the dialect's resource folder, applied in order,
// each in its own transaction together with its version row.
void Database::migrateLocked()
{
    const int current = schemaVersion();
    QList<int> applied;
    QStringList files = QDir(m_dialect->migrationsPath())
                            .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const int version = name.section(u'_', 0, 0).toInt();
        if (version <= current)
            continue;
        QFile file(m_dialect->migrationsPath() + u'/' + name);
        if (!file.open(QIODevice::ReadOnly))
            throw StoreError(QStringLiteral("cannot read migration %1").arg(name));
        const QString script = QString::fromUtf8(file.readAll());
        Transaction tx(*this);
        for (const QString &statement : script.split(QStringLiteral("\n;;"), Qt::SkipEmptyParts)) {
            QString sql;
            for (const QString &line : statement.split(u'\n'))
                if (!line.trimmed().startsWith(QLatin1String("--")))
                    sql += line + u'\n';
            if (!sql.trimmed().isEmpty())
                exec(sql);
        }
        runCodeSteps(version);
        exec(QStringLiteral("INSERT INTO schema_version(version) VALUES (:v)"),
            {{QStringLiteral("v"), version}});
        tx.commit();
        applied << version;
        qCInfo(lcStore) << "applied migration" << name;
    }
    runStepsAfterCommit(applied);
}

// What a migration does beyond its SQL, in the same transaction, after the script.
void Database::runCodeSteps(int version)
{
    if (version == 8 || version == 9)
        PhoneRenormaliser(*this).run();
    if (version == 12)
        ContactGrams(*this).rebuild();
}

// What needs the migrations committed: statistics and visibility of the tables they filled
// (PostgreSQL's VACUUM runs outside any transaction).
void Database::runStepsAfterCommit(const QList<int> &versions)
{
    if (versions.contains(12))
        ContactGrams(*this).settle();
}

void Database::notifyAtCommit(const QString &channel, const QString &payload)
{
    if (m_transactionDepth > 0) {
        m_notifications.insert(channel, payload);
        return;
    }
    exec(QStringLiteral("SELECT pg_notify(:c, :p)"),
        {{QStringLiteral("c"), channel}, {QStringLiteral("p"), payload}});
}

void Database::writeLazily(const std::function<void()> &write)
{
    if (m_transactionDepth > 0) {
        write(); // the outer transaction's commit decides
        return;
    }
    if (m_dialect->isPostgres()) {
        Transaction tx(*this);
        exec(QStringLiteral("SET LOCAL synchronous_commit = off"));
        write();
        tx.commit();
        return;
    }
    const QVariant mode = scalar(QStringLiteral("PRAGMA synchronous"));
    exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    auto restore
        = qScopeGuard([&] { exec(QStringLiteral("PRAGMA synchronous = %1").arg(mode.toInt())); });
    Transaction tx(*this);
    write();
    tx.commit();
}

bool Database::syncWriteAheadLog()
{
    if (m_dialect->isPostgres())
        return false; // PostgreSQL's commits are its own business
    return syncWriteAheadLogOf(connection().databaseName());
}

bool Database::syncWriteAheadLogOf(const QString &databaseFile)
{
#ifdef Q_OS_UNIX
    const QByteArray wal = QFile::encodeName(databaseFile + QStringLiteral("-wal"));
    const int fd = ::open(wal.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fdatasync(fd) == 0;
    ::close(fd);
    return synced;
#else
    Q_UNUSED(databaseFile);
    return false;
#endif
}

DeferredSync::DeferredSync(Database &db)
    : m_db(db)
{
    if (m_db.m_transactionDepth > 0)
        return; // an outer transaction commits, and decides how
    if (m_db.dialect().isPostgres()) {
        m_db.m_nextCommitUnflushed = true;
        m_mode = QStringLiteral("postgres");
        return;
    }
#ifdef Q_OS_UNIX
    const QVariant mode = m_db.scalar(QStringLiteral("PRAGMA synchronous"));
    if (mode.toInt() < 2)
        return; // OFF or NORMAL already: nothing to defer, nothing to sync
    m_db.run(QStringLiteral("PRAGMA synchronous = NORMAL"));
    m_mode = mode;
    m_changesBefore = changes();
#endif
}

// Rows this connection has written since it opened (rolled back ones too: a flush too many
// is harmless, one too few is not). Asked of the handle: no statement for it on every write.
qint64 DeferredSync::changes() const
{
    const QVariant handle = m_db.connection().driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        if (sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData()))
            return sqlite3_total_changes64(connection);
    return m_db.scalar(QStringLiteral("SELECT total_changes()")).toLongLong();
}

DeferredSync::~DeferredSync()
{
    try {
        sync();
    } catch (const StoreError &e) {
        qCWarning(lcStore) << "deferred sync:" << e.what();
    }
}

void DeferredSync::sync()
{
    if (m_mode.isNull())
        return;
    if (m_db.dialect().isPostgres()) {
        m_mode.clear();
        m_db.m_nextCommitUnflushed = false;
        if (!std::exchange(m_db.m_unflushedCommit, false))
            return;
        // A transactional WAL record committed synchronously: the commit waits for the flush
        // of the log up to it, which covers every earlier commit (any role may call this).
        m_db.exec(QStringLiteral("SELECT pg_logical_emit_message(true, 'linecard', 'flush')"));
        return;
    }
    const int mode = m_mode.toInt();
    m_mode.clear();
    const bool synced = changes() == m_changesBefore || m_db.syncWriteAheadLog();
    m_db.run(QStringLiteral("PRAGMA synchronous = %1").arg(mode));
    if (!synced)
        throw StoreError(QStringLiteral("cannot sync the write-ahead log to the disk"));
}

bool DeferredSync::handOver()
{
    if (m_mode.isNull())
        return false;
    if (m_db.dialect().isPostgres()) {
        sync(); // no group commit on PostgreSQL: the flush is owed here
        return false;
    }
    const int mode = m_mode.toInt();
    m_mode.clear();
    m_db.exec(QStringLiteral("PRAGMA synchronous = %1").arg(mode));
    return changes() != m_changesBefore;
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    if (m_db.m_transactionDepth++ > 0)
        return;
    if (m_db.dialect().isPostgres()) {
        beginOnPostgres();
        return;
    }
    if (!m_db.connection().transaction()) {
        --m_db.m_transactionDepth;
        throw StoreError(QStringLiteral("cannot begin a transaction"));
    }
    if (std::exchange(m_db.m_nextCommitUnflushed, false)) {
        try {
            m_db.exec(QStringLiteral("SET LOCAL synchronous_commit = off"));
        } catch (const StoreError &) {
            --m_db.m_transactionDepth;
            m_db.connection().rollback();
            throw;
        }
        m_unflushed = true;
    }
}

// BEGIN and the transaction's settings in one round trip.
void Transaction::beginOnPostgres()
{
    QStringList begin {QStringLiteral("BEGIN")};
    const bool unflushed = std::exchange(m_db.m_nextCommitUnflushed, false);
    // A change with events (a screen-pop's INCOMING among them): its kept statements are
    // lookups by key, and PostgreSQL would plan some on every call all the same — the card's
    // tasks of a contact, whose person_id the planner, counting employees in thousands of
    // tasks, expects to match thousands of rows with any value.
    if (unflushed)
        begin << QStringLiteral("SET LOCAL synchronous_commit = off")
              << QStringLiteral("SET LOCAL plan_cache_mode = force_generic_plan");
    try {
        m_db.execTogether(begin);
    } catch (const StoreError &) {
        --m_db.m_transactionDepth;
        m_db.connection().rollback(); // BEGIN may have run before the failure
        throw;
    }
    m_unflushed = unflushed;
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    if (--m_db.m_transactionDepth == 0) {
        m_db.m_notifications.clear();
        m_db.connection().rollback();
    }
}

void Transaction::commit()
{
    m_done = true;
    if (--m_db.m_transactionDepth > 0)
        return;
    if (!m_db.m_notifications.isEmpty()) {
        // The NOTIFYs and the COMMIT in one round trip. A transaction that an error aborted
        // cannot slip through as a COMMIT answered "ROLLBACK": its pg_notify fails first.
        const QVariantMap notifications = std::exchange(m_db.m_notifications, {});
        QStringList statements;
        for (auto it = notifications.begin(); it != notifications.end(); ++it)
            statements << m_db.withInlineValues(QStringLiteral("SELECT pg_notify(:c, :p)"),
                {{QStringLiteral("c"), it.key()}, {QStringLiteral("p"), it.value()}});
        statements << QStringLiteral("COMMIT");
        try {
            m_db.execTogether(statements);
        } catch (const StoreError &) {
            m_db.connection().rollback();
            throw;
        }
    } else if (!m_db.connection().commit())
        throw StoreError(
            QStringLiteral("commit failed: %1").arg(m_db.connection().lastError().text()));
    if (m_unflushed)
        m_db.m_unflushedCommit = true; // DeferredSync::sync() owes the flush
}

} // namespace linecard::server
