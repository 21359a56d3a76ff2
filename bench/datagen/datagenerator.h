#pragma once

#include <QString>

#include <memory>

class QTextStream;

namespace linecard::server {
class Database;
}

namespace linecard::bench {

// What to generate into a data directory.
struct DataSpec
{
    QString dataDir;
    qint64 contacts = 10000; // companies included
    qint64 companies = -1; // -1: one contact in 50
    int employees = 20; // operators op1..opN (extensions 101…), besides the administrator
    qint64 tasks = -1; // -1: one per 10 contacts
    int commentsPerTask = 5;
    quint32 seed = 1;
    QString adminLogin = QStringLiteral("admin");
    QString adminPassword = QStringLiteral("admin-password");
    QString employeePassword = QStringLiteral("bench-password"); // every operator's
    bool replace = false; // delete an existing database in dataDir first
};

struct DataReport
{
    qint64 contacts = 0, companies = 0, phones = 0, emails = 0;
    qint64 employees = 0, tasks = 0, comments = 0;
    qint64 milliseconds = 0;
    qint64 bytes = 0; // the data directory's size
};

// Fills a fresh data directory with a CRM of the requested size: the server's own schema
// (its migrations), rows written in large transactions through prepared statements.
class DataGenerator
{
public:
    explicit DataGenerator(const DataSpec &spec)
        : m_spec(spec)
    { }

    // Throws std::runtime_error (e.g. the directory already holds a database).
    DataReport run(QTextStream &log);

    static qint64 directorySize(const QString &dir);
    // The data directory's database, opened as the server opens it (its migrations run).
    static std::unique_ptr<server::Database> openDatabase(const QString &dataDir);
    // A PostgreSQL database holding a data set (linecard-server --import-sqlite of one).
    static std::unique_ptr<server::Database> openPostgres(const QString &databaseUrl);

private:
    DataSpec m_spec;
};

} // namespace linecard::bench
