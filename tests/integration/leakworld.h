#pragma once

#include "testserver.h"

#include "models/accountsettings.h"
#include "models/visibility.h"

#include <QList>
#include <QRandomGenerator>
#include <QSet>
#include <QString>

namespace linecard::testing {

// One random world of the leak hunt, built only through the REST API of a real server,
// with every fact the visibility rule decides on kept on the side. The expectations are
// computed from those facts by the pure rule (models/visibility.h) alone, never by asking
// the server, so that a server that leaks (or hides too much) disagrees with them.
class LeakWorld
{
public:
    struct Member
    {
        qint64 id = 0;
        bool employee = false;
        bool admin = false;
        bool isCompany = false;
        qint64 companyId = 0; // a company's own id for a company, 0 for none
        QString token; // employees and contacts with access
    };
    struct WorldTask
    {
        qint64 id = 0;
        qint64 counterpartyId = 0;
        QList<qint64> memberIds;
        QString word; // in the title only: what a search finds it by
    };
    struct WorldComment
    {
        qint64 id = 0;
        qint64 taskId = 0;
        qint64 cardId = 0;
        qint64 authorId = 0;
        bool hidden = false;
        bool internal = false;
        QList<qint64> visibleToIds;
        QList<qint64> notifiedIds;
        QString word; // in the text only
    };

    LeakWorld(TestServer &server, quint32 seed);

    // Settings, people and access; then tasks; then comments (streams open in between).
    bool buildPeople();
    bool buildTasks();
    bool addComments(int count);
    // A plain comment by an administrator on the viewer's own card, addressed to it: the
    // viewer may always see it, so its arrival on a stream means everything before arrived.
    qint64 addMarker(qint64 viewerId);
    // Calls from contacts' phones through a PlanFix provider; their records land as comments.
    bool addCalls(int count);
    bool setSettings(const AccountSettings &next);
    // Changes after the fact: a contact moves to another company (or to none), a task gets
    // a new counterparty and members. The rule must follow at once, old comments included.
    bool moveSomeContact();
    bool reshapeSomeTask();

    QString error() const { return m_error; }
    // Calls attached to a comment that a contact with access may read (the case where a
    // call record once reached contacts).
    int callsOnContactComments() const { return m_callsOnContactComments; }
    quint32 seed() const { return m_seed; }
    QString adminToken() const { return m_admin; }
    const AccountSettings &settings() const { return m_settings; }
    const QList<Member> &people() const { return m_people; }
    const QList<WorldTask> &tasks() const { return m_tasks; }
    const QList<WorldComment> &comments() const { return m_comments; }
    QList<Member> viewers() const; // contacts with access
    const Member *member(qint64 id) const;
    const WorldTask *task(qint64 id) const;
    QRandomGenerator &rng() { return m_rng; }

    // What the pure rule says.
    visibility::Viewer viewerOf(qint64 personId) const;
    bool seesTask(qint64 viewerId, const WorldTask &task) const;
    bool seesComment(qint64 viewerId, const WorldComment &comment) const;
    QSet<qint64> visibleTaskIds(qint64 viewerId) const;
    QSet<qint64> visibleCommentIds(qint64 viewerId) const;
    // The people whose names the viewer may read: itself and everyone named on the tasks
    // and comments it may see.
    QSet<qint64> knownPeople(qint64 viewerId) const;

private:
    qint64 companyOf(qint64 personId) const;
    qint64 createContact(const QJsonObject &fields);
    QList<qint64> somePeople(int max);
    bool fail(const QString &what, const HttpResult &r);
    bool postComment(WorldComment c, const QString &token, const QString &path);

    TestServer &m_server;
    quint32 m_seed;
    QRandomGenerator m_rng;
    QString m_admin;
    QString m_error;
    AccountSettings m_settings;
    QList<Member> m_people;
    QList<WorldTask> m_tasks;
    QList<WorldComment> m_comments;
    int m_calls = 0;
    int m_callsOnContactComments = 0;
};

} // namespace linecard::testing
