#include "peoplestore.h"

#include "contactgrams.h"
#include "contactsearchorder.h"
#include "database.h"
#include "models/phonenumber.h"
#include "rowvalues.h"
#include "textsearch.h"
#include "visibilitysql.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace linecard::server {

static const QString personColumns = QStringLiteral(
    "p.id, p.kind, p.name, p.login, p.is_admin, p.is_company, p.company_id, p.responsible_id, "
    "p.has_access, p.fields, p.merged_into, p.active");

QList<qint64> PeopleStore::visibleIds(const QList<qint64> &ids, const VisibilitySql &rule)
{
    QList<qint64> visible;
    if (ids.isEmpty())
        return visible;
    QVariantMap params = rule.params();
    QStringList placeholders;
    for (int i = 0; i < ids.size(); ++i) {
        placeholders << QStringLiteral(":id%1").arg(i);
        params.insert(QStringLiteral("id%1").arg(i), ids.at(i));
    }
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT p.id FROM people p WHERE p.id IN (%1) AND %2")
                        .arg(placeholders.join(u','), rule.person()),
            params);
    while (q.next())
        visible << q.value(0).toLongLong();
    return visible;
}

bool PeopleStore::hasMembers(qint64 companyId)
{
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE company_id = :id"),
                   {{QStringLiteral("id"), companyId}})
               .toInt()
        > 0;
}

bool PeopleStore::hasEmployees()
{
    return m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE kind = 'employee'"))
               .toInt()
        > 0;
}

Person PeopleStore::readPerson(const QSqlQuery &row)
{
    Person p;
    p.id = row.value(0).toLongLong();
    p.kind = row.value(1).toString() == QLatin1String("employee") ? Person::Kind::Employee
                                                                  : Person::Kind::Contact;
    p.name = row.value(2).toString();
    p.login = row.value(3).toString();
    p.isAdmin = row.value(4).toBool();
    p.isCompany = row.value(5).toBool();
    p.companyId = row.value(6).toLongLong();
    p.responsibleId = row.value(7).toLongLong();
    p.hasAccess = row.value(8).toBool();
    p.fields = QJsonDocument::fromJson(row.value(9).toByteArray()).object();
    p.mergedInto = row.value(10).toLongLong();
    p.active = row.value(11).toBool();
    return p;
}

void PeopleStore::loadDetails(Person &p)
{
    const QVariantMap id {{QStringLiteral("id"), p.id}};
    if (p.isEmployee()) {
        Database::Rows q = m_db.exec(
            QStringLiteral(
                "SELECT extension FROM extensions WHERE person_id = :id ORDER BY extension"),
            id);
        while (q.next())
            p.extensions << q.value(0).toString();
        return;
    }
    // Phones, then e-mails, in one round trip (a screen-pop reads its caller's card).
    Database::Rows q = m_db.execKept(
        QStringLiteral("SELECT 0 AS kind, number, type, position, id FROM phones WHERE person_id "
                       "= :id UNION ALL SELECT 1, email, '', position, id FROM emails WHERE "
                       "person_id = :id ORDER BY 1, 4, 5"),
        id);
    while (q.next()) {
        if (q.value(0).toInt() == 0)
            p.phones.append({q.value(1).toString(), q.value(2).toString()});
        else
            p.emails << q.value(1).toString();
    }
}

void PeopleStore::loadDetails(QList<Person> &people)
{
    if (people.size() < 2) {
        for (Person &p : people)
            loadDetails(p);
        return;
    }
    QHash<qint64, Person *> byId;
    QStringList ids; // integers, so written into the statement
    for (Person &p : people) {
        byId.insert(p.id, &p);
        ids << QString::number(p.id);
    }
    const QString in = ids.join(u',');
    auto each = [&](const QString &sql, Person::Kind kind, auto &&add) {
        Database::Rows q = m_db.exec(sql.arg(in));
        while (q.next())
            if (Person *p = byId.value(q.value(0).toLongLong()); p && p->kind == kind)
                add(*p, q);
    };
    each(QStringLiteral("SELECT person_id, extension FROM extensions WHERE person_id IN (%1) "
                        "ORDER BY person_id, extension"),
        Person::Kind::Employee,
        [](Person &p, const QSqlQuery &q) { p.extensions << q.value(1).toString(); });
    each(QStringLiteral("SELECT person_id, number, type FROM phones WHERE person_id IN (%1) "
                        "ORDER BY person_id, position, id"),
        Person::Kind::Contact, [](Person &p, const QSqlQuery &q) {
            p.phones.append({q.value(1).toString(), q.value(2).toString()});
        });
    each(QStringLiteral("SELECT person_id, email FROM emails WHERE person_id IN (%1) "
                        "ORDER BY person_id, position, id"),
        Person::Kind::Contact,
        [](Person &p, const QSqlQuery &q) { p.emails << q.value(1).toString(); });
}

