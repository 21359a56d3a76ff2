#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace linecard::server {

// Everything that differs between the SQL engines lives here: SQLite (the embedded default)
// and PostgreSQL (several server instances on one database).
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual bool isPostgres() const = 0;
    virtual QString driverName() const = 0;
    virtual QString migrationsPath() const = 0; // a Qt resource folder
    // Statements run on every new connection.
    virtual QStringList connectionSetup() const = 0;

    // Text search (store/textsearch.cpp): the condition that every term is a substring of the
    // text in `body` of the search table `table` (one text column "body", keyed by "rowid"),
    // its parameters named after prefix.
    virtual QString containsAllTerms(const QString &table, const QString &body,
        const QStringList &terms, const QString &prefix, QVariantMap &params) const = 0;
    // Contact search rows are keyed by the contact's search key (store/contactsearchorder.h).
    virtual QString contactSearchUpsert() const = 0; // binds :id (the key), :body
    virtual QString contactSearchDelete() const = 0; // binds :id (the key)
    virtual QString contactSearchRekey() const = 0; // binds :from, :to
    virtual QString taskSearchUpsert() const = 0; // binds :id (the task), :body

    // The larger of two values of one type (SQLite's two-argument MAX, PostgreSQL's GREATEST).
    virtual QString greatest(const QString &a, const QString &b) const = 0;
    // The newest seq the event log has handed out, pruned rows included.
    virtual QString lastEventSeq() const = 0;
    // An inner join whose left side stays the outer loop ("a <join> b ON …"): SQLite's
    // CROSS JOIN; PostgreSQL's planner orders joins by cost (and takes no ON after CROSS JOIN).
    virtual QString orderedJoin() const = 0;
};

class SqliteDialect : public SqlDialect
{
public:
    bool isPostgres() const override { return false; }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    QString migrationsPath() const override { return QStringLiteral(":/migrations/sqlite"); }
    QStringList connectionSetup() const override;
    QString containsAllTerms(const QString &table, const QString &body, const QStringList &terms,
        const QString &prefix, QVariantMap &params) const override;
    QString contactSearchUpsert() const override;
    QString contactSearchDelete() const override;
    QString contactSearchRekey() const override;
    QString taskSearchUpsert() const override;
    QString greatest(const QString &a, const QString &b) const override;
    QString lastEventSeq() const override;
    QString orderedJoin() const override;
};

class PostgresDialect : public SqlDialect
{
public:
    bool isPostgres() const override { return true; }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    QString migrationsPath() const override { return QStringLiteral(":/migrations/postgresql"); }
    QStringList connectionSetup() const override;
    QString containsAllTerms(const QString &table, const QString &body, const QStringList &terms,
        const QString &prefix, QVariantMap &params) const override;
    QString contactSearchUpsert() const override;
    QString contactSearchDelete() const override;
    QString contactSearchRekey() const override;
    QString taskSearchUpsert() const override;
    QString greatest(const QString &a, const QString &b) const override;
    QString lastEventSeq() const override;
    QString orderedJoin() const override;
};

} // namespace linecard::server
