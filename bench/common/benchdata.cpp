#include "benchdata.h"

#include "benchprogram.h"
#include "datagen/datagenerator.h"

#include "server/auth/passwordhasher.h"
#include "server/store/database.h"

#include <QDir>

namespace linecard::bench {

BenchData::BenchData(const QString &dataDir)
    : m_db(BenchProgram::databaseUrl().isEmpty()
            ? DataGenerator::openDatabase(dataDir)
            : DataGenerator::openPostgres(BenchProgram::databaseUrl()))
    , m_rows(std::make_unique<RowWriter>(*m_db))
{ }

BenchData::~BenchData()
{
    m_rows.reset(); // its statements before the connection
}

qint64 BenchData::number(const QString &sql, const QVariantMap &params)
{
    return m_db->scalar(sql, params).toLongLong();
}

qint64 BenchData::administratorId()
{
    return number(QStringLiteral("SELECT MIN(id) FROM people WHERE kind = 'employee' AND "
                                 "is_admin = 1 AND merged_into IS NULL"));
}

BenchData::Staff BenchData::employeesWithTokens(const QString &loginPrefix, int n)
{
    Staff staff;
    server::Transaction tx(*m_db);
    QString hash;
    for (int i = 1; i <= n; ++i) {
        const QString login = loginPrefix + QString::number(i);
        qint64 id = number(QStringLiteral("SELECT id FROM people WHERE login = :l"),
            {{QStringLiteral("l"), login}});
        if (!id) {
            if (hash.isEmpty()) // one slow hash for all of them
                hash = server::PasswordHasher::hash(QStringLiteral("bench-password"));
            id = m_rows->employee(QStringLiteral("Bench Operator %1").arg(i), login, hash, {},
                false, QDateTime::currentDateTimeUtc());
        }
        m_db->exec(QStringLiteral("DELETE FROM auth_tokens WHERE person_id = :p"),
            {{QStringLiteral("p"), id}});
        staff.ids << id;
        staff.tokens << m_rows->issueToken(id);
    }
    tx.commit();
    return staff;
}

QString BenchData::summary()
{
    return QStringLiteral("%1 contacts, %2 tasks, %3 comments, %4 employees")
        .arg(number(QStringLiteral("SELECT COUNT(*) FROM people WHERE kind = 'contact'")))
        .arg(number(QStringLiteral("SELECT COUNT(*) FROM tasks")))
        .arg(number(QStringLiteral("SELECT COUNT(*) FROM comments")))
        .arg(number(QStringLiteral("SELECT COUNT(*) FROM people WHERE kind = 'employee'")));
}

} // namespace linecard::bench
