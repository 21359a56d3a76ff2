#include "callstore.h"

#include "database.h"
#include "rowvalues.h"

#include <QDateTime>
#include <QSqlQuery>

namespace linecard::server {

// The shared Call's columns, then what only the server keeps (CallRow).
static const QString rowColumns = callColumns()
    + QStringLiteral(", contact_name, attach_task_id, attach_comment_id, record_comment_id, "
                     "handled, remote_key, queue, ended_by");

QList<CallRow> CallStore::readAll(QSqlQuery &q)
{
    QList<CallRow> out;
    while (q.next()) {
        CallRow r;
        r.call = readCall(q, 0, Call::State::Ringing);
        int i = callColumnCount;
        r.contactName = q.value(i++).toString();
        r.attachTaskId = q.value(i++).toLongLong();
        r.attachCommentId = q.value(i++).toLongLong();
        r.recordCommentId = q.value(i++).toLongLong();
        r.handled = q.value(i++).toBool();
        r.remoteKey = q.value(i++).toString();
        r.call.queue = q.value(i++).toString();
        r.call.endedById = q.value(i++).toLongLong();
        out.append(r);
    }
    for (CallRow &r : out)
        loadLegs(r);
    return out;
}

void CallStore::loadLegs(CallRow &row)
{
    Database::Rows q
        = m_db.execKept(QStringLiteral("SELECT person_id, extension, state FROM call_targets "
                                       "WHERE call_id = :id ORDER BY rowid"),
            {{QStringLiteral("id"), row.call.id}});
    while (q.next())
        row.legs.append({q.value(0).toLongLong(), q.value(1).toString(),
            CallLeg::stateFromName(q.value(2).toString())});
}

std::optional<CallRow> CallStore::get(qint64 id)
{
    Database::Rows q
        = m_db.execKept(QStringLiteral("SELECT %1 FROM calls WHERE id = :id").arg(rowColumns),
            {{QStringLiteral("id"), id}});
    const QList<CallRow> rows = readAll(q);
    return rows.isEmpty() ? std::nullopt : std::optional<CallRow>(rows.first());
}

bool CallStore::exists(qint64 id)
{
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM calls WHERE id = :id"),
                   {{QStringLiteral("id"), id}})
               .toInt()
        > 0;
}

std::optional<CallRow> CallStore::find(qint64 providerId, const QString &externalId)
{
    Database::Rows q = m_db.execKept(
        QStringLiteral("SELECT %1 FROM calls WHERE provider_id = :p AND external_id = :e")
            .arg(rowColumns),
        {{QStringLiteral("p"), providerId}, {QStringLiteral("e"), externalId}});
    const QList<CallRow> rows = readAll(q);
    return rows.isEmpty() ? std::nullopt : std::optional<CallRow>(rows.first());
}

QList<CallRow> CallStore::list(Filter filter, qint64 beforeId, int limit)
{
    QString where = QStringLiteral("id < :before");
    if (filter == Filter::Active)
        where += QStringLiteral(" AND state IN ('ringing', 'answered')");
    else if (filter == Filter::Missed)
        where += QStringLiteral(" AND state = 'missed' AND handled = 0");
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1 FROM calls WHERE %2 ORDER BY id DESC LIMIT :limit")
            .arg(rowColumns, where),
        {{QStringLiteral("before"), beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max()},
            {QStringLiteral("limit"), limit}});
    return readAll(q);
}

static QVariantMap columnValues(const CallRow &r)
{
    const Call &c = r.call;
    return {{QStringLiteral("provider"), nullableId(c.providerId)},
        {QStringLiteral("external"), c.externalId},
        {QStringLiteral("direction"), Call::directionName(c.direction)},
        {QStringLiteral("state"), Call::stateName(c.state)},
        {QStringLiteral("from"), notNull(c.from)}, {QStringLiteral("to"), notNull(c.to)},
        {QStringLiteral("line"), nullableId(c.lineId)},
        {QStringLiteral("contact"), nullableId(c.contactId)},
        {QStringLiteral("contactName"), notNull(r.contactName)},
        {QStringLiteral("answeredBy"), nullableId(c.answeredById)},
        {QStringLiteral("startedAt"), timeValue(c.startedAt)},
        {QStringLiteral("answeredAt"), timeValue(c.answeredAt)},
        {QStringLiteral("endedAt"), timeValue(c.endedAt)}, {QStringLiteral("duration"), c.duration},
        {QStringLiteral("recording"), nullableText(c.recordingUrl)},
        {QStringLiteral("endReason"), nullableText(c.endReason)},
        {QStringLiteral("attachTask"), nullableId(r.attachTaskId)},
        {QStringLiteral("attachComment"), nullableId(r.attachCommentId)},
        {QStringLiteral("record"), nullableId(r.recordCommentId)},
        {QStringLiteral("handled"), r.handled},
        {QStringLiteral("remoteKey"), nullableText(r.remoteKey)},
        {QStringLiteral("queue"), nullableText(c.queue)},
        {QStringLiteral("endedBy"), nullableId(c.endedById)}};
}

