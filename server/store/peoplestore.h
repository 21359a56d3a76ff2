#pragma once

#include "models/person.h"

#include <QList>
#include <QStringList>

#include <optional>

class QSqlQuery;

namespace linecard {
class PhoneNumber;
}

namespace linecard::server {

class Database;
class VisibilitySql;

// Employees and contacts: rows, phones, emails, extensions, logins and the contact
// search index. Knows nothing of who asks; callers apply the access rules.
class PeopleStore
{
public:
    explicit PeopleStore(Database &db)
        : m_db(db)
    { }

    std::optional<Person> get(qint64 id);
    // Of `ids`, those the rule lets its viewer know of (its person clause).
    QList<qint64> visibleIds(const QList<qint64> &ids, const VisibilitySql &rule);
    // Whether any contact belongs to the company.
    bool hasMembers(qint64 companyId);
    bool hasEmployees();
    QList<Person> getMany(const QList<qint64> &ids); // in the given order, unknown ids skipped
    // Follows merges to the live contact (itself when never merged).
    qint64 survivorOf(qint64 id);
    // The company a person belongs to: itself for a company, else its companyId (0 = none).
    qint64 companyOf(qint64 id);

    // Active employees (pickers); administrators also list the deactivated ones.
    QList<Person> employees(bool includeInactive = false);
    bool loginTaken(const QString &login, qint64 exceptId = 0);
    // id and password hash of an account that may sign in
    std::optional<std::pair<qint64, QString>> credentials(const QString &login);
    // Replaces a password hash by a stronger one of the same password (the upgrade at sign-in);
    // nothing happens when the hash changed meanwhile (a new password wins).
    void upgradePasswordHash(qint64 personId, const QString &oldHash, const QString &newHash);

    Person createEmployee(const QString &name, const QString &login, const QString &passwordHash,
        const QStringList &extensions, bool isAdmin);
    // Name, login, role, active and extensions as given; the password only when a hash is given.
    Person updateEmployee(const Person &next, const QString &passwordHash = {});
    // Active administrators other than exceptId: the last one may not go.
    int activeAdminCount(qint64 exceptId = 0);
    QList<qint64> activeAdminIds();
    QStringList takenExtensions(const QStringList &extensions, qint64 exceptId = 0);
    Person createContact(const Person &draft);
    Person updateContact(const Person &next);
    void setAccess(
        qint64 contactId, bool enabled, const QString &login, const QString &passwordHash);

    // Contacts whose name, company, emails or phone digits contain every term.
    // Sorted by name then id; "after" is the (name, id) of the previous page's last item.
    QList<Person> search(const QStringList &terms,
        const std::optional<std::pair<QString, qint64>> &after, int limit);
    QList<Person> lookupPhone(const QString &phone);
    // The same for a number already parsed (a caller id read in its line's region).
    QList<Person> lookupPhone(const PhoneNumber &number);

    // Rebuilds the search row of a contact (and of its members when it is a company).
    void reindex(qint64 contactId);
    // The text of a contact's search row: its name, its company's name (empty = none),
    // emails and the digit forms of each phone. The one definition of what search finds;
    // the benchmarks' data generator writes its rows with it too.
    static QString searchBody(const Person &contact, const QString &companyName);
    void unindex(qint64 contactId);

    // Splits a search query into index terms: phone-like runs lose their punctuation.
    static QStringList searchTerms(const QString &query);

private:
    // search() through the grams' postings (store/contactgrams.h).
    QList<Person> searchByGrams(const QStringList &terms, const QStringList &tokens,
        const std::optional<std::pair<QString, qint64>> &after, int limit);
    Person readPerson(const QSqlQuery &row);
    void loadDetails(Person &person);
    // The same for a page of people in three statements, not two per person.
    void loadDetails(QList<Person> &people);
    void writePhonesAndEmails(const Person &person);

    Database &m_db;
};

} // namespace linecard::server
