#include "datagenerator.h"

#include "fakedata.h"
#include "rowwriter.h"

#include "server/auth/passwordhasher.h"
#include "server/store/database.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <memory>
#include <stdexcept>

// The migrations are a resource of the static server library: registered by hand here, as
// LinecardServer does for itself.
static void initMigrations()
{
    Q_INIT_RESOURCE(migrations);
}

namespace linecard::bench {

using server::Database;
using server::Transaction;

namespace {

constexpr int ContactsPerTransaction = 20000;
constexpr int TasksPerTransaction = 5000;

struct Company
{
    qint64 id;
    qint64 serial;
    QString name;
    bool russian;
};

QString seconds(const QElapsedTimer &timer)
{
    return QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) + QStringLiteral(" s");
}

} // namespace

qint64 DataGenerator::directorySize(const QString &dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}

std::unique_ptr<Database> DataGenerator::openDatabase(const QString &dataDir)
{
    initMigrations();
    return Database::openSqlite(QDir(dataDir).filePath(QStringLiteral("linecard.sqlite")));
}

std::unique_ptr<Database> DataGenerator::openPostgres(const QString &databaseUrl)
{
    initMigrations();
    return Database::openPostgres(databaseUrl);
}

DataReport DataGenerator::run(QTextStream &log)
{
    const DataSpec &s = m_spec;
    if (s.dataDir.isEmpty())
        throw std::runtime_error("no data directory given");
    QDir().mkpath(s.dataDir);
    const QString path = QDir(s.dataDir).filePath(QStringLiteral("linecard.sqlite"));
    if (QFile::exists(path)) {
        if (!s.replace)
            throw std::runtime_error(
                QStringLiteral("%1 already holds a database (--force replaces it)")
                    .arg(s.dataDir)
                    .toStdString());
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }

    const qint64 companyCount
        = qBound<qint64>(0, s.companies >= 0 ? s.companies : s.contacts / 50, s.contacts);
    const qint64 taskCount = s.tasks >= 0 ? s.tasks : s.contacts / 10;

    DataReport report;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<Database> db = openDatabase(s.dataDir);
    // A generator may lose everything on a crash: it starts over. The server's own
    // connections keep synchronous = FULL.
    db->exec(QStringLiteral("PRAGMA synchronous = OFF"));
    db->exec(QStringLiteral("PRAGMA cache_size = -1048576"));
    RowWriter rows(*db);
    FakeData data(s.seed);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start = now.addDays(-365);

    // Staff: the administrator and operators op1..opN with extensions 101….
    QList<qint64> operators;
    {
        Transaction tx(*db);
        rows.employee(QStringLiteral("Administrator"), s.adminLogin,
            server::PasswordHasher::hash(s.adminPassword), {QStringLiteral("100")}, true, start);
        const QString hash = server::PasswordHasher::hash(s.employeePassword);
        for (int i = 1; i <= s.employees; ++i) {
            const FakeData::Name name = data.personName(data.chance(70));
            operators << rows.employee(name.full, QStringLiteral("op%1").arg(i), hash,
                {QString::number(100 + i)}, false, start);
        }
        tx.commit();
        report.employees = s.employees + 1;
    }
    if (operators.isEmpty())
        operators << 1; // the administrator answers everything

    // Contacts: companies first, then people, most of them at a company.
    QList<Company> companies;
    QList<qint64> contactIds;
    contactIds.reserve(s.contacts);
    const qint64 span = start.secsTo(now);
    for (qint64 done = 0; done < s.contacts;) {
        Transaction tx(*db);
        const qint64 end = qMin(s.contacts, done + ContactsPerTransaction);
        for (; done < end; ++done) {
            const QDateTime at = start.addSecs(span * done / qMax<qint64>(1, s.contacts));
            Person p;
            p.responsibleId = operators.at(data.below(int(operators.size())));
            QString companyName;
            if (done < companyCount) {
                const bool russian = data.chance(65);
                p.isCompany = true;
                p.name = data.companyName(russian, done + 1);
                p.phones.append({data.phone(russian), QStringLiteral("work")});
                p.emails << QStringLiteral("info@") + data.domain(p.name, done + 1, russian);
                const qint64 id = rows.contact(p, {}, at);
                companies.append({id, done + 1, p.name, russian});
                contactIds << id;
                ++report.companies;
                ++report.phones;
                ++report.emails;
                continue;
            }
            const Company *company = !companies.isEmpty() && data.chance(70)
                ? &companies.at(data.below(int(companies.size())))
                : nullptr;
            const bool russian = company ? company->russian : data.chance(65);
            const FakeData::Name name = data.personName(russian);
            p.name = name.full;
            p.phones.append({data.phone(russian), QStringLiteral("mobile")});
            if (data.chance(30))
                p.phones.append({data.phone(russian), QStringLiteral("work")});
            if (data.chance(90))
                p.emails << QStringLiteral("%1.%2@%3")
                                .arg(name.latinFirst)
                                .arg(done + 1)
                                .arg(company ? data.domain(company->name, company->serial, russian)
                                             : QStringLiteral("mail.example"));
            if (data.chance(20))
                p.fields.insert(QStringLiteral("position"), data.position(russian));
            if (company) {
                p.companyId = company->id;
                companyName = company->name;
            }
            contactIds << rows.contact(p, companyName, at);
            report.phones += p.phones.size();
            report.emails += p.emails.size();
        }
        tx.commit();
        log << "  contacts " << done << '/' << s.contacts << " (" << seconds(timer) << ")\n";
        log.flush();
    }
    report.contacts = contactIds.size();
    {
        Transaction tx(*db);
        rows.indexContacts();
        tx.commit();
        log << "  contact search rows (" << seconds(timer) << ")\n";
        log.flush();
    }

    // Tasks with their threads, the mix of the demo: a client writes, staff answer the
    // client, internal notes, hidden notes, staff talk that notifies no client.
    for (qint64 done = 0; done < taskCount && !contactIds.isEmpty();) {
        Transaction tx(*db);
        const qint64 end = qMin(taskCount, done + TasksPerTransaction);
        for (; done < end; ++done) {
            Task t;
            t.title = data.taskTitle() + QStringLiteral(" #%1").arg(done + 1);
            t.description = QStringLiteral("Задача #%1 — bench").arg(done + 1);
            t.counterpartyId = contactIds.at(data.below(int(contactIds.size())));
            t.assigneeIds << operators.at(data.below(int(operators.size())));
            if (data.chance(30)) {
                const qint64 participant = operators.at(data.below(int(operators.size())));
                if (!t.assigneeIds.contains(participant))
                    t.participantIds << participant;
            }
            const int r = data.below(10);
            t.status = r < 6 ? Task::Status::Open
                : r < 9      ? Task::Status::Done
                             : Task::Status::Cancelled;
            t.createdAt = start.addSecs(data.below(int(span)));
            t.updatedAt = t.createdAt;
            QList<Comment> thread;
            QDateTime at = t.createdAt;
            const qint64 assignee = t.assigneeIds.first();
            for (int k = 0; k < s.commentsPerTask; ++k) {
                at = qMin(at.addSecs(600 + data.below(86400)), now);
                Comment c;
                c.createdAt = at;
                const int kind = data.below(10);
                if (kind < 3) {
                    c.authorId = t.counterpartyId;
                    c.text = data.clientLine();
                    c.notifiedIds << t.assigneeIds;
                } else if (kind < 6) {
                    c.authorId = assignee;
                    c.text = data.staffLine();
                    c.notifiedIds << t.counterpartyId;
                } else if (kind < 8) {
                    c.authorId = operators.at(data.below(int(operators.size())));
                    c.text = data.internalLine();
                    c.internal = true;
                } else if (kind < 9) {
                    c.authorId = assignee;
                    c.text = data.hiddenLine();
                    c.hidden = true;
                    c.visibleToIds << operators.at(data.below(int(operators.size())));
                } else {
                    c.authorId = operators.at(data.below(int(operators.size())));
                    c.text = QStringLiteral("Обновил статус, жду подтверждения склада.");
                    c.notifiedIds << assignee;
                }
                thread.append(c);
            }
            t.lastActivityAt = at;
            const qint64 taskId = rows.task(t, assignee);
            for (Comment &c : thread) {
                c.taskId = taskId;
                rows.comment(c);
            }
            report.comments += thread.size();
        }
        tx.commit();
        log << "  tasks " << done << '/' << taskCount << " (" << seconds(timer) << ")\n";
        log.flush();
        report.tasks = done;
    }

    db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    db.reset();
    report.milliseconds = timer.elapsed();
    report.bytes = directorySize(s.dataDir);
    return report;
}

} // namespace linecard::bench