std::optional<Person> PeopleStore::get(qint64 id)
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT %1 FROM people p WHERE p.id = :id").arg(personColumns),
            {{QStringLiteral("id"), id}});
    if (!q.next())
        return std::nullopt;
    Person p = readPerson(q);
    loadDetails(p);
    return p;
}

QList<Person> PeopleStore::getMany(const QList<qint64> &ids)
{
    QList<Person> out;
    for (qint64 id : ids)
        if (auto p = get(id))
            out.append(*p);
    return out;
}

qint64 PeopleStore::survivorOf(qint64 id)
{
    // Merges are flattened when they happen, so one hop reaches the survivor.
    const QVariant merged
        = m_db.scalar(QStringLiteral("SELECT merged_into FROM people WHERE id = :id"),
            {{QStringLiteral("id"), id}});
    return merged.isNull() || merged.toLongLong() == 0 ? id : merged.toLongLong();
}

qint64 PeopleStore::companyOf(qint64 id)
{
    if (id == 0)
        return 0;
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT is_company, company_id FROM people WHERE id = :id"),
            {{QStringLiteral("id"), id}});
    if (!q.next())
        return 0;
    return q.value(0).toBool() ? id : q.value(1).toLongLong();
}

QList<Person> PeopleStore::employees(bool includeInactive)
{
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT %1 FROM people p WHERE p.kind = 'employee' %2"
                       "ORDER BY p.name, p.id")
            .arg(personColumns, includeInactive ? QString() : QStringLiteral("AND p.active = 1 ")));
    QList<Person> out;
    while (q.next())
        out.append(readPerson(q));
    loadDetails(out);
    return out;
}

bool PeopleStore::loginTaken(const QString &login, qint64 exceptId)
{
    return m_db.scalar(
                   QStringLiteral("SELECT COUNT(*) FROM people WHERE login = :login AND id <> :id"),
                   {{QStringLiteral("login"), login}, {QStringLiteral("id"), exceptId}})
               .toInt()
        > 0;
}

std::optional<std::pair<qint64, QString>> PeopleStore::credentials(const QString &login)
{
    Database::Rows q = m_db.exec(
        QStringLiteral("SELECT id, password_hash FROM people WHERE login = :login AND "
                       "password_hash IS NOT NULL AND merged_into IS NULL AND active = 1 "
                       "AND (kind = 'employee' OR has_access = 1)"),
        {{QStringLiteral("login"), login}});
    if (!q.next())
        return std::nullopt;
    return std::make_pair(q.value(0).toLongLong(), q.value(1).toString());
}

void PeopleStore::upgradePasswordHash(
    qint64 personId, const QString &oldHash, const QString &newHash)
{
    m_db.exec(QStringLiteral("UPDATE people SET password_hash = :new WHERE id = :id AND "
                             "password_hash = :old"),
        {{QStringLiteral("id"), personId}, {QStringLiteral("old"), oldHash},
            {QStringLiteral("new"), newHash}});
}

QStringList PeopleStore::takenExtensions(const QStringList &extensions, qint64 exceptId)
{
    QStringList taken;
    for (const QString &ext : extensions) {
        if (m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM extensions WHERE extension = :e AND "
                                       "person_id <> :id"),
                    {{QStringLiteral("e"), ext}, {QStringLiteral("id"), exceptId}})
                .toInt())
            taken << ext;
    }
    return taken;
}

Person PeopleStore::createEmployee(const QString &name, const QString &login,
    const QString &passwordHash, const QStringList &extensions, bool isAdmin)
{
    Transaction tx(m_db);
    const QString t = storedNow();
    const qint64 id = m_db.insert(
        QStringLiteral("INSERT INTO people(kind, name, login, password_hash, is_admin, created_at, "
                       "updated_at) VALUES ('employee', :name, :login, :hash, :admin, :t, :t)"),
        {{QStringLiteral("name"), name}, {QStringLiteral("login"), login},
            {QStringLiteral("hash"), passwordHash}, {QStringLiteral("admin"), isAdmin},
            {QStringLiteral("t"), t}});
    for (const QString &ext : extensions)
        m_db.exec(QStringLiteral("INSERT INTO extensions(extension, person_id) VALUES (:e, :id)"),
            {{QStringLiteral("e"), ext}, {QStringLiteral("id"), id}});
    tx.commit();
    return *get(id);
}

