#include "peopledirectory.h"

#include <QStringList>

#include <utility>

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
    // The deactivated keep their names in what they wrote but leave the pickers.
    for (const Person &p : m_people)
        if (p.isEmployee() && p.active)
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
        // The names a view asks for while it paints go out as one request (GET
        // /api/v1/people?ids=), not one per row: a long list stays a request per page.
        if (m_pendingNames.isEmpty())
            QMetaObject::invokeMethod(
                this, &PeopleDirectory::fetchPendingNames, Qt::QueuedConnection);
        m_pendingNames.append(id);
    }
    return tr("#%1").arg(id);
}

void PeopleDirectory::fetchPendingNames()
{
    const QList<qint64> ids = std::exchange(m_pendingNames, {});
    for (qsizetype from = 0; from < ids.size() && m_source; from += 200) {
        QStringList batch;
        for (qint64 id : ids.mid(from, 200))
            batch << QString::number(id);
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("ids"), batch.join(u','));
        m_source->fetchPage(
            QStringLiteral("/api/v1/people"), query, this, [this](const PageReply &reply) {
                // Ids the server leaves out stay as placeholders: it will not name them.
                for (const QJsonObject &item : reply.items)
                    insertJson(item);
            });
    }
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
