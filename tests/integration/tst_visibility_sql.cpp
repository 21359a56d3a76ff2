#include "testserver.h"

#include "models/visibility.h"
#include "server/servercontext.h"

#include <QRandomGenerator>
#include <QTest>

using namespace linecard;
using namespace linecard::server;
using namespace linecard::testing;

// The visibility rule exists twice: as the pure function the event stream uses
// (models/visibility.cpp) and as the SQL of every read path (store/visibilitysql.cpp).
// Random worlds hold the two to the same answer for every viewer, task and comment.
// LINECARD_VISIBILITY_WORLDS=N runs more worlds; a failure prints its seed.
class TestVisibilitySql : public QObject
{
    Q_OBJECT
private slots:
    void sqlAgreesWithTheRule();
};

struct World
{
    QList<Person> people; // employees first
    QList<Task> tasks;
    QList<Comment> comments;
};

static World buildWorld(ServerContext &ctx, QRandomGenerator &rng)
{
    World w;
    const int employees = 3, companies = 2, contacts = 6;
    for (int i = 0; i < employees; ++i)
        w.people << ctx.people.createEmployee(QStringLiteral("E%1").arg(i),
            QStringLiteral("e%1-%2").arg(i).arg(rng.generate()), QStringLiteral("x"), {}, i == 0);
    QList<qint64> companyIds;
    for (int i = 0; i < companies; ++i) {
        Person c;
        c.name = QStringLiteral("Company %1").arg(i);
        c.isCompany = true;
        const Person created = ctx.people.createContact(c);
        companyIds << created.id;
        w.people << created;
    }
    for (int i = 0; i < contacts; ++i) {
        Person c;
        c.name = QStringLiteral("Contact %1").arg(i);
        if (rng.bounded(3) != 0)
            c.companyId = companyIds.at(rng.bounded(companies));
        w.people << ctx.people.createContact(c);
    }
    auto anyone = [&] { return w.people.at(rng.bounded(w.people.size())).id; };
    auto someone = [&](int max) {
        QList<qint64> ids;
        for (int n = rng.bounded(max + 1); n > 0; --n) {
            const qint64 id = anyone();
            if (!ids.contains(id))
                ids << id;
        }
        return ids;
    };
    for (int i = 0; i < 6; ++i) {
        Task t;
        t.title = QStringLiteral("Task %1").arg(i);
        const Person &cp = w.people.at(rng.bounded(employees, w.people.size()));
        t.counterpartyId = rng.bounded(5) ? cp.id : 0;
        t.assigneeIds = someone(2);
        t.participantIds = someone(2);
        w.tasks << ctx.tasks.create(t, w.people.first().id);
    }
    for (int i = 0; i < 40; ++i) {
        Comment c;
        c.taskId = w.tasks.at(rng.bounded(w.tasks.size())).id;
        c.authorId = anyone();
        c.text = QStringLiteral("comment %1").arg(i);
        c.notifiedIds = someone(3);
        const int kind = rng.bounded(4);
        c.hidden = kind == 1;
        c.internal = kind == 2;
        if (c.hidden)
            c.visibleToIds = someone(3);
        w.comments << ctx.comments.create(c);
    }
    return w;
}

void TestVisibilitySql::sqlAgreesWithTheRule()
{
    const int worlds = qEnvironmentVariableIsSet("LINECARD_VISIBILITY_WORLDS")
        ? qEnvironmentVariableIntValue("LINECARD_VISIBILITY_WORLDS")
        : 12;
    for (int n = 0; n < worlds; ++n) {
        const quint32 seed = 1000 + quint32(n);
        QRandomGenerator rng(seed);
        TestServer server;
        ServerContext &ctx = server.server().context();
        const World w = buildWorld(ctx, rng);
        int checked = 0;
        for (int s = 0; s < 4; ++s) {
            AccountSettings settings;
            settings.contactsSeeOnlyNotified = s & 1;
            settings.shareWithinCompany = s & 2;
            ctx.settings.save(settings);
            for (const Person &viewerPerson : w.people) {
                const visibility::Viewer viewer = Session {viewerPerson, {}}.viewer();
                const VisibilitySql rule = ctx.rule(viewer);
                for (const Task &task : w.tasks) {
                    const bool taskVisible
                        = visibility::canSeeTask(viewer, ctx.tasks.audience(task), settings);
                    QVERIFY2(bool(ctx.tasks.getVisible(task.id, rule)) == taskVisible,
                        qPrintable(QStringLiteral("seed %1: task %2 for viewer %3")
                                       .arg(seed)
                                       .arg(task.id)
                                       .arg(viewer.id)));
                    QList<qint64> expected;
                    for (const Comment &c : w.comments)
                        if (c.taskId == task.id && taskVisible
                            && visibility::canSeeComment(
                                viewer, ctx.comments.audience(c), settings))
                            expected << c.id;
                    QList<qint64> actual;
                    for (const Comment &c : ctx.comments.listForTask(task.id, rule, 0, 200))
                        actual << c.id;
                    QVERIFY2(actual == expected,
                        qPrintable(QStringLiteral("seed %1, settings %2: task %3 for viewer %4")
                                       .arg(seed)
                                       .arg(s)
                                       .arg(task.id)
                                       .arg(viewer.id)));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 0);
    }
}

QTEST_GUILESS_MAIN(TestVisibilitySql)
#include "tst_visibility_sql.moc"
