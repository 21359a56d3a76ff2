#pragma once

#include "datasource.h"
#include "person.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace linecard {

// The names (and cards) of the people the client shows: employees are loaded once,
// others on first use, a batch at a time (GET /api/v1/people?ids=): an employee gets whole
// cards, a contact signed in only the names of the people on what it may see. Views ask
// name(id) and repaint on personChanged.
class PeopleDirectory : public QObject
{
    Q_OBJECT
public:
    explicit PeopleDirectory(QObject *parent = nullptr);

    void setDataSource(DataSource *source) { m_source = source; }
    void loadEmployees();
    QList<Person> employees() const;

    // The cached name, or a placeholder while it is fetched.
    QString name(qint64 id);
    std::optional<Person> person(qint64 id) const;
    bool isContact(qint64 id) const;
    void insert(const Person &person);
    void insertJson(const QJsonObject &json);

signals:
    void personChanged(qint64 id);
    void employeesLoaded();

private:
    void fetchPendingNames();

    DataSource *m_source = nullptr;
    QList<qint64> m_pendingNames;
    QHash<qint64, Person> m_people;
    QSet<qint64> m_requested;
    bool m_loadingEmployees = false;
};

} // namespace linecard
