#include "contactgrams.h"

#include "contactsearchorder.h"
#include "database.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace linecard::server {

namespace {

// More tokens than this add work to every step of FTS5's AND and barely narrow it: a long
// term keeps evenly spaced ones (the check on the row decides anyway).
constexpr int MaxQueryTokens = 6;

// How far PostgreSQL's search counts each token's postings to choose the one it walks: the
// trigrams of one term are alike, those of several terms (a name and digits) not.
constexpr int LookAheadOfOneTerm = 1000;
constexpr int LookAheadOfTerms = 8000;

// Four digits in at least this share of the contacts are probed, not merged (readingOrder).
constexpr double DenseDigits = 0.05;

bool isAsciiDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}

// A trigram as one ASCII token: FNV-1a of its code points. A collision only adds candidates.
QString trigramToken(const char32_t *c)
{
    quint32 hash = 2166136261u;
    for (int i = 0; i < 3; ++i)
        for (int shift = 0; shift < 32; shift += 8) {
            hash ^= (quint32(c[i]) >> shift) & 0xffu;
            hash *= 16777619u;
        }
    return QStringLiteral("t%1").arg(hash, 8, 16, QLatin1Char('0'));
}

QString digitsToken(const char32_t *c)
{
    QString token(5, u'n');
    for (int i = 0; i < 4; ++i)
        token[i + 1] = QChar(char16_t(c[i]));
    return token;
}

void addUnique(QStringList &out, QSet<QString> &seen, const QString &token)
{
    if (!seen.contains(token)) {
        seen.insert(token);
        out << token;
    }
}

} // namespace

QString ContactGrams::fold(const QString &text)
{
    return text.toCaseFolded();
}

QStringList ContactGrams::ofBody(const QString &body)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &line : body.split(u'\n', Qt::SkipEmptyParts)) {
        const QList<uint> c = fold(line).toUcs4();
        const auto *chars = reinterpret_cast<const char32_t *>(c.constData());
        for (qsizetype i = 0; i + 3 <= c.size(); ++i) {
            addUnique(out, seen, trigramToken(chars + i));
            if (i + 4 <= c.size() && isAsciiDigit(chars[i]) && isAsciiDigit(chars[i + 1])
                && isAsciiDigit(chars[i + 2]) && isAsciiDigit(chars[i + 3]))
                addUnique(out, seen, digitsToken(chars + i));
        }
    }
    return out;
}

QStringList ContactGrams::ofTerms(const QStringList &terms)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &term : terms) {
        const QList<uint> c = fold(term).toUcs4();
        const auto *chars = reinterpret_cast<const char32_t *>(c.constData());
        const bool digits = c.size() >= 4 && std::all_of(c.cbegin(), c.cend(), [](uint ch) {
            return isAsciiDigit(char32_t(ch));
        });
        QStringList tokens;
        QSet<QString> mine;
        if (digits)
            for (qsizetype i = 0; i + 4 <= c.size(); ++i)
                addUnique(tokens, mine, digitsToken(chars + i));
        else
            for (qsizetype i = 0; i + 3 <= c.size(); ++i)
                addUnique(tokens, mine, trigramToken(chars + i));
        for (const QString &token : tokens)
            addUnique(out, seen, token);
    }
    if (out.size() <= MaxQueryTokens)
        return out;
    QStringList spaced;
    for (int i = 0; i < MaxQueryTokens; ++i)
        spaced << out.at(int(qsizetype(i) * (out.size() - 1) / (MaxQueryTokens - 1)));
    return spaced;
}

bool ContactGrams::containsAll(const QString &foldedBody, const QStringList &foldedTerms)
{
    return std::all_of(foldedTerms.cbegin(), foldedTerms.cend(),
        [&](const QString &term) { return foldedBody.contains(term); });
}

QString ContactGrams::matchQuery(const QStringList &tokens)
{
    return tokens.join(u' '); // barewords of [a-z0-9]: FTS5 ANDs them
}

bool ContactGrams::isPostgres() const
{
    return m_db.dialect().isPostgres();
}

qint32 ContactGrams::code(const QString &token)
{
    quint32 hash = 2166136261u;
    for (QChar c : token) {
        hash ^= c.unicode() & 0xffu;
        hash *= 16777619u;
    }
    return qint32(hash);
}

