#include "commentsbench.h"

#include "common/barerelay.h"
#include "common/benchdata.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/samples.h"
#include "datagen/fakedata.h"

#include "server/auth/passwordhasher.h"
#include "server/store/database.h"
#include "server/store/settingsstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>

namespace linecard::bench {

namespace {

// Which share of a thread the viewer may see (contactsSeeOnlyNotified on).
enum class Mix
{
    Typical, // the demo's mix: the client writes 30%, staff answer the client 30%
    Sparse, // the viewer is notified in 1 comment of 100, the rest is staff talk
};

struct Thread
{
    QString title;
    Mix mix;
    qint64 taskId = 0;
};

// The task titled so, with `comments` comments between the viewer and staff (made when
// missing or of another size).
qint64 ensureThread(BenchData &data, const QString &title, Mix mix, qint64 viewer,
    const QList<qint64> &staff, int comments)
{
    const qint64 existing = data.number(
        QStringLiteral("SELECT t.id FROM tasks t WHERE t.title = :t AND t.counterparty_id = :v "
                       "AND (SELECT COUNT(*) FROM comments c WHERE c.task_id = t.id) = :n"),
        {{QStringLiteral("t"), title}, {QStringLiteral("v"), viewer},
            {QStringLiteral("n"), comments}});
    if (existing)
        return existing;
    FakeData fake(mix == Mix::Typical ? 11 : 12);
    server::Transaction tx(data.db());
    QDateTime at = QDateTime::currentDateTimeUtc().addDays(-200);
    Task t;
    t.title = title;
    t.description = QStringLiteral("A long thread for linecard-bench-comments");
    t.counterpartyId = viewer;
    t.assigneeIds << staff.first();
    t.createdAt = t.updatedAt = t.lastActivityAt = at;
    const qint64 taskId = data.rows().task(t, staff.first());
    for (int i = 0; i < comments; ++i) {
        at = at.addSecs(60 + fake.below(1200));
        Comment c;
        c.taskId = taskId;
        c.createdAt = at;
        const qint64 employee = staff.at(fake.below(int(staff.size())));
        const int kind = fake.below(mix == Mix::Typical ? 10 : 100);
        if (mix == Mix::Typical && kind < 3) {
            c.authorId = viewer;
            c.text = fake.clientLine();
            c.notifiedIds << staff.first();
        } else if ((mix == Mix::Typical && kind < 6) || (mix == Mix::Sparse && kind == 0)) {
            c.authorId = staff.first();
            c.text = fake.staffLine();
            c.notifiedIds << viewer;
        } else if (kind % 5 < 2) {
            c.authorId = employee;
            c.text = fake.internalLine();
            c.internal = true;
        } else if (kind % 5 < 3) {
            c.authorId = employee;
            c.text = fake.hiddenLine();
            c.hidden = true;
            c.visibleToIds << staff.first();
        } else {
            c.authorId = employee;
            c.text = QStringLiteral("Обновил статус, жду подтверждения склада.");
            c.notifiedIds << staff.first();
        }
        data.rows().comment(c);
    }
    data.rows().touchTask(taskId, at);
    tx.commit();
    return taskId;
}

} // namespace

int runCommentsBench(int argc, char *argv[])
{
    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-comments"));
    BenchProgram program(app,
        QStringLiteral("The first page of a long task thread (GET "
                       "/api/v1/tasks/{id}/comments?limit=50) read by a contact with "
                       "contactsSeeOnlyNotified on, over real HTTP on loopback."));
    program.addCount(
        QStringLiteral("comments"), QStringLiteral("Comments in the thread"), 10000, 300);
    program.addCount(QStringLiteral("requests"), QStringLiteral("Measured requests"), 500, 10);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured requests first"), 50, 2);
    program.addCount(QStringLiteral("limit"), QStringLiteral("Page size"), 50, 50);
    DataSpec smoke;
    smoke.contacts = 200;
    smoke.tasks = 10;
    smoke.employees = 3;
    if (!program.start(smoke))
        return 2;
    QTextStream &out = program.out();
    const int comments = program.count(QStringLiteral("comments"));
    const int requests = program.count(QStringLiteral("requests"));
    const int warmup = program.count(QStringLiteral("warmup"));
    const int limit = program.count(QStringLiteral("limit"));

    QList<Thread> threads {
        {QStringLiteral("bench: %1 comments, demo mix").arg(comments), Mix::Typical},
        {QStringLiteral("bench: %1 comments, viewer notified in 1 of 100").arg(comments),
            Mix::Sparse}};
    QString summary, viewerToken, staffToken;
    {
        BenchData data(program.dataDir());
        const qint64 admin = data.administratorId();
        QList<qint64> staff;
        QSqlQuery q = data.db().exec(QStringLiteral(
            "SELECT id FROM people WHERE kind = 'employee' AND login LIKE 'op%' ORDER BY id "
            "LIMIT 5"));
        while (q.next())
            staff << q.value(0).toLongLong();
        if (staff.isEmpty())
            staff << admin;
        // The viewer: a contact who may sign in (made so on the first run).
        qint64 viewer = data.number(QStringLiteral(
            "SELECT id FROM people WHERE login = 'bench-viewer' AND kind = 'contact'"));
        server::Transaction tx(data.db());
        if (!viewer) {
            viewer = data.number(QStringLiteral("SELECT MIN(id) FROM people WHERE kind = "
                                                "'contact' AND is_company = 0 AND has_access = 0 "
                                                "AND merged_into IS NULL"));
            data.rows().giveAccess(viewer, QStringLiteral("bench-viewer"),
                server::PasswordHasher::hash(QStringLiteral("bench-password")));
        }
        for (Thread &t : threads)
            t.taskId = ensureThread(data, t.title, t.mix, viewer, staff, comments);
        viewerToken = data.rows().issueToken(viewer);
        staffToken = data.rows().issueToken(staff.first());
        tx.commit();
        server::SettingsStore settings(data.db());
        AccountSettings s = settings.get();
        s.contactsSeeOnlyNotified = true;
        settings.save(s);
        summary = data.summary();
    }
    program.printHeader(summary);
    out << "server: in-process LinecardServer on its own thread; client: HTTP/1.1 on one "
           "kept-alive "
           "socket on the main thread, one request at a time; contactsSeeOnlyNotified on\n";
    out.flush();

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    BenchHttp http(server.url());
    struct Reader
    {
        QString label;
        const Thread *thread;
        QString token;
    };
    const QList<Reader> readers {{QStringLiteral("contact, demo mix"), &threads.at(0), viewerToken},
        {QStringLiteral("contact, notified in 1 of 100"), &threads.at(1), viewerToken},
        {QStringLiteral("operator (reference)"), &threads.at(0), staffToken}};
    int failures = 0;
    QList<Samples> results;
    BareRelay relay; // the floor: the same requests, a real page as the fixed answer
    BenchHttp relayHttp(relay.url());
    for (const Reader &reader : readers) {
        const QString path = QStringLiteral("/api/v1/tasks/%1/comments?limit=%2")
                                 .arg(reader.thread->taskId)
                                 .arg(limit);
        Samples samples;
        int items = 0;
        qint64 cpu = 0;
        QByteArray page;
        for (int i = 0; i < warmup + requests; ++i) {
            const qint64 cpuBefore = processCpuNs();
            const HttpReply r = http.get(path, reader.token);
            if (i >= warmup)
                cpu += processCpuNs() - cpuBefore;
            items = int(r.json().value(QStringLiteral("items")).toArray().size());
            if (r.status != 200 || items == 0) {
                if (++failures <= 5)
                    out << "  " << reader.label << ": answered " << r.status << " with " << items
                        << " comments\n";
                continue;
            }
            if (i >= warmup)
                samples.add(r.nanoseconds);
            page = r.body;
        }
        out << samples.line(
            QStringLiteral("%1 (%2 comments on the page)").arg(reader.label).arg(items))
            << '\n';
        program.printCpu(cpu, samples.count(), QStringLiteral("page"));
        relay.setBody(page);
        Samples floor;
        for (int i = 0; i < warmup + requests; ++i) {
            const HttpReply r = relayHttp.get(path, reader.token);
            if (i >= warmup && r.status == 200 && r.body == page)
                floor.add(r.nanoseconds);
        }
        program.printFloor(reader.label, samples, floor);
        results.append(samples);
    }
    program.printTarget(
        QStringLiteral("contact's first page p99, demo mix"), results.at(0).percentileMs(99), 20);
    program.printTarget(QStringLiteral("contact's first page p99, notified in 1 of 100"),
        results.at(1).percentileMs(99), 20);
    if (failures) {
        out << failures << " requests failed\n";
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
