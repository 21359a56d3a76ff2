#pragma once

#include <QList>

namespace linecard::server {

class Database;

// Folds duplicate contacts into one survivor in a single transaction: task roles,
// counterparty links, comment authorship and card comments, notified and visibleTo
// lists, calls, phones, emails and company members move; the others keep their row
// with merged_into set, so their ids still answer. Merging again is harmless.
class ContactMerger
{
public:
    explicit ContactMerger(Database &db)
        : m_db(db)
    { }
    // Returns the ids that were merged now (already-merged ones are skipped).
    QList<qint64> merge(qint64 survivorId, const QList<qint64> &mergeIds);

private:
    void moveOne(qint64 survivorId, qint64 mergedId);
    Database &m_db;
};

} // namespace linecard::server