Person PeopleStore::updateEmployee(const Person &next, const QString &passwordHash)
{
    Transaction tx(m_db);
    QVariantMap params {{QStringLiteral("id"), next.id}, {QStringLiteral("name"), next.name},
        {QStringLiteral("login"), next.login}, {QStringLiteral("admin"), next.isAdmin},
        {QStringLiteral("active"), next.active}, {QStringLiteral("t"), storedNow()}};
    QString passwordSet;
    if (!passwordHash.isEmpty()) {
        passwordSet = QStringLiteral(", password_hash = :hash");
        params.insert(QStringLiteral("hash"), passwordHash);
    }
    m_db.exec(QStringLiteral("UPDATE people SET name = :name, login = :login, is_admin = :admin, "
                             "active = :active, updated_at = :t%1 WHERE id = :id AND "
                             "kind = 'employee'")
                  .arg(passwordSet),
        params);
    const QVariantMap id {{QStringLiteral("id"), next.id}};
    m_db.exec(QStringLiteral("DELETE FROM extensions WHERE person_id = :id"), id);
    for (const QString &ext : next.extensions)
        m_db.exec(QStringLiteral("INSERT INTO extensions(extension, person_id) VALUES (:e, :id)"),
            {{QStringLiteral("e"), ext}, {QStringLiteral("id"), next.id}});
    tx.commit();
    return *get(next.id);
}

int PeopleStore::activeAdminCount(qint64 exceptId)
{
    return m_db
        .scalar(QStringLiteral("SELECT COUNT(*) FROM people WHERE kind = 'employee' AND "
                               "is_admin = 1 AND active = 1 AND id <> :id"),
            {{QStringLiteral("id"), exceptId}})
        .toInt();
}

