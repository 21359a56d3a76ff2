#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace linecard::server {

class Database;

// Contact search reads the postings of a query's grams in search-key order and leaves when
// the page is full, so its cost follows the density of the matches, not the table (issue 20
// part 3: FTS5 walks a phrase's trigram doclists, which grow with the table, checking
// adjacency). A contact's grams are every 3-character window of each line of its search row
// (case-folded) and every 4-digit window ("7495"): a digit term of 4+ digits is looked up by
// its 4-digit windows, any other term of 3+ characters by its trigrams. Their AND finds a
// superset of the matches; each candidate is then checked against the row itself, so the
// rule stays "every term a case-insensitive substring" (store/textsearch.h).
//
// On SQLite the postings are a contentless FTS5 table (contact_grams, detail=none, rowid =
// the search key): compressed doclists read in rowid order, ANDed by FTS5 itself. On
// PostgreSQL they are rows (token, key) of a B-tree, each token a 32-bit code: the sparsest
// token's postings are read in key order and the others probed per candidate. Every write of
// a contact's search row goes through this class so that its grams follow it.
class ContactGrams
{
public:
    explicit ContactGrams(Database &db)
        : m_db(db)
    { }

    // Case folding of rows and terms alike (FTS5's trigram folding, per character).
    static QString fold(const QString &text);
    // Index tokens of a search row, each once.
    static QStringList ofBody(const QString &body);
    // Tokens whose postings a row containing every term has (empty: no term of 3+ characters).
    static QStringList ofTerms(const QStringList &terms);
    // Whether a folded row contains every folded term.
    static bool containsAll(const QString &foldedBody, const QStringList &foldedTerms);
    // PostgreSQL keeps each token as a 32-bit code (FNV-1a of the token): rows of (integer,
    // bigint). Two tokens of one code only add candidates.
    static qint32 code(const QString &token);
    // The tokens' codes, each once.
    static QList<qint32> codesOf(const QStringList &tokens);
    // The FTS5 query: every token.
    static QString matchQuery(const QStringList &tokens);

    // The tokens (ofTerms(terms)) in the order a search reads their postings: on PostgreSQL
    // the lead first (the one with the fewest postings after `after`, counted in one
    // statement), then the probes, sparsest first; as given on SQLite (FTS5 orders its AND
    // itself).
    // mergeFirstTwo: whether candidates() should merge the first two tokens' postings (several
    // terms, the second not four digits found in many contacts) rather than probe the second.
    QStringList readingOrder(
        const QStringList &terms, const QStringList &tokens, qint64 after, bool *mergeFirstTwo);
    // A query whose rows are `columns` (of people p, LEFT JOINed: NULL for a row of no
    // contact), then the row's body and key, for the candidates holding every token (in
    // readingOrder), in key order from after :after, LIMIT :batch (both left for the caller
    // to bind).
    QString candidates(const QString &columns, const QStringList &tokens, bool mergeFirstTwo,
        QVariantMap &params) const;
    // The search row with key `key` (a contact's search key) written, replaced, erased, moved.
    void write(qint64 key, const QString &body);
    void erase(qint64 key);
    void move(qint64 from, qint64 to);
    // Grams of every search row again (migration 0012, bulk loads).
    void rebuild();
    // After a rebuild has committed: on PostgreSQL, VACUUM (ANALYZE) the postings, so that the
    // planner knows them and reads them index-only at once, not when autovacuum gets round
    // to it. Outside any transaction; nothing on SQLite.
    void settle();

private:
    bool isPostgres() const;
    // The tokens as the dialect binds them: FTS5 text, or a PostgreSQL integer[] of codes.
    QString bound(const QStringList &tokens) const;
    QString bodyAt(qint64 key, bool *found);
    // The postings of rows (key, body), written in one go.
    void addGrams(const QList<std::pair<qint64, QString>> &rows);
    void dropGrams(qint64 key, const QString &body);

    Database &m_db;
};

} // namespace linecard::server