// fresh: the call was just inserted, it has no legs to replace.
static void writeLegs(Database &db, const CallRow &row, bool fresh = false)
{
    if (!fresh)
        db.exec(QStringLiteral("DELETE FROM call_targets WHERE call_id = :id"),
            {{QStringLiteral("id"), row.call.id}});
    for (const CallLeg &leg : row.legs)
        db.run(QStringLiteral("INSERT INTO call_targets(call_id, person_id, extension, "
                              "state) VALUES (:c, :p, :e, :s) ON CONFLICT DO NOTHING"),
            {{QStringLiteral("c"), row.call.id}, {QStringLiteral("p"), leg.personId},
                {QStringLiteral("e"), notNull(leg.extension)},
                {QStringLiteral("s"), CallLeg::stateName(leg.state)}});
}

static const char *insertedColumns
    = "provider_id, external_id, direction, state, from_number, to_number, line_id, contact_id, "
      "contact_name, answered_by, started_at, answered_at, ended_at, duration, recording_url, "
      "end_reason, attach_task_id, attach_comment_id, record_comment_id, handled, remote_key, "
      "queue, ended_by";
static const char *callValues
    = ":provider, :external, :direction, :state, :from, :to, :line, :contact, :contactName, "
      ":answeredBy, :startedAt, :answeredAt, :endedAt, :duration, :recording, :endReason, "
      ":attachTask, :attachComment, :record, :handled, :remoteKey, :queue, :endedBy";

// A PostgreSQL array literal of texts: {"a","b"}, each quoted, " and \ escaped.
static QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString item : items)
        quoted << u'"'
                + item.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""))
                + u'"';
    return QString(u'{' + quoted.join(u',') + u'}');
}

void CallStore::insert(CallRow &row)
{
    QVariantMap values = columnValues(row);
    if (m_db.dialect().isPostgres()) {
        // The call and its legs in one statement (one round trip on a screen-pop's INCOMING,
        // whatever the number of legs), kept prepared: the legs go as three arrays.
        QStringList people, extensions, states;
        for (const CallLeg &leg : row.legs) {
            people << QString::number(leg.personId);
            extensions << leg.extension;
            states << CallLeg::stateName(leg.state);
        }
        values.insert(QStringLiteral("legPeople"), QString(u'{' + people.join(u',') + u'}'));
        values.insert(QStringLiteral("legExtensions"), textArray(extensions));
        values.insert(QStringLiteral("legStates"), textArray(states));
        Database::Rows q = m_db.execKept(
            QStringLiteral(
                "WITH c AS (INSERT INTO calls(%1) VALUES (%2) RETURNING id), "
                "l AS (INSERT INTO call_targets(call_id, person_id, extension, state) "
                "SELECT c.id, u.p, u.e, u.s FROM c, unnest(CAST(:legPeople AS BIGINT[]), "
                "CAST(:legExtensions AS TEXT[]), CAST(:legStates AS TEXT[])) AS u(p, e, s) "
                "ON CONFLICT DO NOTHING) SELECT id FROM c")
                .arg(QLatin1String(insertedColumns), QLatin1String(callValues)),
            values);
        row.call.id = q.next() ? q.value(0).toLongLong() : 0;
        return;
    }
    Transaction tx(m_db);
    row.call.id = m_db.insert(QStringLiteral("INSERT INTO calls(%1) VALUES (%2)")
                                  .arg(QLatin1String(insertedColumns), QLatin1String(callValues)),
        values);
    writeLegs(m_db, row, true);
    tx.commit();
}

void CallStore::save(const CallRow &row)
{
    Transaction tx(m_db);
    QVariantMap values = columnValues(row);
    values.insert(QStringLiteral("id"), row.call.id);
    m_db.run(QStringLiteral(
                 "UPDATE calls SET provider_id = :provider, external_id = :external, "
                 "direction = :direction, state = :state, from_number = :from, to_number = :to, "
                 "line_id = :line, contact_id = :contact, contact_name = :contactName, "
                 "answered_by = :answeredBy, started_at = :startedAt, answered_at = :answeredAt, "
                 "ended_at = :endedAt, duration = :duration, recording_url = :recording, "
                 "end_reason = :endReason, attach_task_id = :attachTask, "
                 "attach_comment_id = :attachComment, record_comment_id = :record, "
                 "handled = :handled, remote_key = :remoteKey, queue = :queue, "
                 "ended_by = :endedBy WHERE id = :id"),
        values);
    writeLegs(m_db, row);
    tx.commit();
}