QList<qint32> ContactGrams::codesOf(const QStringList &tokens)
{
    QList<qint32> out;
    QSet<qint32> seen;
    for (const QString &token : tokens)
        if (const qint32 c = code(token); !seen.contains(c)) {
            seen.insert(c);
            out << c;
        }
    return out;
}

QString ContactGrams::bound(const QStringList &tokens) const
{
    if (!isPostgres())
        return tokens.join(u' ');
    QStringList list;
    for (const qint32 c : codesOf(tokens))
        list << QString::number(c);
    return u'{' + list.join(u',') + u'}';
}

QStringList ContactGrams::readingOrder(
    const QStringList &terms, const QStringList &tokens, qint64 after, bool *mergeFirstTwo)
{
    *mergeFirstTwo = false;
    if (!isPostgres() || tokens.size() < 2)
        return tokens;
    // The lead is the token with the fewest postings after :after: tokens' postings are
    // counted, one token after the other, up to the fewest counted so far (so the count costs
    // about the sparsest token's postings per token) and up to a first bound. A look at the
    // first postings only misjudged a first name's trigram (sparse at the start of the order,
    // dense under its own letter) as sparser than a phone's four digits with ten times fewer,
    // and walked tens of thousands of postings with a probe each. The tokens of one term are
    // alike (the trigrams of one word): for one term each is counted a little; for several
    // (a name and digits, which may differ by orders of magnitude) one token of each term is
    // counted further, digits first (mostly the sparser), and the rest follow as probes.
    // Ties (every token past the bound): the one whose counted postings reach farthest.
    QStringList counted, rest;
    if (terms.size() < 2) {
        counted = tokens;
    } else {
        QStringList digits, words;
        for (const QString &term : terms) {
            QStringList own;
            for (const QString &token : ofTerms({term}))
                if (tokens.contains(token) && !counted.contains(token) && !own.contains(token))
                    own << token;
            if (own.isEmpty())
                continue;
            const QString middle = own.at(own.size() / 2);
            (middle.startsWith(u'n') ? digits : words) << middle;
            counted << middle;
        }
        counted = digits + words;
        for (const QString &token : tokens)
            if (!counted.contains(token))
                rest << token;
        if (counted.size() < 2)
            return counted + rest;
    }
    QHash<qint32, QString> tokenOf;
    for (const QString &token : counted)
        tokenOf.insert(code(token), token);
    Database::Rows looked = m_db.exec(
        QStringLiteral(
            "WITH RECURSIVE look(i, bound, t, n, first, last) AS (SELECT 0, CAST(:bound AS "
            "integer), 0, CAST(0 AS bigint), CAST(0 AS bigint), CAST(0 AS bigint) UNION ALL SELECT "
            "l.i + 1, CAST(LEAST(l.bound, c.n) AS integer), (CAST(:codes AS integer[]))[l.i + 1], "
            "c.n, c.first, c.last FROM look l, LATERAL (SELECT count(*) AS n, min(key) AS first, "
            "max(key) AS last FROM (SELECT key FROM contact_grams WHERE token = (CAST(:codes AS "
            "integer[]))[l.i + 1] AND key > :after ORDER BY key LIMIT l.bound + 1) s) c WHERE l.i "
            "< "
            "cardinality(CAST(:codes AS integer[]))) SELECT t, n, first, last FROM look WHERE i > "
            "0"),
        {{QStringLiteral("after"), after}, {QStringLiteral("codes"), bound(counted)},
            {QStringLiteral("bound"), terms.size() > 1 ? LookAheadOfTerms : LookAheadOfOneTerm}});
    struct Look
    {
        qint64 count, first, last;
        QString token;
    };
    QList<Look> looks;
    while (looked.next())
        looks.append({looked.value(1).toLongLong(), looked.value(2).toLongLong(),
            looked.value(3).isNull() ? std::numeric_limits<qint64>::max()
                                     : looked.value(3).toLongLong(),
            tokenOf.value(looked.value(0).toInt())});
    std::stable_sort(looks.begin(), looks.end(), [](const Look &a, const Look &b) {
        return a.count != b.count ? a.count < b.count : a.last > b.last;
    });
    // Merging walks both tokens' postings (~0.1 µs each) where probing walks the lead's with a
    // probe each (~1 µs). Probing pays when the second is four digits found in many contacts
    // (a city's code): most probes find it, so the lead's postings fill the page at once,
    // while a merge would first walk the digits' postings up to where the lead's are — often
    // far: a name's trigram is dense under its own letters and rare elsewhere, which also
    // makes its density from the postings counted no guide. Digits are spread evenly.
    if (terms.size() > 1 && looks.size() > 1) {
        const Look &second = looks.at(1);
        const double perContact = second.count == 0
            ? 0.0
            : double(second.count) * double(ContactSearchOrder::Step)
                / double(second.last - second.first + ContactSearchOrder::Step);
        *mergeFirstTwo = !(second.token.startsWith(u'n') && perContact >= DenseDigits);
    }
    QStringList out;
    for (const Look &look : looks)
        out << look.token;
    return out + rest;
}

