#include "rowwriter.h"

#include "server/auth/authservice.h"
#include "server/store/contactgrams.h"
#include "server/store/contactsearchorder.h"
#include "server/store/database.h"
#include "server/store/peoplestore.h"
#include "server/store/taskstore.h"

#include "models/phonenumber.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>

namespace linecard::bench {

using server::StoreError;

static QVariant nullableId(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

RowWriter::RowWriter(server::Database &db)
    : m_db(db)
{
    m_db.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS pending_contact_search "
                             "(id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
}

QSqlQuery &RowWriter::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it->second;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        throw StoreError(QStringLiteral("prepare failed: %1 in %2")
                             .arg(query.lastError().text(), sql.simplified()));
    return m_statements.emplace(sql, std::move(query)).first->second;
}

qint64 RowWriter::run(const QString &sql, const QVariantList &values)
{
    QSqlQuery &query = statement(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        throw StoreError(QStringLiteral("query failed: %1 in %2")
                             .arg(query.lastError().text(), sql.simplified()));
    // QPSQL's lastInsertId() runs "SELECT lastval()", whose error after an INSERT without a
    // sequence aborts the transaction: on PostgreSQL callers ask for ids themselves.
    return m_db.dialect().isPostgres() ? 0 : query.lastInsertId().toLongLong();
}

qint64 RowWriter::employee(const QString &name, const QString &login, const QString &passwordHash,
    const QStringList &extensions, bool isAdmin, const QDateTime &at)
{
    const QString t = time(at);
    const qint64 inserted = run(
        QStringLiteral("INSERT INTO people(kind, name, login, password_hash, is_admin, created_at, "
                       "updated_at) VALUES ('employee', ?, ?, ?, ?, ?, ?)"),
        {name, login, passwordHash, int(isAdmin), t, t});
    const qint64 id = inserted
        ? inserted // QPSQL has no last insert id: ask for it
        : m_db.scalar(QStringLiteral("SELECT id FROM people WHERE login = :l"),
                  {{QStringLiteral("l"), login}})
              .toLongLong();
    for (const QString &ext : extensions)
        run(QStringLiteral("INSERT INTO extensions(extension, person_id) VALUES (?, ?)"),
            {ext, id});
    return id;
}

qint64 RowWriter::contact(const Person &draft, const QString &companyName, const QDateTime &at)
{
    const QString t = time(at);
    Person p = draft;
    p.kind = Person::Kind::Contact;
    p.id = run(
        QStringLiteral("INSERT INTO people(kind, name, is_company, company_id, responsible_id, "
                       "fields, created_at, updated_at) VALUES ('contact', ?, ?, ?, ?, ?, ?, ?)"),
        {p.name, p.isCompany, nullableId(p.companyId), nullableId(p.responsibleId),
            p.fields.isEmpty()
                ? QStringLiteral("{}")
                : QString::fromUtf8(QJsonDocument(p.fields).toJson(QJsonDocument::Compact)),
            t, t});
    int position = 0;
    for (const PhoneEntry &phone : p.phones) {
        const PhoneNumber number = PhoneNumber::parse(phone.number);
        run(QStringLiteral("INSERT INTO phones(person_id, number, type, e164, tail_key, position) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            {p.id, number.canonical(), server::notNull(phone.type),
                number.isValid() ? QVariant(number.e164())
                                 : QVariant(QMetaType(QMetaType::QString)),
                number.isValid() ? QVariant(number.tailKey())
                                 : QVariant(QMetaType(QMetaType::QString)),
                position++});
    }
    position = 0;
    for (const QString &email : p.emails)
        run(QStringLiteral("INSERT INTO emails(person_id, email, position) VALUES (?, ?, ?)"),
            {p.id, email, position++});
    run(QStringLiteral("INSERT INTO temp.pending_contact_search(id, body) VALUES (?, ?)"),
        {p.id, server::PeopleStore::searchBody(p, companyName)});
    return p.id;
}

void RowWriter::indexContacts()
{
    if (m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM contact_search")).toLongLong() > 0)
        throw StoreError(QStringLiteral("indexContacts() on a data set with search rows"));
    server::ContactSearchOrder(m_db).assignAll();
    m_db.exec(QStringLiteral("INSERT INTO contact_search(rowid, body) SELECT p.search_key, "
                             "b.body FROM temp.pending_contact_search b JOIN people p ON p.id = "
                             "b.id WHERE p.search_key IS NOT NULL ORDER BY p.search_key"));
    m_db.exec(QStringLiteral("DELETE FROM temp.pending_contact_search"));
    server::ContactGrams(m_db).rebuild();
}

void RowWriter::giveAccess(qint64 contactId, const QString &login, const QString &passwordHash)
{
    run(QStringLiteral(
            "UPDATE people SET has_access = 1, login = ?, password_hash = ? WHERE id = ?"),
        {login, passwordHash, contactId});
}

qint64 RowWriter::task(const Task &t, qint64 createdBy)
{
    Task task = t;
    task.id = run(QStringLiteral("INSERT INTO tasks(title, description, status, counterparty_id, "
                                 "created_by, created_at, updated_at, last_activity_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?)"),
        {task.title, server::notNull(task.description), Task::statusName(task.status),
            nullableId(task.counterpartyId), nullableId(createdBy), time(task.createdAt),
            time(task.updatedAt), time(task.lastActivityAt)});
    auto members = [this, &task](const QList<qint64> &ids, const QString &role) {
        int position = 0;
        for (qint64 person : ids)
            run(QStringLiteral("INSERT INTO task_members(task_id, person_id, role, position) "
                               "VALUES (?, ?, ?, ?)"),
                {task.id, person, role, position++});
    };
    members(task.assigneeIds, QStringLiteral("assignee"));
    members(task.participantIds, QStringLiteral("participant"));
    run(QStringLiteral("INSERT OR REPLACE INTO task_search(rowid, body) VALUES (?, ?)"),
        {task.id, server::TaskStore::searchBody(task)});
    return task.id;
}

qint64 RowWriter::comment(const Comment &c)
{
    const qint64 id = run(
        QStringLiteral("INSERT INTO comments(task_id, contact_id, author_id, text, created_at, "
                       "hidden, internal, call_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {nullableId(c.taskId), nullableId(c.contactId), c.authorId, c.text, time(c.createdAt),
            c.hidden, c.internal, nullableId(c.call ? c.call->id : 0)});
    auto people = [this, id](const QList<qint64> &ids, const QString &role) {
        int position = 0;
        for (qint64 person : ids)
            run(QStringLiteral("INSERT INTO comment_people(comment_id, person_id, role, position) "
                               "VALUES (?, ?, ?, ?)"),
                {id, person, role, position++});
    };
    people(c.notifiedIds, QStringLiteral("notified"));
    people(c.visibleToIds, QStringLiteral("visible"));
    return id;
}

void RowWriter::touchTask(qint64 taskId, const QDateTime &at)
{
    run(QStringLiteral("UPDATE tasks SET last_activity_at = ? WHERE id = ?"), {time(at), taskId});
}

QString RowWriter::issueToken(qint64 personId)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), raw.size() / 4);
    const QByteArray token
        = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString t = time(QDateTime::currentDateTimeUtc());
    run(QStringLiteral("INSERT INTO auth_tokens(token_hash, person_id, created_at, last_used_at) "
                       "VALUES (?, ?, ?, ?)"),
        {QString::fromLatin1(server::AuthService::hashToken(token)), personId, t, t});
    return QString::fromLatin1(token);
}

} // namespace linecard::bench
