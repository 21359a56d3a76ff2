#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <stdexcept>

namespace linecard::server {

class Database;

// The import target already holds data: nothing was written.
class ImportRefused : public std::runtime_error
{
public:
    explicit ImportRefused(const QString &message)
        : std::runtime_error(message.toStdString())
    { }
};

// Copies a SQLite database (a data directory's linecard.sqlite) into an empty PostgreSQL
// database of the same schema version (linecard-server --import-sqlite): every row of every
// table as it is — ids, password hashes, token hashes, events with their seqs, read marks,
// the search tables — in one transaction, then each identity sequence set past the highest id
// (the event seq past the highest ever given, pruned or not), so new rows never reuse an id a
// client knows. The tables, columns and their order come from the target's schema, so a
// later migration needs nothing here.
class SqliteImport
{
public:
    // Rows copied per table, in the order copied.
    using Counts = QList<QPair<QString, qint64>>;
    // progress(table, rows) after each table.
    using Progress = std::function<void(const QString &, qint64)>;

    SqliteImport(Database &source, Database &target);
    // Throws ImportRefused when the target has rows, StoreError on any other failure (the
    // target is then as it was).
    Counts run(const Progress &progress = {});

private:
    struct Column
    {
        QString name;
        QString type; // PostgreSQL's data_type: bigint, integer, text, citext (USER-DEFINED)…
        bool identity = false;
    };
    struct Table
    {
        QString name;
        QList<Column> columns;
        QStringList references; // tables its foreign keys point to (not itself)
        QStringList selfReferences; // its columns that point to its own rows
    };

    QList<Table> targetTables();
    void refuseUnlessEmpty(const QList<Table> &tables);
    static QList<Table> inDependencyOrder(QList<Table> tables);
    qint64 copy(const Table &table);
    void setSequences(const Table &table);
    QString literal(const QVariant &value, const Column &column) const;

    Database &m_source;
    Database &m_target;
};

} // namespace linecard::server