QList<qint64> PeopleStore::activeAdminIds()
{
    Database::Rows q = m_db.exec(QStringLiteral("SELECT id FROM people WHERE kind = 'employee' AND "
                                                "is_admin = 1 AND active = 1 ORDER BY id"));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

void PeopleStore::writePhonesAndEmails(const Person &p)
{
    const QVariantMap id {{QStringLiteral("id"), p.id}};
    m_db.exec(QStringLiteral("DELETE FROM phones WHERE person_id = :id"), id);
    m_db.exec(QStringLiteral("DELETE FROM emails WHERE person_id = :id"), id);
    int position = 0;
    for (const PhoneEntry &phone : p.phones) {
        // Stored as E.164 (with ";ext=…"); what no valid number is in stays as written, and
        // still matches its callers when it is a possible number (an old allocation).
        const PhoneNumber number = PhoneNumber::parse(phone.number);
        m_db.exec(
            QStringLiteral("INSERT INTO phones(person_id, number, type, e164, tail_key, position) "
                           "VALUES (:id, :number, :type, :e164, :tail, :pos)"),
            {{QStringLiteral("id"), p.id}, {QStringLiteral("number"), number.canonical()},
                {QStringLiteral("type"), notNull(phone.type)},
                {QStringLiteral("e164"),
                    number.isPossible() ? QVariant(number.matchE164()) : QVariant()},
                {QStringLiteral("tail"),
                    number.isPossible() ? QVariant(number.matchTailKey()) : QVariant()},
                {QStringLiteral("pos"), position++}});
    }
    position = 0;
    for (const QString &email : p.emails)
        m_db.exec(
            QStringLiteral("INSERT INTO emails(person_id, email, position) VALUES (:id, :e, :pos)"),
            {{QStringLiteral("id"), p.id}, {QStringLiteral("e"), email},
                {QStringLiteral("pos"), position++}});
}

Person PeopleStore::createContact(const Person &draft)
{
    Transaction tx(m_db);
    const QString t = storedNow();
    Person p = draft;
    p.kind = Person::Kind::Contact;
    p.id = m_db.insert(
        QStringLiteral(
            "INSERT INTO people(kind, name, is_company, company_id, responsible_id, fields, "
            "created_at, updated_at) VALUES ('contact', :name, :company, :companyId, "
            ":responsible, :fields, :t, :t)"),
        {{QStringLiteral("name"), p.name}, {QStringLiteral("company"), p.isCompany},
            {QStringLiteral("companyId"), nullableId(p.companyId)},
            {QStringLiteral("responsible"), nullableId(p.responsibleId)},
            {QStringLiteral("fields"),
                QString::fromUtf8(QJsonDocument(p.fields).toJson(QJsonDocument::Compact))},
            {QStringLiteral("t"), t}});
    writePhonesAndEmails(p);
    reindex(p.id);
    tx.commit();
    return *get(p.id);
}

Person PeopleStore::updateContact(const Person &p)
{
    Transaction tx(m_db);
    m_db.exec(
        QStringLiteral(
            "UPDATE people SET name = :name, is_company = :company, company_id = :companyId, "
            "responsible_id = :responsible, fields = :fields, updated_at = :t WHERE id = :id"),
        {{QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name},
            {QStringLiteral("company"), p.isCompany},
            {QStringLiteral("companyId"), nullableId(p.companyId)},
            {QStringLiteral("responsible"), nullableId(p.responsibleId)},
            {QStringLiteral("fields"),
                QString::fromUtf8(QJsonDocument(p.fields).toJson(QJsonDocument::Compact))},
            {QStringLiteral("t"), storedNow()}});
    writePhonesAndEmails(p);
    reindex(p.id);
    tx.commit();
    return *get(p.id);
}

void PeopleStore::setAccess(
    qint64 contactId, bool enabled, const QString &login, const QString &passwordHash)
{
    Transaction tx(m_db);
    if (enabled) {
        m_db.exec(QStringLiteral("UPDATE people SET has_access = 1, login = :login, "
                                 "password_hash = COALESCE(:hash, password_hash), updated_at = :t "
                                 "WHERE id = :id"),
            {{QStringLiteral("id"), contactId}, {QStringLiteral("login"), login},
                {QStringLiteral("hash"),
                    passwordHash.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                           : QVariant(passwordHash)},
                {QStringLiteral("t"), storedNow()}});
    } else {
        m_db.exec(
            QStringLiteral("UPDATE people SET has_access = 0, login = NULL, password_hash = NULL, "
                           "updated_at = :t WHERE id = :id"),
            {{QStringLiteral("id"), contactId}, {QStringLiteral("t"), storedNow()}});
        m_db.exec(QStringLiteral("DELETE FROM auth_tokens WHERE person_id = :id"),
            {{QStringLiteral("id"), contactId}});
    }
    tx.commit();
}

QStringList PeopleStore::searchTerms(const QString &query)
{
    // A phone-like run ("123-45", "(916)") loses its punctuation so that it matches the
    // indexed digit forms; other words are kept as typed (the index folds case).
    // Digits of any script count ("١٢٣٤" as "1234", issue 14 item 9).
    static const QRegularExpression phoneLike(
        QStringLiteral("^[+\\d()\\-.\\s]*\\d[\\d()\\-.\\s]*$"),
        QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    for (const QString &word : query.simplified().split(u' ', Qt::SkipEmptyParts)) {
        QString term = word;
        if (phoneLike.match(word).hasMatch())
            term = PhoneNumber::digitsOnly(word);
        if (!term.isEmpty() && !terms.contains(term, Qt::CaseInsensitive))
            terms << term;
    }
    return terms;
}

QList<Person> PeopleStore::search(
    const QStringList &terms, const std::optional<std::pair<QString, qint64>> &after, int limit)
{
    if (!terms.isEmpty()) {
        const QStringList tokens = ContactGrams::ofTerms(terms);
        if (!tokens.isEmpty())
            return searchByGrams(terms, tokens, after, limit);
    }
    QVariantMap params {{QStringLiteral("limit"), limit}};
    QString sql;
    if (terms.isEmpty()) {
        sql = QStringLiteral(
            "SELECT %1 FROM people p WHERE p.kind = 'contact' AND p.merged_into IS NULL")
                  .arg(personColumns);
        if (after) {
            sql += QStringLiteral(
                " AND (p.name > :afterName OR (p.name = :afterName AND p.id > :afterId))");
            params.insert(QStringLiteral("afterName"), after->first);
            params.insert(QStringLiteral("afterId"), after->second);
        }
        sql += QStringLiteral(" ORDER BY p.name, p.id LIMIT :limit");
    } else {
        // The search table read in its rowid order, which is (name, id) order (see
        // contactsearchorder.h), and left as soon as the page is full: no sorting of every
        // match. CROSS JOIN keeps it the outer loop.
        sql = QStringLiteral("SELECT %1 FROM contact_search s %2 people p ON "
                             "p.search_key = s.rowid WHERE p.kind = 'contact' AND "
                             "p.merged_into IS NULL")
                  .arg(personColumns, m_db.dialect().orderedJoin());
        sql += textSearchConditions(
            m_db.dialect(), QStringLiteral("contact_search"), QStringLiteral("s"), terms, params);
        if (after)
            if (const qint64 key
                = ContactSearchOrder(m_db).keyAtOrBefore(after->first, after->second)) {
                sql += QStringLiteral(" AND s.rowid > :afterKey");
                params.insert(QStringLiteral("afterKey"), key);
            }
        sql += QStringLiteral(" ORDER BY s.rowid LIMIT :limit");
    }
    Database::Rows q = m_db.exec(sql, params);
    QList<Person> out;
    while (q.next())
        out.append(readPerson(q));
    loadDetails(out);
    return out;
}

QList<Person> PeopleStore::searchByGrams(const QStringList &terms, const QStringList &tokens,
    const std::optional<std::pair<QString, qint64>> &after, int limit)
{
    // The grams' postings in search-key order, i.e. (name, id) order (contactsearchorder.h),
    // each candidate checked against its row; read in growing batches until the page is full.
    QStringList folded;
    for (const QString &term : terms)
        folded << ContactGrams::fold(term);
    qint64 afterKey
        = after ? ContactSearchOrder(m_db).keyAtOrBefore(after->first, after->second) : 0;
    const int bodyColumn = 12, keyColumn = 13;
    ContactGrams grams(m_db);
    QVariantMap params;
    // Planned once: later batches read on in the same order.
    bool mergeFirstTwo = false;
    const QStringList order = grams.readingOrder(terms, tokens, afterKey, &mergeFirstTwo);
    const QString sql = grams.candidates(personColumns, order, mergeFirstTwo, params);
    QList<Person> out;
    for (int batch = limit + 8;; batch = qMin(batch * 4, 4096)) {
        params.insert(QStringLiteral("after"), afterKey);
        params.insert(QStringLiteral("batch"), batch);
        Database::Rows q = m_db.exec(sql, params);
        int rows = 0;
        while (out.size() < limit && q.next()) {
            ++rows;
            afterKey = q.value(keyColumn).toLongLong();
            if (q.isNull(0)
                || !ContactGrams::containsAll(
                    ContactGrams::fold(q.value(bodyColumn).toString()), folded))
                continue;
            Person p = readPerson(q);
            if (p.isContact() && !p.mergedInto)
                out.append(p);
        }
        if (out.size() >= limit || rows < batch)
            break;
    }
    loadDetails(out);
    return out;
}

QList<Person> PeopleStore::lookupPhone(const QString &phone)
{
    return lookupPhone(PhoneNumber::parse(phone));
}

QList<Person> PeopleStore::lookupPhone(const PhoneNumber &number)
{
    if (!number.isPossible())
        return {};
    // One lookup in each phone index, then the few people they name: without CROSS JOIN the
    // planner walks every contact in name order to avoid a sort (seconds at 1,000,000).
    Database::Rows q = m_db.execKept(
        QStringLiteral("SELECT %1 FROM (SELECT person_id FROM phones WHERE e164 = :e164 UNION "
                       "SELECT person_id FROM phones WHERE tail_key = :tail) ph %2 "
                       "people p ON p.id = ph.person_id WHERE p.merged_into IS NULL AND "
                       "p.kind = 'contact' ORDER BY p.name, p.id")
            .arg(personColumns, m_db.dialect().orderedJoin()),
        {{QStringLiteral("e164"), number.matchE164()},
            {QStringLiteral("tail"), number.matchTailKey()}});
    QList<Person> out;
    while (q.next())
        out.append(readPerson(q));
    loadDetails(out);
    return out;
}

void PeopleStore::reindex(qint64 contactId)
{
    const std::optional<Person> p = get(contactId);
    if (!p || !p->isContact() || p->mergedInto) {
        unindex(contactId);
        return;
    }
    QString companyName;
    if (p->companyId)
        if (const auto company = get(p->companyId))
            companyName = company->name;
    const qint64 key = ContactSearchOrder(m_db).place(contactId, p->name);
    ContactGrams(m_db).write(key, searchBody(*p, companyName));
    if (p->isCompany) {
        Database::Rows members = m_db.exec(
            QStringLiteral("SELECT id FROM people WHERE company_id = :id AND merged_into IS NULL"),
            {{QStringLiteral("id"), contactId}});
        QList<qint64> ids;
        while (members.next())
            ids << members.value(0).toLongLong();
        for (qint64 member : ids)
            if (member != contactId)
                reindex(member);
    }
}

QString PeopleStore::searchBody(const Person &contact, const QString &companyName)
{
    QStringList body {contact.name};
    if (!companyName.isEmpty())
        body << companyName;
    body << contact.emails;
    for (const PhoneEntry &phone : contact.phones)
        body << PhoneNumber::parse(phone.number).searchForms();
    return body.join(u'\n');
}

void PeopleStore::unindex(qint64 contactId)
{
    ContactSearchOrder(m_db).remove(contactId);
}

} // namespace linecard::server
