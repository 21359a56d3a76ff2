#include "textsearch.h"

#include "sqldialect.h"

namespace linecard::server {

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

// "(<body> LIKE :x ESCAPE '\\' OR …)" for a term under 3 characters, in every case variant.
static QString shortTermCondition(
    const QString &body, const QString &term, const QString &name, QVariantMap &params)
{
    // The trigram table would answer "body LIKE" itself and finds nothing for a pattern
    // under 3 characters of 3+ bytes ("ив"), so LIKE runs on an expression. % and _ in
    // the term are text, not wildcards.
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    const QStringList variants = caseVariants(escaped);
    QStringList likes;
    for (int v = 0; v < variants.size(); ++v) {
        const QString param = name + QStringLiteral("_%1").arg(v);
        likes << QStringLiteral("(%1 || '') LIKE :%2 ESCAPE '\\'").arg(body, param);
        params.insert(param, QString(u'%' + variants.at(v) + u'%'));
    }
    return likes.join(QStringLiteral(" OR "));
}

// Characters, not UTF-16 units: an emoji and a letter make no trigram.
static void splitTerms(const QStringList &terms, QStringList &indexed, QStringList &shortTerms)
{
    for (const QString &t : terms)
        (t.toUcs4().size() >= 3 ? indexed : shortTerms) << t;
}

QString textSearchFilter(const SqlDialect &dialect, const QString &table, const QString &idColumn,
    const QStringList &terms, QVariantMap &params)
{
    QStringList indexed, shortTerms;
    splitTerms(terms, indexed, shortTerms);
    QString sql;
    const QString prefix = table + QStringLiteral("_");
    if (!indexed.isEmpty()) {
        sql += QStringLiteral(" AND %1 IN (SELECT rowid FROM %2 WHERE %2 MATCH :%3match)")
                   .arg(idColumn, table, prefix);
        params.insert(prefix + QStringLiteral("match"), dialect.matchExpression(indexed));
    }
    for (int i = 0; i < shortTerms.size(); ++i)
        sql += QStringLiteral(" AND %1 IN (SELECT rowid FROM %2 WHERE %3)")
                   .arg(idColumn, table,
                       shortTermCondition(QStringLiteral("body"), shortTerms.at(i),
                           prefix + QStringLiteral("short%1").arg(i), params));
    return sql;
}

QString textSearchConditions(const SqlDialect &dialect, const QString &table, const QString &alias,
    const QStringList &terms, QVariantMap &params)
{
    QStringList indexed, shortTerms;
    splitTerms(terms, indexed, shortTerms);
    QString sql;
    const QString prefix = table + QStringLiteral("_");
    if (!indexed.isEmpty()) {
        sql += QStringLiteral(" AND %1 MATCH :%2match").arg(table, prefix);
        params.insert(prefix + QStringLiteral("match"), dialect.matchExpression(indexed));
    }
    for (int i = 0; i < shortTerms.size(); ++i)
        sql += QStringLiteral(" AND (%1)")
                   .arg(shortTermCondition(alias + QStringLiteral(".body"), shortTerms.at(i),
                       prefix + QStringLiteral("short%1").arg(i), params));
    return sql;
}

} // namespace linecard::server
