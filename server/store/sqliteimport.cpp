#include "sqliteimport.h"

#include "contactgrams.h"
#include "database.h"

#include <QSqlDriver>
#include <QSqlField>
#include <QSqlQuery>

namespace linecard::server {

// Rows per INSERT: one statement of literals per batch is what makes a million contacts a
// matter of minutes (QPSQL has no COPY, and a round trip per row costs more than the row).
constexpr int BatchRows = 500;

SqliteImport::SqliteImport(Database &source, Database &target)
    : m_source(source)
    , m_target(target)
{ }

SqliteImport::Counts SqliteImport::run(const Progress &progress)
{
    if (m_source.dialect().isPostgres() || !m_target.dialect().isPostgres())
        throw StoreError(QStringLiteral("the import copies SQLite into PostgreSQL"));
    const int sourceVersion = m_source.schemaVersion();
    const int targetVersion = m_target.schemaVersion();
    if (sourceVersion != targetVersion)
        throw StoreError(QStringLiteral("schema versions differ: SQLite %1, PostgreSQL %2")
                             .arg(sourceVersion)
                             .arg(targetVersion));
    const QList<Table> tables = inDependencyOrder(targetTables());

    Counts counts;
    Transaction read(m_source); // one consistent snapshot of a server that may be running
    Transaction write(m_target);
    // Another import or an instance starting on the database waits for this one.
    m_target.exec(QStringLiteral("LOCK TABLE %1 IN EXCLUSIVE MODE").arg(tables.first().name));
    refuseUnlessEmpty(tables);
    for (const Table &table : tables) {
        counts.append({table.name, copy(table)});
        setSequences(table);
        if (progress)
            progress(counts.last().first, counts.last().second);
    }
    // The search grams are each dialect's own (an FTS5 table on SQLite): written anew.
    ContactGrams(m_target).rebuild();
    write.commit();
    // Statistics of every table just filled, and the grams' visibility map (index-only reads).
    m_target.exec(QStringLiteral("ANALYZE"));
    ContactGrams(m_target).settle();
    return counts;
}

QList<SqliteImport::Table> SqliteImport::targetTables()
{
    QList<Table> tables;
    Database::Rows names = m_target.exec(QStringLiteral(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_version', 'contact_grams') "
        "ORDER BY table_name"));
    while (names.next())
        tables.append({names.value(0).toString(), {}, {}, {}});
    for (Table &table : tables) {
        Database::Rows columns = m_target.exec(
            QStringLiteral("SELECT column_name, CASE WHEN data_type = 'USER-DEFINED' THEN "
                           "udt_name ELSE data_type END, is_identity FROM "
                           "information_schema.columns WHERE table_schema = current_schema() "
                           "AND table_name = :t ORDER BY ordinal_position"),
            {{QStringLiteral("t"), table.name}});
        while (columns.next())
            table.columns.append({columns.value(0).toString(), columns.value(1).toString(),
                columns.value(2).toString() == QLatin1String("YES")});
        Database::Rows keys = m_target.exec(
            QStringLiteral("SELECT f.relname, a.attname FROM pg_constraint c "
                           "JOIN pg_class r ON r.oid = c.conrelid "
                           "JOIN pg_class f ON f.oid = c.confrelid "
                           "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = "
                           "ANY (c.conkey) WHERE c.contype = 'f' AND r.relname = :t "
                           "AND r.relnamespace = current_schema()::regnamespace"),
            {{QStringLiteral("t"), table.name}});
        while (keys.next()) {
            const QString referenced = keys.value(0).toString();
            if (referenced == table.name)
                table.selfReferences.append(keys.value(1).toString());
            else if (!table.references.contains(referenced))
                table.references.append(referenced);
        }
    }
    if (tables.isEmpty())
        throw StoreError(QStringLiteral("the PostgreSQL database has no Linecard tables"));
    return tables;
}

void SqliteImport::refuseUnlessEmpty(const QList<Table> &tables)
{
    QStringList withRows;
    for (const Table &table : tables)
        if (m_target.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(table.name))
                .toBool())
            withRows.append(table.name);
    if (!withRows.isEmpty())
        throw ImportRefused(QStringLiteral("the PostgreSQL database is not empty (rows in %1): "
                                           "the import goes only into an empty database")
                                .arg(withRows.join(QStringLiteral(", "))));
}

// Referenced tables first, so that every foreign key finds its row (a table's references to
// itself are filled in after its rows, see copy()).
QList<SqliteImport::Table> SqliteImport::inDependencyOrder(QList<Table> tables)
{
    QList<Table> ordered;
    QStringList done;
    while (!tables.isEmpty()) {
        const int before = int(tables.size());
        for (int i = 0; i < tables.size();) {
            bool ready = true;
            for (const QString &referenced : tables[i].references)
                ready = ready && done.contains(referenced);
            if (ready) {
                done.append(tables[i].name);
                ordered.append(tables.takeAt(i));
            } else {
                ++i;
            }
        }
        if (tables.size() == before)
            throw StoreError(
                QStringLiteral("foreign keys form a cycle around %1").arg(tables.first().name));
    }
    return ordered;
}

