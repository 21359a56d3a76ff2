#include "contactgrams.h"

#include "database.h"

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

QString ContactGrams::bound(const QStringList &tokens) const
{
    if (!isPostgres())
        return tokens.join(u' ');
    QSet<qint32> codes;
    QStringList list;
    for (const QString &token : tokens)
        if (const qint32 c = code(token); !codes.contains(c)) {
            codes.insert(c);
            list << QString::number(c);
        }
    return u'{' + list.join(u',') + u'}';
}

QString ContactGrams::candidates(
    const QString &columns, const QStringList &tokens, qint64 after, QVariantMap &params)
{
    if (!isPostgres()) {
        params.insert(QStringLiteral("match"), matchQuery(tokens));
        return QStringLiteral(
            "SELECT %1, s.body, g.rowid FROM contact_grams g CROSS JOIN contact_search s ON "
            "s.rowid = g.rowid LEFT JOIN people p ON p.search_key = g.rowid WHERE "
            "contact_grams MATCH :match AND g.rowid > :after ORDER BY g.rowid LIMIT :batch")
            .arg(columns);
    }
    // The sparsest token leads: the one whose 200th posting after :after lies farthest (or
    // that has fewer). The others are probed per candidate — a scalar subquery, so that the
    // planner cannot turn them into merge joins that walk a frequent token's postings.
    QSqlQuery spread = m_db.exec(
        QStringLiteral("SELECT t, (SELECT key FROM contact_grams WHERE token = t AND key > :after "
                       "ORDER BY key OFFSET 200 LIMIT 1) FROM unnest(CAST(:codes AS integer[])) t"),
        {{QStringLiteral("after"), after}, {QStringLiteral("codes"), bound(tokens)}});
    QList<std::pair<qint64, qint32>> order; // (200th key, or max when fewer; code)
    while (spread.next())
        order.append({spread.value(1).isNull() ? std::numeric_limits<qint64>::max()
                                               : spread.value(1).toLongLong(),
            spread.value(0).toInt()});
    std::sort(order.begin(), order.end(), std::greater<>());
    // The candidates' keys first, in a subquery of their own (its LIMIT keeps it one): the
    // rows are then joined to them by key, not merged with whole tables from the start.
    QString keys = QStringLiteral("SELECT key FROM contact_grams g WHERE g.token = :lead AND "
                                  "g.key > :after");
    params.insert(QStringLiteral("lead"), order.isEmpty() ? 0 : order.first().second);
    for (int i = 1; i < order.size(); ++i) {
        keys += QStringLiteral(" AND (SELECT 1 FROM contact_grams g%1 WHERE g%1.token = :probe%1 "
                               "AND g%1.key = g.key) IS NOT NULL")
                    .arg(i);
        params.insert(QStringLiteral("probe%1").arg(i), order.at(i).second);
    }
    return QStringLiteral("SELECT %1, s.body, c.key FROM (%2 ORDER BY g.key LIMIT :batch) c "
                          "JOIN contact_search s ON s.rowid = c.key LEFT JOIN people p ON "
                          "p.search_key = c.key ORDER BY c.key")
        .arg(columns, keys);
}

QString ContactGrams::bodyAt(qint64 key, bool *found)
{
    QSqlQuery q = m_db.exec(QStringLiteral("SELECT body FROM contact_search WHERE rowid = :k"),
        {{QStringLiteral("k"), key}});
    *found = q.next();
    return *found ? q.value(0).toString() : QString();
}

void ContactGrams::addGrams(qint64 key, const QString &body)
{
    m_db.exec(isPostgres()
            ? QStringLiteral("INSERT INTO contact_grams(token, key) SELECT "
                             "unnest(CAST(:g AS integer[])), :k ON CONFLICT DO NOTHING")
            : QStringLiteral("INSERT INTO contact_grams(rowid, grams) VALUES (:k, :g)"),
        {{QStringLiteral("k"), key}, {QStringLiteral("g"), bound(ofBody(body))}});
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
    addGrams(key, body);
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
        addGrams(to, body);
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
        QSqlQuery rows = m_db.exec(QStringLiteral("SELECT rowid, body FROM contact_search WHERE "
                                                  "rowid > :after ORDER BY rowid LIMIT :n"),
            {{QStringLiteral("after"), after}, {QStringLiteral("n"), Chunk}});
        QList<std::pair<qint64, QString>> chunk;
        while (rows.next())
            chunk.append({rows.value(0).toLongLong(), rows.value(1).toString()});
        rows.finish();
        if (chunk.isEmpty())
            break;
        after = chunk.last().first;
        if (isPostgres()) {
            // The chunk's postings in one statement, as two parallel arrays.
            QStringList codes, keys;
            for (const auto &[key, body] : chunk) {
                const QString b = bound(ofBody(body));
                for (const QString &c : b.mid(1, b.size() - 2).split(u',', Qt::SkipEmptyParts)) {
                    codes << c;
                    keys << QString::number(key);
                }
            }
            m_db.exec(QStringLiteral("INSERT INTO contact_grams(token, key) SELECT "
                                     "unnest(CAST(:codes AS integer[])), "
                                     "unnest(CAST(:keys AS bigint[]))"),
                {{QStringLiteral("codes"), QString(u'{' + codes.join(u',') + u'}')},
                    {QStringLiteral("keys"), QString(u'{' + keys.join(u',') + u'}')}});
            continue;
        }
        QSqlQuery insert(m_db.connection());
        insert.prepare(QStringLiteral("INSERT INTO contact_grams(rowid, grams) VALUES (?, ?)"));
        for (const auto &[key, body] : chunk) {
            insert.bindValue(0, key);
            insert.bindValue(1, bound(ofBody(body)));
            if (!insert.exec())
                throw StoreError(QStringLiteral("cannot write contact_grams: %1")
                                     .arg(insert.lastError().text()));
        }
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
