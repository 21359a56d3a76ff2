#include "walcheckpointer.h"

#include "../logging.h"

#include <QAtomicInt>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace linecard::server {

WalCheckpointer::WalCheckpointer(const QString &databaseFile, int intervalMs)
    : m_file(databaseFile)
    , m_intervalMs(intervalMs)
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    wait();
}

int WalCheckpointer::checkpoints() const
{
    QMutexLocker lock(&m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::run()
{
    static QAtomicInt counter;
    const QString name
        = QStringLiteral("linecard-checkpointer-%1").arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_file);
        if (!db.open()) {
            qCWarning(lcStore) << "checkpointer: cannot open" << m_file << db.lastError().text();
        } else {
            QSqlQuery checkpoint(db);
            QMutexLocker lock(&m_mutex);
            while (!m_stopping) {
                m_wake.wait(&m_mutex, m_intervalMs);
                if (m_stopping)
                    break;
                lock.unlock();
                if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    qCWarning(lcStore) << "checkpoint failed:" << checkpoint.lastError().text();
                checkpoint.finish();
                lock.relock();
                ++m_checkpoints;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace linecard::server