QList<qint64> CallStore::closeMissedFrom(const QString &remoteKey, qint64 exceptCallId)
{
    QList<qint64> ids;
    if (remoteKey.isEmpty())
        return ids;
    const QVariantMap params {
        {QStringLiteral("key"), remoteKey}, {QStringLiteral("except"), exceptCallId}};
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT id FROM calls WHERE remote_key = :key AND "
                                   "state = 'missed' AND handled = 0 AND id <> :except"),
            params);
    while (q.next())
        ids.append(q.value(0).toLongLong());
    m_db.exec(QStringLiteral("UPDATE calls SET handled = 1 WHERE remote_key = :key AND "
                             "state = 'missed' AND handled = 0 AND id <> :except"),
        params);
    return ids;
}

void CallStore::setHandled(qint64 callId, bool handled)
{
    m_db.exec(QStringLiteral("UPDATE calls SET handled = :h WHERE id = :id"),
        {{QStringLiteral("id"), callId}, {QStringLiteral("h"), handled}});
}

QList<qint64> CallStore::silentRinging(const QDateTime &cutoff)
{
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT c.id FROM calls c WHERE c.state = 'ringing' AND COALESCE((SELECT "
                       "MAX(e.received_at) FROM call_events e WHERE e.call_id = c.id), "
                       "c.started_at, '') < :cutoff ORDER BY c.id"),
        {{QStringLiteral("cutoff"), cutoff.toUTC().toString(Qt::ISODateWithMs)}});
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

QList<qint64> CallStore::answeredBefore(const QDateTime &cutoff)
{
    Database::Rows q = m_db.exec(QStringLiteral("SELECT id FROM calls WHERE state = 'answered' AND "
                                                "answered_at < :cutoff ORDER BY id"),
        {{QStringLiteral("cutoff"), cutoff.toUTC().toString(Qt::ISODateWithMs)}});
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void CallStore::logEvent(qint64 providerId, qint64 callId, const QString &externalId,
    const QString &kind, const QString &payload)
{
    const qint64 id = m_db.insert(
        QStringLiteral("INSERT INTO call_events(provider_id, call_id, external_id, kind, "
                       "payload, received_at) VALUES (:p, :c, :e, :k, :payload, :t)"),
        {{QStringLiteral("p"), nullableId(providerId)}, {QStringLiteral("c"), nullableId(callId)},
            {QStringLiteral("e"), notNull(externalId)}, {QStringLiteral("k"), kind},
            {QStringLiteral("payload"), notNull(payload)}, {QStringLiteral("t"), storedNow()}});
    ++m_loggedCount;
    m_recentlyLogged.append(id);
    if (m_recentlyLogged.size() > RecentlyLoggedKept)
        m_recentlyLogged.removeFirst();
}

QList<qint64> CallStore::loggedSince(qint64 mark) const
{
    const qint64 count = qMin<qint64>(m_loggedCount - mark, m_recentlyLogged.size());
    return count > 0 ? m_recentlyLogged.mid(m_recentlyLogged.size() - count) : QList<qint64>();
}

void CallStore::putPendingRecording(
    qint64 providerId, const QString &externalId, const QString &url)
{
    m_db.exec(QStringLiteral("INSERT INTO pending_recordings(provider_id, external_id, url, "
                             "received_at) VALUES (:p, :e, :u, :t) ON CONFLICT (provider_id, "
                             "external_id) DO UPDATE SET url = excluded.url, "
                             "received_at = excluded.received_at"),
        {{QStringLiteral("p"), providerId}, {QStringLiteral("e"), externalId},
            {QStringLiteral("u"), url}, {QStringLiteral("t"), storedNow()}});
}

QString CallStore::takePendingRecording(qint64 providerId, const QString &externalId)
{
    // Taken in one statement: the row goes if there is one, and says what it held.
    Database::Rows q
        = m_db.execKept(QStringLiteral("DELETE FROM pending_recordings WHERE provider_id "
                                       "= :p AND external_id = :e RETURNING url"),
            {{QStringLiteral("p"), providerId}, {QStringLiteral("e"), externalId}});
    const QString url = q.next() ? q.value(0).toString() : QString();
    return url;
}

} // namespace linecard::server