QString ContactGrams::candidates(const QString &columns, const QStringList &tokens,
    bool mergeFirstTwo, QVariantMap &params) const
{
    if (!isPostgres()) {
        params.insert(QStringLiteral("match"), matchQuery(tokens));
        return QStringLiteral(
            "SELECT %1, s.body, g.rowid FROM contact_grams g CROSS JOIN contact_search s ON "
            "s.rowid = g.rowid LEFT JOIN people p ON p.search_key = g.rowid WHERE "
            "contact_grams MATCH :match AND g.rowid > :after ORDER BY g.rowid LIMIT :batch")
            .arg(columns);
    }
    const QList<qint32> codes = codesOf(tokens);
    params.insert(QStringLiteral("lead"), codes.isEmpty() ? 0 : codes.first());
    // The probes, in reading order (the sparsest first rejects most): each a scalar subquery,
    // so that the planner cannot turn them into merge joins that walk a frequent token's
    // postings.
    const bool ranged = mergeFirstTwo && codes.size() >= 2;
    QString probes;
    for (int i = ranged ? 2 : 1; i < codes.size(); ++i) {
        probes += QStringLiteral(" AND (SELECT 1 FROM contact_grams g%1 WHERE g%1.token = :probe%1 "
                                 "AND g%1.key = g.key) IS NOT NULL")
                      .arg(i);
        params.insert(QStringLiteral("probe%1").arg(i), codes.at(i));
    }
    const QString rows = QStringLiteral(
        "SELECT %1, s.body, c.key FROM %2 c JOIN contact_search s ON s.rowid = c.key LEFT JOIN "
        "people p ON p.search_key = c.key");
    if (!ranged) {
        // The lead's postings in key order, the others probed per candidate (the trigrams of one
        // word are alike and mostly together; a much denser token is mostly found). The candidates'
        // keys first, in a subquery of their own (its LIMIT keeps it one): the rows are then joined
        // to them by key, not merged with whole tables from the start.
        return rows.arg(columns,
                   QStringLiteral("(SELECT key FROM contact_grams g WHERE g.token = :lead AND "
                                  "g.key > :after%1 ORDER BY g.key LIMIT :batch)")
                       .arg(probes))
            + QStringLiteral(" ORDER BY c.key");
    }
    // Several terms (a name and digits), the second not four digits of many contacts: they
    // come from different terms and may each be frequent but rarely together, where probing walks
    // the lead with a probe (~1 µs) per posting. Their postings are merged instead (two index-only
    // scans in key order, ~0.1 µs a posting; the planner's merge join, which stops with the LIMIT),
    // and only what both hold is probed for the rest (the OFFSET 0 keeps the probes after the
    // merge, not on the lead's postings).
    params.insert(QStringLiteral("second"), codes.at(1));
    return rows.arg(columns,
               QStringLiteral(
                   "(SELECT g.key FROM (SELECT l.key FROM contact_grams l JOIN contact_grams b ON "
                   "b.key = l.key AND b.token = :second AND b.key > :after WHERE l.token = :lead "
                   "AND l.key > :after ORDER BY l.key OFFSET 0) g WHERE TRUE%1 ORDER BY g.key "
                   "LIMIT :batch)")
                   .arg(probes))
        + QStringLiteral(" ORDER BY c.key");
}

QString ContactGrams::bodyAt(qint64 key, bool *found)
{
    Database::Rows q = m_db.exec(QStringLiteral("SELECT body FROM contact_search WHERE rowid = :k"),
        {{QStringLiteral("k"), key}});
    *found = q.next();
    return *found ? q.value(0).toString() : QString();
}

