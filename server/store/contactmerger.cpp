#include "contactmerger.h"

#include "database.h"
#include "peoplestore.h"
#include "rowvalues.h"

#include <QDateTime>

namespace linecard::server {

QList<qint64> ContactMerger::merge(qint64 survivorId, const QList<qint64> &mergeIds)
{
    Transaction tx(m_db);
    PeopleStore people(m_db);
    QList<qint64> merged;
    for (qint64 id : mergeIds) {
        if (id == survivorId || people.survivorOf(id) == survivorId)
            continue;
        moveOne(survivorId, id);
        merged << id;
    }
    people.reindex(survivorId);
    tx.commit();
    return merged;
}

void ContactMerger::moveOne(qint64 s, qint64 m)
{
    const QVariantMap ids {{QStringLiteral("s"), s}, {QStringLiteral("m"), m}};
    const QStringList statements {
        // roles: keep one row per (task, role)
        QStringLiteral("INSERT INTO task_members(task_id, person_id, role, position) SELECT "
                       "task_id, CAST(:s AS BIGINT), role, position FROM task_members WHERE "
                       "person_id = :m ON CONFLICT DO NOTHING"),
        QStringLiteral("DELETE FROM task_members WHERE person_id = :m"),
        QStringLiteral("UPDATE tasks SET counterparty_id = :s WHERE counterparty_id = :m"),
        QStringLiteral("UPDATE comments SET author_id = :s WHERE author_id = :m"),
        QStringLiteral("UPDATE comments SET contact_id = :s WHERE contact_id = :m"),
        QStringLiteral("INSERT INTO comment_people(comment_id, person_id, role, position) SELECT "
                       "comment_id, CAST(:s AS BIGINT), role, position FROM comment_people WHERE "
                       "person_id = :m ON CONFLICT DO NOTHING"),
        QStringLiteral("DELETE FROM comment_people WHERE person_id = :m"),
        QStringLiteral("UPDATE calls SET contact_id = :s WHERE contact_id = :m"),
        // the same number or address twice on one card helps nobody
        QStringLiteral("DELETE FROM phones WHERE person_id = :m AND e164 IS NOT NULL AND e164 IN "
                       "(SELECT e164 FROM phones WHERE person_id = :s AND e164 IS NOT NULL)"),
        QStringLiteral(
            "UPDATE phones SET person_id = :s, position = position + 1000 WHERE person_id = :m"),
        QStringLiteral("DELETE FROM emails WHERE person_id = :m AND lower(email) IN "
                       "(SELECT lower(email) FROM emails WHERE person_id = :s)"),
        QStringLiteral(
            "UPDATE emails SET person_id = :s, position = position + 1000 WHERE person_id = :m"),
        QStringLiteral("UPDATE people SET company_id = :s WHERE company_id = :m AND id <> :s"),
        QStringLiteral("UPDATE people SET merged_into = :s WHERE merged_into = :m"),
        // the duplicate keeps no login: one person, one way in
        QStringLiteral("DELETE FROM auth_tokens WHERE person_id = :m"),
        QStringLiteral("UPDATE people SET merged_into = :s, has_access = 0, login = NULL, "
                       "password_hash = NULL, "
                       "company_id = NULL WHERE id = :m"),
    };
    for (const QString &sql : statements)
        m_db.exec(sql, ids);
    m_db.exec(QStringLiteral("UPDATE people SET updated_at = :t WHERE id = :s"),
        {{QStringLiteral("s"), s}, {QStringLiteral("t"), storedNow()}});
    PeopleStore(m_db).unindex(m);
}

} // namespace linecard::server
