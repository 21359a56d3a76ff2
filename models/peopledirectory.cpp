#include "peopledirectory.h"

namespace linecard {

PeopleDirectory::PeopleDirectory(QObject *parent)
    : QObject(parent)
{ }

void PeopleDirectory::loadEmployees()
{
    if (!m_source || m_loadingEmployees)
        return;
    m_loadingEmployees = true;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("kind"), QStringLiteral("employee"));
    m_source->fetchPage(
        QStringLiteral("/api/v1/people"), query, this, [this](const PageReply &reply) {
            m_loadingEmployees = false;
            for (const QJsonObject &item : reply.items)
                insertJson(item);
            emit employeesLoaded();
        });
}

QList<Person> PeopleDirectory::employees() const
{
    QList<Person> out;
    for (const Person &p : m_people)
        if (p.isEmployee())
            out.append(p);
    std::sort(
        out.begin(), out.end(), [](const Person &a, const Person &b) { return a.name < b.name; });
    return out;
}

QString PeopleDirectory::name(qint64 id)
{
    if (id == 0)
        return {};
    const auto it = m_people.constFind(id);
    if (it != m_people.constEnd())
        return it->name;
    if (m_source && !m_requested.contains(id)) {
        m_requested.insert(id);
        m_source->fetchObject(QStringLiteral("/api/v1/contacts/%1").arg(id), this,
            [this](bool ok, const QJsonObject &json) {
                if (ok)
                    insertJson(json);
                else // not a contact: perhaps a colleague added since
                    loadEmployees();
            });
    }
    return tr("#%1").arg(id);
}

std::optional<Person> PeopleDirectory::person(qint64 id) const
{
    const auto it = m_people.constFind(id);
    return it == m_people.constEnd() ? std::nullopt : std::optional<Person>(*it);
}

bool PeopleDirectory::isContact(qint64 id) const
{
    const auto p = person(id);
    return p && p->isContact();
}

void PeopleDirectory::insert(const Person &person)
{
    m_people.insert(person.id, person);
    emit personChanged(person.id);
}

void PeopleDirectory::insertJson(const QJsonObject &json)
{
    if (const auto p = Person::fromJson(json))
        insert(*p);
}

} // namespace linecard