// The one writer of postings, a chunk of rows at a time: on PostgreSQL one statement of two
// parallel arrays (token codes, keys); on SQLite one kept statement per row (FTS5 takes a
// row's tokens as its text).
void ContactGrams::addGrams(const QList<std::pair<qint64, QString>> &rows)
{
    if (!isPostgres()) {
        for (const auto &[key, body] : rows)
            m_db.run(QStringLiteral("INSERT INTO contact_grams(rowid, grams) VALUES (:k, :g)"),
                {{QStringLiteral("k"), key}, {QStringLiteral("g"), bound(ofBody(body))}});
        return;
    }
    QStringList codes, keys;
    for (const auto &[key, body] : rows)
        for (const qint32 c : codesOf(ofBody(body))) {
            codes << QString::number(c);
            keys << QString::number(key);
        }
    m_db.run(QStringLiteral("INSERT INTO contact_grams(token, key) SELECT "
                            "unnest(CAST(:codes AS integer[])), unnest(CAST(:keys AS bigint[])) "
                            "ON CONFLICT DO NOTHING"),
        {{QStringLiteral("codes"), QString(u'{' + codes.join(u',') + u'}')},
            {QStringLiteral("keys"), QString(u'{' + keys.join(u',') + u'}')}});
}

// A contentless FTS5 table forgets a row by being told its tokens again; PostgreSQL finds
// them by its (token, key) index.
void ContactGrams::dropGrams(qint64 key, const QString &body)
{
    m_db.exec(isPostgres() ? QStringLiteral("DELETE FROM contact_grams WHERE key = :k AND token "
                                            "= ANY (CAST(:g AS integer[]))")
                           : QStringLiteral("INSERT INTO contact_grams(contact_grams, rowid, "
                                            "grams) VALUES ('delete', :k, :g)"),
        {{QStringLiteral("k"), key}, {QStringLiteral("g"), bound(ofBody(body))}});
}

void ContactGrams::write(qint64 key, const QString &body)
{
    bool found = false;
    const QString old = bodyAt(key, &found);
    if (found && old == body)
        return;
    if (found)
        dropGrams(key, old);
    m_db.exec(m_db.dialect().contactSearchUpsert(),
        {{QStringLiteral("id"), key}, {QStringLiteral("body"), body}});
    addGrams({{key, body}});
}

void ContactGrams::erase(qint64 key)
{
    bool found = false;
    const QString old = bodyAt(key, &found);
    if (found)
        dropGrams(key, old);
    m_db.exec(m_db.dialect().contactSearchDelete(), {{QStringLiteral("id"), key}});
}

void ContactGrams::move(qint64 from, qint64 to)
{
    bool found = false;
    const QString body = bodyAt(from, &found);
    if (found)
        dropGrams(from, body);
    m_db.exec(m_db.dialect().contactSearchRekey(),
        {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
    if (found)
        addGrams({{to, body}});
}

void ContactGrams::rebuild()
{
    // PostgreSQL: the index built once after the rows, not row by row.
    if (isPostgres()) {
        m_db.exec(QStringLiteral("TRUNCATE contact_grams"));
        m_db.exec(QStringLiteral(
            "ALTER TABLE contact_grams DROP CONSTRAINT IF EXISTS contact_grams_pkey"));
    } else {
        m_db.exec(QStringLiteral("INSERT INTO contact_grams(contact_grams) VALUES ('delete-all')"));
    }
    // Read in chunks, each read whole before writing: QPSQL drops a result still being read
    // when another statement runs on the connection.
    constexpr int Chunk = 2000;
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        Database::Rows rows
            = m_db.exec(QStringLiteral("SELECT rowid, body FROM contact_search WHERE "
                                       "rowid > :after ORDER BY rowid LIMIT :n"),
                {{QStringLiteral("after"), after}, {QStringLiteral("n"), Chunk}});
        QList<std::pair<qint64, QString>> chunk;
        while (rows.next())
            chunk.append({rows.value(0).toLongLong(), rows.value(1).toString()});
        rows.finish();
        if (chunk.isEmpty())
            break;
        after = chunk.last().first;
        addGrams(chunk);
    }
    if (isPostgres())
        m_db.exec(QStringLiteral("ALTER TABLE contact_grams ADD PRIMARY KEY (token, key)"));
}

void ContactGrams::settle()
{
    if (isPostgres())
        m_db.exec(QStringLiteral("VACUUM (ANALYZE) contact_grams"));
}

} // namespace linecard::server