qint64 SqliteImport::copy(const Table &table)
{
    QStringList names;
    for (const Column &c : table.columns)
        names.append(c.name);
    // A self-reference may point to a row copied later: first NULL, then set.
    QString key;
    for (const Column &c : table.columns)
        if (c.identity && key.isEmpty())
            key = c.name;
    if (!table.selfReferences.isEmpty() && key.isEmpty())
        throw StoreError(QStringLiteral("%1 refers to itself and has no id").arg(table.name));

    const QString insertHead = QStringLiteral("INSERT INTO %1 (%2) VALUES ")
                                   .arg(table.name, names.join(QStringLiteral(", ")));
    QString setList, valueNames = key;
    for (const QString &column : table.selfReferences) {
        const auto it = std::find_if(table.columns.begin(), table.columns.end(),
            [&](const Column &c) { return c.name == column; });
        setList += (setList.isEmpty() ? QString() : QStringLiteral(", "))
            + QStringLiteral("%1 = v.%1::%2").arg(column, it->type);
        valueNames += QStringLiteral(", ") + column;
    }
    const QString updateHead
        = QStringLiteral("UPDATE %1 SET %2 FROM (VALUES ").arg(table.name, setList);
    const QString updateTail
        = QStringLiteral(") AS v(%1) WHERE %2.%3 = v.%3").arg(valueNames, table.name, key);

    Database::Rows rows = m_source.exec(
        QStringLiteral("SELECT %1 FROM %2").arg(names.join(QStringLiteral(", ")), table.name));
    QStringList inserts, updates;
    auto flush = [&] {
        if (!inserts.isEmpty())
            m_target.exec(insertHead + inserts.join(u','));
        inserts.clear();
    };
    auto flushUpdates = [&] {
        if (!updates.isEmpty())
            m_target.exec(updateHead + updates.join(u',') + updateTail);
        updates.clear();
    };
    qint64 count = 0;
    QList<QString> laterUpdates; // applied once every row is there
    while (rows.next()) {
        QStringList values, selfValues;
        bool anySelfReference = false;
        for (int i = 0; i < table.columns.size(); ++i) {
            const Column &column = table.columns[i];
            const QVariant value = rows.value(i);
            if (table.selfReferences.contains(column.name)) {
                anySelfReference = anySelfReference || !value.isNull();
                selfValues.append(literal(value, column));
                values.append(QStringLiteral("NULL"));
            } else {
                values.append(literal(value, column));
            }
            if (column.name == key)
                selfValues.prepend(literal(value, column));
        }
        inserts.append(u'(' + values.join(u',') + u')');
        if (anySelfReference)
            laterUpdates.append(u'(' + selfValues.join(u',') + u')');
        if (inserts.size() >= BatchRows)
            flush();
        ++count;
    }
    flush();
    for (const QString &update : laterUpdates) {
        updates.append(update);
        if (updates.size() >= BatchRows)
            flushUpdates();
    }
    flushUpdates();
    return count;
}

// Past the highest id in the table, and for SQLite's AUTOINCREMENT tables (the event log) past
// the highest ever given: a pruned log's next seq must still be new to every client.
void SqliteImport::setSequences(const Table &table)
{
    for (const Column &column : table.columns) {
        if (!column.identity)
            continue;
        qint64 next = m_target
                          .scalar(QStringLiteral("SELECT COALESCE(MAX(%1), 0) + 1 FROM %2")
                                      .arg(column.name, table.name))
                          .toLongLong();
        const bool hasSequenceTable
            = m_source
                  .scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                         "'sqlite_sequence'"))
                  .toInt()
            > 0;
        if (hasSequenceTable)
            next = std::max(next,
                m_source.scalar(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = :t"),
                            {{QStringLiteral("t"), table.name}})
                        .toLongLong()
                    + 1);
        m_target.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence(:t, :c), :next, false)"),
            {{QStringLiteral("t"), table.name}, {QStringLiteral("c"), column.name},
                {QStringLiteral("next"), next}});
    }
}

// The value as a PostgreSQL literal of the column's type (SQLite's own types are loose).
QString SqliteImport::literal(const QVariant &value, const Column &column) const
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (column.type == QLatin1String("bigint") || column.type == QLatin1String("integer")) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (ok)
            return QString::number(number);
    }
    QSqlField field {QString(), QMetaType(QMetaType::QString)};
    field.setValue(value.toString());
    return m_target.connection().driver()->formatValue(field);
}

} // namespace linecard::server
