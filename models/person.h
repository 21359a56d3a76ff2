#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace linecard {

struct PhoneEntry
{
    QString number; // as entered
    QString type; // "work", "mobile", "home", … free text
    bool operator==(const PhoneEntry &o) const { return number == o.number && type == o.type; }
};

// An employee or a contact (a company is a contact with isCompany).
struct Person
{
    enum class Kind
    {
        Employee,
        Contact
    };

    qint64 id = 0;
    Kind kind = Kind::Contact;
    QString name;
    // employee
    QString login;
    QStringList extensions;
    bool isAdmin = false;
    bool active = true; // false: deactivated, cannot sign in, left out of pickers
    // contact
    bool isCompany = false;
    qint64 companyId = 0;
    QList<PhoneEntry> phones;
    QStringList emails;
    QJsonObject fields;
    qint64 responsibleId = 0;
    bool hasAccess = false;
    qint64 mergedInto = 0;

    bool isEmployee() const { return kind == Kind::Employee; }
    bool isContact() const { return kind == Kind::Contact; }

    QJsonObject toJson() const;
    static std::optional<Person> fromJson(const QJsonObject &json, QString *error = nullptr);

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};

} // namespace linecard
