#include "contactgrams.h"

#include "database.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

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

bool ContactGrams::kept() const
{
    return !m_db.dialect().isPostgres();
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
    m_db.exec(QStringLiteral("INSERT INTO contact_grams(rowid, grams) VALUES (:k, :g)"),
        {{QStringLiteral("k"), key}, {QStringLiteral("g"), ofBody(body).join(u' ')}});
}

// A contentless table forgets a row by being told its tokens again.
void ContactGrams::dropGrams(qint64 key, const QString &body)
{
    m_db.exec(QStringLiteral("INSERT INTO contact_grams(contact_grams, rowid, grams) "
                             "VALUES ('delete', :k, :g)"),
        {{QStringLiteral("k"), key}, {QStringLiteral("g"), ofBody(body).join(u' ')}});
}

void ContactGrams::write(qint64 key, const QString &body)
{
    if (!kept()) {
        m_db.exec(m_db.dialect().contactSearchUpsert(),
            {{QStringLiteral("id"), key}, {QStringLiteral("body"), body}});
        return;
    }
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
    const QString old = kept() ? bodyAt(key, &found) : QString();
    if (found)
        dropGrams(key, old);
    m_db.exec(m_db.dialect().contactSearchDelete(), {{QStringLiteral("id"), key}});
}

void ContactGrams::move(qint64 from, qint64 to)
{
    bool found = false;
    const QString body = kept() ? bodyAt(from, &found) : QString();
    if (found)
        dropGrams(from, body);
    m_db.exec(m_db.dialect().contactSearchRekey(),
        {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
    if (found)
        addGrams(to, body);
}

void ContactGrams::rebuild()
{
    if (!kept())
        return;
    m_db.exec(QStringLiteral("INSERT INTO contact_grams(contact_grams) VALUES ('delete-all')"));
    QSqlQuery rows(m_db.connection());
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT rowid, body FROM contact_search ORDER BY rowid")))
        throw StoreError(
            QStringLiteral("cannot read contact_search: %1").arg(rows.lastError().text()));
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral("INSERT INTO contact_grams(rowid, grams) VALUES (?, ?)"));
    while (rows.next()) {
        insert.bindValue(0, rows.value(0));
        insert.bindValue(1, ofBody(rows.value(1).toString()).join(u' '));
        if (!insert.exec())
            throw StoreError(
                QStringLiteral("cannot write contact_grams: %1").arg(insert.lastError().text()));
    }
}

} // namespace linecard::server
