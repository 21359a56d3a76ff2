#include "contactsearchorder.h"

#include "../logging.h"
#include "contactgrams.h"
#include "database.h"

#include <QList>
#include <QSqlQuery>

namespace linecard::server {

QList<ContactSearchOrder::Neighbour> ContactSearchOrder::neighbours(
    const QString &name, qint64 id, bool before, int n)
{
    // A row-value range on people_kind_name (kind, name, id), walked from the position.
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT id, search_key FROM people WHERE kind = 'contact' AND search_key "
                       "IS NOT NULL AND (name, id) %1 (:name, :id) ORDER BY name %2, id %2 "
                       "LIMIT :n")
            .arg(before ? QStringLiteral("<") : QStringLiteral(">"),
                before ? QStringLiteral("DESC") : QStringLiteral("ASC")),
        {{QStringLiteral("name"), name}, {QStringLiteral("id"), id}, {QStringLiteral("n"), n}});
    QList<Neighbour> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    return out;
}

void ContactSearchOrder::setKey(qint64 contactId, qint64 from, qint64 to)
{
    m_db.exec(QStringLiteral("UPDATE people SET search_key = :k WHERE id = :id"),
        {{QStringLiteral("id"), contactId}, {QStringLiteral("k"), to}});
    ContactGrams(m_db).move(from, to);
}

qint64 ContactSearchOrder::place(qint64 contactId, const QString &name)
{
    const qint64 current
        = m_db.scalar(QStringLiteral("SELECT search_key FROM people WHERE id = :id"),
                  {{QStringLiteral("id"), contactId}})
              .toLongLong();
    const QList<Neighbour> pred = neighbours(name, contactId, true, 1);
    const QList<Neighbour> succ = neighbours(name, contactId, false, 1);
    const qint64 lo = pred.isEmpty() ? 0 : pred.first().key;
    const qint64 hi = succ.isEmpty() ? MaxKey + 1 : succ.first().key;
    if (current > lo && current < hi)
        return current;
    if (current)
        remove(contactId);

    qint64 key = 0;
    if (pred.isEmpty() && succ.isEmpty())
        key = FirstKey;
    else if (succ.isEmpty() && lo <= MaxKey - Step)
        key = lo + Step; // the usual case for names at the end
    else if (pred.isEmpty() && hi > Step)
        key = hi - Step;
    else if (hi - lo >= 2)
        key = lo + (hi - lo) / 2;
    else
        return spread(name, contactId);
    m_db.exec(QStringLiteral("UPDATE people SET search_key = :k WHERE id = :id"),
        {{QStringLiteral("id"), contactId}, {QStringLiteral("k"), key}});
    return key;
}

// No key is left between the neighbours: spread the keys of a window of contacts around
// the place evenly between the keys just outside it, widening the window until the gaps
// are roomy again. Rare (ten insertions into one gap first), and local.
qint64 ContactSearchOrder::spread(const QString &name, qint64 id)
{
    for (int window = 16;; window *= 4) {
        QList<Neighbour> before = neighbours(name, id, true, window + 1);
        QList<Neighbour> after = neighbours(name, id, false, window + 1);
        const bool wholeBefore = before.size() <= window;
        const bool wholeAfter = after.size() <= window;
        const qint64 lo = wholeBefore ? 0 : before.takeLast().key;
        const qint64 hi = wholeAfter ? MaxKey + 1 : after.takeLast().key;
        const qint64 count = before.size() + after.size() + 1;
        const qint64 gap = (hi - lo) / (count + 1);
        if (gap < Step / 16 && !(wholeBefore && wholeAfter))
            continue;
        if (gap < 1)
            throw StoreError(QStringLiteral("contact search keys are exhausted"));
        // In order: the window before (farthest first), the contact, the window after.
        QList<Neighbour> row;
        for (auto it = before.crbegin(); it != before.crend(); ++it)
            row.append(*it);
        const int self = int(row.size());
        row.append({id, 0});
        row.append(after);
        // Through negative keys first, so that no two rows ever share one.
        for (int i = 0; i < row.size(); ++i)
            if (i != self)
                setKey(row.at(i).id, row.at(i).key, -1 - i);
        for (int i = 0; i < row.size(); ++i)
            if (i != self)
                setKey(row.at(i).id, -1 - i, lo + gap * (i + 1));
        const qint64 key = lo + gap * (self + 1);
        m_db.exec(QStringLiteral("UPDATE people SET search_key = :k WHERE id = :id"),
            {{QStringLiteral("id"), id}, {QStringLiteral("k"), key}});
        qCDebug(lcStore) << "spread" << count << "contact search keys around" << id;
        return key;
    }
}

void ContactSearchOrder::remove(qint64 contactId)
{
    const QVariant key = m_db.scalar(QStringLiteral("SELECT search_key FROM people WHERE id = :id"),
        {{QStringLiteral("id"), contactId}});
    if (key.isNull())
        return;
    ContactGrams(m_db).erase(key.toLongLong());
    m_db.exec(QStringLiteral("UPDATE people SET search_key = NULL WHERE id = :id"),
        {{QStringLiteral("id"), contactId}});
}

qint64 ContactSearchOrder::keyAtOrBefore(const QString &name, qint64 id)
{
    return m_db
        .scalar(QStringLiteral("SELECT search_key FROM people WHERE kind = 'contact' AND "
                               "search_key IS NOT NULL AND (name, id) <= (:name, :id) "
                               "ORDER BY name DESC, id DESC LIMIT 1"),
            {{QStringLiteral("name"), name}, {QStringLiteral("id"), id}})
        .toLongLong();
}

void ContactSearchOrder::assignAll()
{
    m_db.exec(QStringLiteral("UPDATE people SET search_key = NULL WHERE search_key IS NOT NULL"));
    m_db.exec(QStringLiteral("WITH ranked AS (SELECT id, row_number() OVER (ORDER BY name, id) "
                             "AS n FROM people WHERE kind = 'contact' AND merged_into IS NULL) "
                             "UPDATE people SET search_key = :first + (ranked.n - 1) * :step "
                             "FROM ranked WHERE ranked.id = people.id"),
        {{QStringLiteral("first"), FirstKey}, {QStringLiteral("step"), Step}});
}

} // namespace linecard::server
