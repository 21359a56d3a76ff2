#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace linecard::server {

class SqlDialect;

// The "every term must match" filter over a trigram search table (one text column "body";
// task_search: rowid = the task's id; contact_search: rowid = the contact's search key), every
// term a case-insensitive substring; how is the dialect's (SqlDialect::containsAllTerms).
// Returns SQL to append after a WHERE (" AND <idColumn> IN …") and adds its parameters.
QString textSearchFilter(const SqlDialect &dialect, const QString &table, const QString &idColumn,
    const QStringList &terms, QVariantMap &params);

// The same filter as conditions on the search table itself, for a query that reads it (as
// "alias") in rowid order: " AND <conditions on alias.body>".
QString textSearchConditions(const SqlDialect &dialect, const QString &table, const QString &alias,
    const QStringList &terms, QVariantMap &params);

} // namespace linecard::server
