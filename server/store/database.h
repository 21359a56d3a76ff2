#pragma once

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantMap>

#include <memory>
#include <stdexcept>

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

// One connection to the database of a server instance, with its dialect and migrations.
// Used from the thread that opened it.
class Database
{
public:
    // Opens (creating if needed) the SQLite file and brings its schema up to date.
    static std::unique_ptr<Database> openSqlite(const QString &filePath);
    ~Database();

    const SqlDialect &dialect() const { return *m_dialect; }
    QSqlDatabase connection() const;

    // Prepares, binds (":name" → value) and runs; throws StoreError on failure.
    QSqlQuery exec(const QString &sql, const QVariantMap &params = {});
    QVariant scalar(const QString &sql, const QVariantMap &params = {});
    qint64 insert(const QString &sql, const QVariantMap &params = {}); // the new row's id

    int schemaVersion();

private:
    friend class Transaction;
    Database(std::unique_ptr<SqlDialect> dialect, const QString &connectionName);
    void migrate();

    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    int m_transactionDepth = 0;
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
    Database &m_db;
    bool m_done = false;
};

} // namespace linecard::server
