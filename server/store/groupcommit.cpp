#include "groupcommit.h"

#include "../logging.h"
#include "database.h"

namespace linecard::server {

std::unique_ptr<GroupCommit> GroupCommit::create(Database &db)
{
    if (db.dialect().isPostgres() || !db.syncWriteAheadLog())
        return nullptr;
    const QString file = db.connection().databaseName();
    return std::unique_ptr<GroupCommit>(
        new GroupCommit(db, [file] { return Database::syncWriteAheadLogOf(file); }));
}

GroupCommit::GroupCommit(Database &db, SyncStep step)
    : m_db(db)
    , m_step(std::move(step))
{
    m_thread.reset(QThread::create([this] { serve(); }));
    m_thread->setObjectName(QStringLiteral("linecard-sync"));
    m_thread->start();
}

GroupCommit::~GroupCommit()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_wake.wakeAll();
    m_thread->wait();
}

void GroupCommit::whenDurable(std::function<void(bool)> done)
{
    {
        QMutexLocker lock(&m_mutex);
        m_waiting.push_back(std::move(done));
    }
    m_wake.wakeOne();
}

int GroupCommit::syncs() const
{
    QMutexLocker lock(&m_mutex);
    return m_syncs;
}

void GroupCommit::setSyncStep(SyncStep step)
{
    QMutexLocker lock(&m_mutex);
    m_step = std::move(step);
}

void GroupCommit::serve()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_waiting.empty() && !m_stopping)
            m_wake.wait(&m_mutex);
        if (m_stopping)
            return;
        // Every write taken here committed before it asked: this flush covers them all.
        std::vector<std::function<void(bool)>> batch;
        batch.swap(m_waiting);
        const SyncStep step = m_step;
        lock.unlock();
        const bool synced = step();
        if (!synced)
            qCCritical(lcStore) << "cannot sync the write-ahead log to the disk";
        lock.relock();
        ++m_syncs;
        QMetaObject::invokeMethod(
            this,
            [batch = std::move(batch), synced] {
                for (const auto &done : batch)
                    done(synced);
            },
            Qt::QueuedConnection);
    }
}

} // namespace linecard::server
