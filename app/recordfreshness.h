#pragma once

#include <QHash>

#include <algorithm>

namespace linecard::client {

// Keeps an answer from setting a record back. A change is answered once it is on the disk,
// while the events of changes made after it go out at once (docs/api.md, "Answers and
// events"), so an answer may arrive after an event newer than its data. For each record held:
// the newest event seq it is known at; an answer whose data is older is not applied.
class RecordFreshness
{
public:
    // An event about the record was applied (events come in seq order and always apply).
    void eventApplied(qint64 id, qint64 seq) { m_knownAt[id] = std::max(m_knownAt.value(id), seq); }
    // Whether an answer with Linecard-Event-Seq `answerSeq` (0: not said) may replace the
    // record; if so, the record is known at that seq from now on.
    bool admitAnswer(qint64 id, qint64 answerSeq)
    {
        if (answerSeq > 0 && answerSeq < m_knownAt.value(id))
            return false;
        eventApplied(id, answerSeq);
        return true;
    }
    // Everything is read afresh (a resync may hand out seqs again).
    void clear() { m_knownAt.clear(); }

private:
    QHash<qint64, qint64> m_knownAt;
};

} // namespace linecard::client
