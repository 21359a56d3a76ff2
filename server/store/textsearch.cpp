#include "textsearch.h"

#include "sqldialect.h"

namespace linecard::server {

QString textSearchFilter(const SqlDialect &dialect, const QString &table, const QString &idColumn,
    const QStringList &terms, QVariantMap &params)
{
    if (terms.isEmpty())
        return {};
    return QStringLiteral(" AND %1 IN (SELECT rowid FROM %2 WHERE %3)")
        .arg(idColumn, table,
            dialect.containsAllTerms(
                table, QStringLiteral("body"), terms, table + QStringLiteral("_"), params));
}

QString textSearchConditions(const SqlDialect &dialect, const QString &table, const QString &alias,
    const QStringList &terms, QVariantMap &params)
{
    if (terms.isEmpty())
        return {};
    return QStringLiteral(" AND ")
        + dialect.containsAllTerms(
            table, alias + QStringLiteral(".body"), terms, table + QStringLiteral("_"), params);
}

} // namespace linecard::server
