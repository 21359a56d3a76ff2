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

QString textSearchFilter(const SqlDialect &dialect, const QString &table, const QString &idColumn,
    const QStringList &terms, QVariantMap &params)
{
    // Characters, not UTF-16 units: an emoji and a letter make no trigram.
    QStringList indexed, shortTerms;
    for (const QString &t : terms)
        (t.toUcs4().size() >= 3 ? indexed : shortTerms) << t;

    QString sql;
    const QString prefix = table + QStringLiteral("_");
    if (!indexed.isEmpty()) {
        sql += QStringLiteral(" AND %1 IN (SELECT rowid FROM %2 WHERE %2 MATCH :%3match)")
                   .arg(idColumn, table, prefix);
        params.insert(prefix + QStringLiteral("match"), dialect.matchExpression(indexed));
    }
    for (int i = 0; i < shortTerms.size(); ++i) {
        // The trigram table would answer "body LIKE" itself and finds nothing for a pattern
        // under 3 characters of 3+ bytes ("ив"), so LIKE runs on an expression. % and _ in
        // the term are text, not wildcards.
        QString escaped = shortTerms.at(i);
        escaped.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        const QStringList variants = caseVariants(escaped);
        QStringList likes;
        for (int v = 0; v < variants.size(); ++v) {
            const QString name = prefix + QStringLiteral("short%1_%2").arg(i).arg(v);
            likes << QStringLiteral("(body || '') LIKE :%1 ESCAPE '\\'").arg(name);
            params.insert(name, QString(u'%' + variants.at(v) + u'%'));
        }
        sql += QStringLiteral(" AND %1 IN (SELECT rowid FROM %2 WHERE %3)")
                   .arg(idColumn, table, likes.join(QStringLiteral(" OR ")));
    }
    return sql;
}

} // namespace linecard::server
