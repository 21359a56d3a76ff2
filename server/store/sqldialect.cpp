#include "sqldialect.h"

namespace linecard::server {

// % and _ in a term are text, not wildcards.
static QString likeEscaped(const QString &term)
{
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return escaped;
}

// Characters, not UTF-16 units: an emoji and a letter make no trigram.
static bool isTrigramTerm(const QString &term)
{
    return term.toUcs4().size() >= 3;
}

QStringList SqliteDialect::connectionSetup() const
{
    // WAL lets readers work while a write commits; FULL sync so that an acknowledged
    // write survives a killed process or machine. Reads go through a memory map instead of
    // a read() and a copy per page: a third off the CPU time of a contact search at
    // 1,000,000 contacts (bench/search); address space only, the pages are the OS's file
    // cache either way.
    return {QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA mmap_size = 1073741824")};
}

static QStringList caseVariants(const QString &term)
{
    QStringList variants {QString()};
    for (char32_t c : term.toUcs4()) {
        QStringList next;
        for (const QString &v : variants)
            for (char32_t cased : {QChar::toLower(c), QChar::toUpper(c)}) {
                const QString longer = v + QString::fromUcs4(&cased, 1);
                if (!next.contains(longer))
                    next << longer;
            }
        variants = next;
    }
    return variants;
}

QString SqliteDialect::containsAllTerms(const QString &table, const QString &body,
    const QStringList &terms, const QString &prefix, QVariantMap &params) const
{
    // Terms of 3+ characters: the FTS5 trigram table, each term a quoted phrase (matched as a
    // substring). Shorter ones: LIKE on an expression — the trigram table would answer "body
    // LIKE" itself and finds nothing for a pattern under 3 characters of 3+ bytes ("ив") — in
    // every case variant, since SQLite folds ASCII only.
    QStringList conditions, phrases;
    int shortTerms = 0;
    for (const QString &term : terms) {
        if (isTrigramTerm(term)) {
            phrases << u'"' + QString(term).replace(u'"', QStringLiteral("\"\"")) + u'"';
            continue;
        }
        const QStringList variants = caseVariants(likeEscaped(term));
        QStringList likes;
        for (int v = 0; v < variants.size(); ++v) {
            const QString param = prefix + QStringLiteral("short%1_%2").arg(shortTerms).arg(v);
            likes << QStringLiteral("(%1 || '') LIKE :%2 ESCAPE '\\'").arg(body, param);
            params.insert(param, QString(u'%' + variants.at(v) + u'%'));
        }
        conditions << u'(' + likes.join(QStringLiteral(" OR ")) + u')';
        ++shortTerms;
    }
    if (!phrases.isEmpty()) {
        conditions.prepend(QStringLiteral("%1 MATCH :%2match").arg(table, prefix));
        params.insert(prefix + QStringLiteral("match"), phrases.join(QStringLiteral(" AND ")));
    }
    return conditions.join(QStringLiteral(" AND "));
}

QString SqliteDialect::contactSearchUpsert() const
{
    return QStringLiteral("INSERT OR REPLACE INTO contact_search(rowid, body) VALUES (:id, :body)");
}

QString SqliteDialect::contactSearchDelete() const
{
    return QStringLiteral("DELETE FROM contact_search WHERE rowid = :id");
}

QString SqliteDialect::contactSearchRekey() const
{
    return QStringLiteral("UPDATE contact_search SET rowid = :to WHERE rowid = :from");
}

QString SqliteDialect::taskSearchUpsert() const
{
    return QStringLiteral("INSERT OR REPLACE INTO task_search(rowid, body) VALUES (:id, :body)");
}

QString SqliteDialect::greatest(const QString &a, const QString &b) const
{
    return QStringLiteral("MAX(%1, %2)").arg(a, b);
}

QString SqliteDialect::lastEventSeq() const
{
    // AUTOINCREMENT keeps the counter in sqlite_sequence even when the log was pruned empty.
    return QStringLiteral(
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)");
}

QString SqliteDialect::orderedJoin() const
{
    return QStringLiteral("CROSS JOIN");
}

QStringList PostgresDialect::connectionSetup() const
{
    // Text compares and sorts as SQLite's does (code points) where the schema says so; the
    // search terms are matched case-insensitively by ILIKE in the database's own ctype.
    return {QStringLiteral("SET client_encoding = 'UTF8'"),
        QStringLiteral("SET standard_conforming_strings = on"),
        QStringLiteral("SET client_min_messages = warning")}; // no "already exists" notices
}

QString PostgresDialect::containsAllTerms(const QString &table, const QString &body,
    const QStringList &terms, const QString &prefix, QVariantMap &params) const
{
    // ILIKE folds case in every script; a pg_trgm GIN index on body answers the patterns of
    // 3+ characters, shorter ones are checked on the rows the others leave (or scanned).
    Q_UNUSED(table)
    QStringList conditions;
    for (int i = 0; i < terms.size(); ++i) {
        const QString param = prefix + QStringLiteral("term%1").arg(i);
        conditions << QStringLiteral("%1 ILIKE :%2 ESCAPE '\\'").arg(body, param);
        params.insert(param, QString(u'%' + likeEscaped(terms.at(i)) + u'%'));
    }
    return conditions.join(QStringLiteral(" AND "));
}

QString PostgresDialect::contactSearchUpsert() const
{
    return QStringLiteral("INSERT INTO contact_search(rowid, body) VALUES (:id, :body) "
                          "ON CONFLICT (rowid) DO UPDATE SET body = excluded.body");
}

QString PostgresDialect::contactSearchDelete() const
{
    return QStringLiteral("DELETE FROM contact_search WHERE rowid = :id");
}

QString PostgresDialect::contactSearchRekey() const
{
    return QStringLiteral("UPDATE contact_search SET rowid = :to WHERE rowid = :from");
}

QString PostgresDialect::taskSearchUpsert() const
{
    return QStringLiteral("INSERT INTO task_search(rowid, body) VALUES (:id, :body) "
                          "ON CONFLICT (rowid) DO UPDATE SET body = excluded.body");
}

QString PostgresDialect::greatest(const QString &a, const QString &b) const
{
    return QStringLiteral("GREATEST(%1, %2)").arg(a, b);
}

QString PostgresDialect::lastEventSeq() const
{
    // Pruning keeps the newest rows, so the newest committed seq is always in the table; an
    // empty log is a fresh one.
    return QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM events");
}

QString PostgresDialect::orderedJoin() const
{
    return QStringLiteral("JOIN");
}

} // namespace linecard::server
