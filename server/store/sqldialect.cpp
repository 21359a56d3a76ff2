#include "sqldialect.h"

namespace linecard::server {

QStringList SqliteDialect::connectionSetup() const
{
    // WAL lets readers work while a write commits; FULL sync so that an acknowledged
    // write survives a killed process or machine.
    return {QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000")};
}

QString SqliteDialect::matchExpression(const QStringList &terms) const
{
    // Each term becomes a quoted phrase, which the trigram tokenizer matches as a substring.
    QStringList phrases;
    for (QString term : terms) {
        term.replace(u'"', QStringLiteral("\"\""));
        phrases << u'"' + term + u'"';
    }
    return phrases.join(QStringLiteral(" AND "));
}

QString SqliteDialect::contactSearchUpsert() const
{
    return QStringLiteral("INSERT OR REPLACE INTO contact_search(rowid, body) VALUES (:id, :body)");
}

QString SqliteDialect::contactSearchDelete() const
{
    return QStringLiteral("DELETE FROM contact_search WHERE rowid = :id");
}

} // namespace linecard::server
