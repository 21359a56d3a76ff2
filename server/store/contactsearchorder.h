#pragma once

#include <QString>

namespace linecard::server {

class Database;

// Contact search answers in (name, id) order and reads its trigram table (contact_search)
// in rowid order, stopping at the page size: a fragment that half a million contacts
// match ("7495") then costs what a rare one costs, instead of sorting every match by name
// (SPEC section 7: p99 ≤ 10 ms at 1,000,000 contacts). So the rowid of a contact's search
// row is its search key (people.search_key), a number that grows with (name, id), not its
// id. Keys start Step apart; a new or renamed contact takes the middle of the gap between
// its neighbours, and when a gap is used up the keys around it are spread out again
// (moving their search rows). Only live contacts have a key.
class ContactSearchOrder
{
public:
    // Small, because the trigram index stores each row's key as a delta from the previous
    // one: 2^32 apart more than doubled its size. 2^10 leaves ten middles per gap.
    static constexpr qint64 Step = 1024;
    static constexpr qint64 MaxKey = qint64(1) << 62;
    // Keys given in bulk start here, leaving room for names that sort before all others.
    static constexpr qint64 FirstKey = (qint64(1) << 20) * Step;

    explicit ContactSearchOrder(Database &db)
        : m_db(db)
    { }

    // The key of a live contact in its (name, id) place: its current key while it still
    // fits between its neighbours', else a new one. A stale search row is deleted; the
    // caller writes the row under the returned key.
    qint64 place(qint64 contactId, const QString &name);
    // Forgets a contact's key and deletes its search row (merged, or no longer a contact).
    void remove(qint64 contactId);
    // Where a page that ended at (name, id) continues: search keys above the returned one
    // (0 = from the start). The contact itself may have been renamed or merged since.
    qint64 keyAtOrBefore(const QString &name, qint64 id);
    // Gives every live contact a fresh key in (name, id) order, FirstKey + n × Step, as
    // migration 0003 does; search rows are not moved (for a bulk load that writes them
    // afterwards).
    void assignAll();

private:
    struct Neighbour
    {
        qint64 id = 0;
        qint64 key = 0;
    };
    // Up to n keyed contacts before (or after) (name, id), nearest first.
    QList<Neighbour> neighbours(const QString &name, qint64 id, bool before, int n);
    qint64 spread(const QString &name, qint64 id);
    void setKey(qint64 contactId, qint64 from, qint64 to);

    Database &m_db;
};

} // namespace linecard::server
