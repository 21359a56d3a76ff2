#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace linecard::server {

class SqlDialect;

// The "every term must match" filter over a trigram search table (one text column "body";
// task_search: rowid = the task's id; contact_search: rowid = the contact's search key). Terms of
// 3+ characters use the index; shorter ones are matched literally with LIKE, case-folded by hand
// since SQLite folds ASCII only. Returns SQL to append after a WHERE (" AND <idColumn> IN …") and
// adds its parameters.
QString textSearchFilter(const SqlDialect &dialect, const QString &table, const QString &idColumn,
    const QStringList &terms, QVariantMap &params);

// The same filter as conditions on the search table itself, for a query that reads it (as
// "alias") in rowid order: " AND <table> MATCH … AND (<alias>.body || '') LIKE …".
QString textSearchConditions(const SqlDialect &dialect, const QString &table, const QString &alias,
    const QStringList &terms, QVariantMap &params);

} // namespace linecard::server
