#pragma once

#include "datagen/rowwriter.h"

#include <QString>

#include <memory>

namespace linecard::server {
class Database;
}

namespace linecard::bench {

// A benchmark's own set-up on a generated data directory, straight through SQL before the
// server opens it (operators and their tokens, a long thread, a PBX provider …).
class BenchData
{
public:
    explicit BenchData(const QString &dataDir);
    ~BenchData();

    server::Database &db() { return *m_db; }
    RowWriter &rows() { return *m_rows; }

    qint64 number(const QString &sql, const QVariantMap &params = {});
    qint64 administratorId();
    // Employees "<prefix>1".."<prefix>n" (made when missing), in that order, with fresh
    // tokens (older tokens of theirs are revoked).
    struct Staff
    {
        QList<qint64> ids;
        QStringList tokens;
    };
    Staff employeesWithTokens(const QString &loginPrefix, int n);
    // "1000000 contacts, 100000 tasks, 500000 comments, 21 employees"
    QString summary();

private:
    std::unique_ptr<server::Database> m_db;
    std::unique_ptr<RowWriter> m_rows;
};

} // namespace linecard::bench
