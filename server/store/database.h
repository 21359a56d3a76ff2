#pragma once

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantMap>

#include <functional>
#include <list>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace linecard::server {

// A failed statement: a server fault, answered 500 and logged, never a client's mistake.
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message)
        : std::runtime_error(message.toStdString())
    { }
};

// Qt binds a null QString as SQL NULL; text columns that are NOT NULL want "" instead.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Keys of PostgreSQL advisory locks: what only one of the instances sharing a database may do
// at a time ("LC" and a number, clear of other applications' small integers).
namespace AdvisoryLock {
constexpr qint64 Migrations = 0x4c430001;
constexpr qint64 FirstAdministrator = 0x4c430002;
constexpr qint64 EventLog = 0x4c430003; // seqs commit in their order
constexpr qint64 Sweeps = 0x4c430004; // ring timeouts, log pruning
} // namespace AdvisoryLock

// Where a server instance keeps its data: a SQLite file (the embedded default), or a
// PostgreSQL database that several instances share.
struct DatabaseConfig
{
    QString sqliteFile; // when url is empty
    QString url; // postgresql://user:password@host:port/dbname

    bool isPostgres() const { return !url.isEmpty(); }
    static DatabaseConfig sqlite(const QString &filePath) { return {filePath, {}}; }
    // Checks the form of a postgresql:// (or postgres://) URL; returns what is wrong, or "".
    static QString checkUrl(const QString &url);
};

// One connection to the database of a server instance, with its dialect and migrations.
// Used from the thread that opened it.
class Database
{
public:
    // Opens a connection of either kind and brings the schema up to date (once per database:
    // instances starting together on one PostgreSQL database take turns).
    static std::unique_ptr<Database> open(const DatabaseConfig &config);
    // Opens (creating if needed) the SQLite file and brings its schema up to date.
    static std::unique_ptr<Database> openSqlite(const QString &filePath);
    // Connects to postgresql://user:password@host:port/dbname and brings its schema up to date.
    static std::unique_ptr<Database> openPostgres(const QString &url);
    ~Database();

    const SqlDialect &dialect() const { return *m_dialect; }
    QSqlDatabase connection() const;

    // The rows of exec(). On SQLite its statement is kept prepared for its text (QtSql
    // prepares afresh on every exec: parsing and planning cost as much as a small read): while
    // the caller holds the rows the statement is theirs; when they let go it is reset — no read
    // snapshot left open, however far they read — and kept for the next exec() of that text.
    // Held as a plain QSqlQuery the rows work as before but their statement is not kept.
    class Rows
    {
    public:
        Rows(Rows &&other) noexcept;
        Rows &operator=(Rows &&) = delete;
        ~Rows();

        bool next() { return m_query.next(); }
        QVariant value(int column) const { return m_query.value(column); }
        QVariant value(const QString &column) const { return m_query.value(column); }
        bool isNull(int column) const { return m_query.isNull(column); }
        int numRowsAffected() const { return m_query.numRowsAffected(); }
        void finish() { m_query.finish(); }
        operator QSqlQuery &() & { return m_query; }
        operator const QSqlQuery &() const & { return m_query; }
        // Taken as a plain QSqlQuery (`QSqlQuery q = db.exec(…)`): the statement is not kept.
        operator QSqlQuery() &&;

    private:
        friend class Database;
        Rows(QSqlQuery query, Database *home, const QString &sql);
        QSqlQuery m_query;
        Database *m_home = nullptr; // where the statement goes back to; null: it is not kept
        QString m_sql;
    };

    // Prepares, binds (":name" → value) and runs; throws StoreError on failure.
    Rows exec(const QString &sql, const QVariantMap &params = {});
    // exec() for a lookup by keys, whose best plan does not depend on the values: on
    // PostgreSQL prepared once per connection (PREPARE, then EXECUTE with the values), so that
    // PostgreSQL plans it once instead of on every call (planning was most of a small
    // statement's time). Not for a statement that needs its values' plan (search). On SQLite
    // exec(), which keeps every statement prepared.
    Rows execKept(const QString &sql, const QVariantMap &params = {});
    QVariant scalar(const QString &sql, const QVariantMap &params = {});
    // A statement that returns no rows (INSERT, UPDATE, DELETE, PRAGMA x = y); how many rows
    // it changed. Unlike exec(), prepared once per connection (SQLite).
    int run(const QString &sql, const QVariantMap &params = {});
    // The new row's id (the column idColumn: "INSERT … VALUES (…)" only).
    qint64 insert(const QString &sql, const QVariantMap &params = {},
        const QString &idColumn = QStringLiteral("id"));

    int schemaVersion();
    bool inTransaction() const { return m_transactionDepth > 0; }

