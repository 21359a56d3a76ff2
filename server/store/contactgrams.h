#pragma once

#include <QString>
#include <QStringList>

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
// the search key): compressed doclists read in rowid order, ANDed by FTS5 itself. Every
// write of a contact's search row goes through this class so that its grams follow it.
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
    // The FTS5 query: every token.
    static QString matchQuery(const QStringList &tokens);

    // Whether this database keeps the grams (SQLite; PostgreSQL keeps its pg_trgm index).
    bool kept() const;
    // The search row with key `key` (a contact's search key) written, replaced, erased, moved.
    void write(qint64 key, const QString &body);
    void erase(qint64 key);
    void move(qint64 from, qint64 to);
    // Grams of every search row again (migration 0012, bulk loads).
    void rebuild();

private:
    QString bodyAt(qint64 key, bool *found);
    void addGrams(qint64 key, const QString &body);
    void dropGrams(qint64 key, const QString &body);

    Database &m_db;
};

} // namespace linecard::server
