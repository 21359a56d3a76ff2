#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace linecard::server {

class SqlDialect;

// The "every term must match" filter over a trigram search table (contact_search,
// task_search: rowid = the record's id, one text column "body"). Terms of 3+ characters
// use the index; shorter ones are matched literally with LIKE, case-folded by hand since
// SQLite folds ASCII only. Returns SQL to append after a WHERE (" AND <idColumn> IN …")
// and adds its parameters.
QString textSearchFilter(const SqlDialect &dialect, const QString &table, const QString &idColumn,
    const QStringList &terms, QVariantMap &params);

} // namespace linecard::server