    // PostgreSQL: NOTIFY channel with payload as the current transaction commits (at once
    // outside one). Once per channel and transaction, the last payload given: notifying
    // commits take a cluster-wide lock, so a transaction sends one wake-up, never one per row.
    void notifyAtCommit(const QString &channel, const QString &payload);

    // Runs `write` in a transaction whose commit does not wait for the disk: it is safe from a
    // killed process at once and from a power loss with the next ordinary commit (SQLite WAL,
    // synchronous NORMAL for this one commit). For diagnostics such as the integration log,
    // never for what a client was told is stored. Inside an open transaction it simply joins.
    void writeLazily(const std::function<void()> &write);

    // Flushes the write-ahead log to the disk: what an ordinary commit does before it returns.
    // False where the platform or the file gives no way to (the caller then stays with
    // ordinary commits).
    bool syncWriteAheadLog();
    // The same for the SQLite file databaseFile, from any thread (GroupCommit's sync thread).
    static bool syncWriteAheadLogOf(const QString &databaseFile);

private:
    friend class Transaction;
    friend class DeferredSync;
    Database(std::unique_ptr<SqlDialect> dialect, const QString &connectionName);
    static std::unique_ptr<Database> openWith(
        std::unique_ptr<SqlDialect> dialect, const std::function<void(QSqlDatabase &)> &setUp);
    void migrate();
    void migrateLocked();
    void runCodeSteps(int version);
    void runStepsAfterCommit(const QList<int> &versions);
    QString withInlineValues(const QString &sql, const QVariantMap &params) const;

    // PostgreSQL: statements without parameters, run in order in one round trip.
    void execTogether(const QStringList &statements);
    QSqlQuery prepared(const QString &sql);
    QSqlQuery &keptStatement(const QString &sql);
    QSqlQuery lendStatement(const QString &sql);
    void keep(const QString &sql, QSqlQuery &&statement);
    static void bindAndRun(QSqlQuery &query, const QString &sql, const QVariantMap &params);

    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    // SQLite: statements prepared once and kept for their text (QtSql prepares afresh on every
    // exec: parsing and planning were a third of a screen-pop's CPU). run(), scalar() and
    // insert() reset theirs before they return; exec() lends its statement to the Rows, which
    // reset it and give it back. Bounded: the least recently used goes first, so that texts
    // with values written into them do not push out those used all the time.
    struct Kept
    {
        QSqlQuery query;
        std::list<QString>::iterator use;
    };
    std::unordered_map<QString, Kept> m_kept;
    std::list<QString> m_keptUse; // most recently used first
    // PostgreSQL: execKept()'s statements, by their text.
    struct PreparedOnServer
    {
        QString name;
        QStringList parameters; // the ":name"s in the order of $1, $2, …
    };
    std::unordered_map<QString, PreparedOnServer> m_preparedOnServer;
    int m_preparedCount = 0;
    int m_transactionDepth = 0;
    QVariantMap m_notifications; // channel → payload, sent by the outermost commit
    // PostgreSQL and DeferredSync: the next transaction commits without waiting for its WAL
    // flush, and until a flush has covered it, a flush is owed.
    bool m_nextCommitUnflushed = false;
    bool m_unflushedCommit = false;
};

// A change whose commit does not wait for the disk, so that its events can be on their way
// while the disk catches up: commit, deliver, then sync() — and only then answer whoever must
// be able to count on the change (a PBX's request). The same guarantee as an ordinary commit
// for the answer; a power loss between the commit and sync() costs an event that a client may
// have seen and that nobody was promised (a client ahead of the log resyncs). Without a way to
// sync the log by hand (see Database::syncWriteAheadLog) commits stay ordinary.
// On PostgreSQL the next transaction commits with synchronous_commit off — its NOTIFY wakes
// the other instances at once instead of after the WAL flush — and sync() then waits for a
// flush that covers it (a small synchronous commit of its own).
class DeferredSync
{
public:
    explicit DeferredSync(Database &db);
    ~DeferredSync(); // sync()s if not done yet
    void sync();
    // Restores the connection's mode without syncing; true when a sync is owed, which the
    // caller then has done before answering (GroupCommit::whenDurable). Nothing is owed when
    // nothing was written meanwhile (a refused request, a sign-in checking a password).
    bool handOver();

    DeferredSync(const DeferredSync &) = delete;
    DeferredSync &operator=(const DeferredSync &) = delete;

private:
    qint64 changes() const;

    Database &m_db;
    QVariant m_mode; // the connection's own synchronous mode; null when nothing was deferred
    qint64 m_changesBefore = 0; // SQLite: total_changes() when deferring began
};

// Scope of one atomic change; nests (only the outermost scope commits). Rolls back
// unless commit() was reached, so an exception leaves the database untouched.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    void commit();

    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

private:
    void beginOnPostgres();

    Database &m_db;
    bool m_done = false;
    bool m_unflushed = false; // commits without waiting for the WAL flush (DeferredSync)
};

} // namespace linecard::server
