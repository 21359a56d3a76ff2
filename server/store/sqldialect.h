#pragma once

#include <QString>
#include <QStringList>

namespace linecard::server {

// Everything that differs between SQL engines lives here (PostgreSQL arrives later).
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0;
    virtual QString migrationsPath() const = 0; // a Qt resource folder
    // Statements run on every new connection.
    virtual QStringList connectionSetup() const = 0;

    // Full-text search (store/textsearch.cpp): the MATCH expression for terms of 3+ chars.
    virtual QString matchExpression(const QStringList &terms) const = 0; // terms ≥ 3 chars
    // Contact search rows are keyed by the contact's search key (store/contactsearchorder.h).
    virtual QString contactSearchUpsert() const = 0; // binds :id (the key), :body
    virtual QString contactSearchDelete() const = 0; // binds :id (the key)
    virtual QString contactSearchRekey() const = 0; // binds :from, :to
};

class SqliteDialect : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    QString migrationsPath() const override { return QStringLiteral(":/migrations/sqlite"); }
    QStringList connectionSetup() const override;
    QString matchExpression(const QStringList &terms) const override;
    QString contactSearchUpsert() const override;
    QString contactSearchDelete() const override;
    QString contactSearchRekey() const override;
};

} // namespace linecard::server
