#pragma once

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <vector>

namespace linecard::server {

class Database;

// Group commit for the serving thread's writes: their commits do not wait for the disk
// (DeferredSync), and each is answered once a flush of the write-ahead log that began after
// its commit has finished. One flush on a thread of its own serves every write committed while
// the previous one ran, so the serving thread never waits for the disk and a burst of writes
// shares its flushes. A change is still answered only once it is on the disk; events still go
// out as each commit is made, in commit order (EventBatch::change).
class GroupCommit : public QObject
{
    Q_OBJECT
public:
    // What makes the log durable: true on success. Runs on the sync thread.
    using SyncStep = std::function<bool()>;

    // For a SQLite database whose log can be flushed by hand (Database::syncWriteAheadLog);
    // null otherwise (PostgreSQL commits its own way): commits then stay ordinary.
    static std::unique_ptr<GroupCommit> create(Database &db);
    ~GroupCommit() override; // stops and joins; answers still waiting are dropped

    Database &database() { return m_db; }

    // On the serving thread: done(synced) runs there, later, once every commit made before
    // this call is on the disk (synced false: the flush failed).
    void whenDurable(std::function<void(bool synced)> done);

    // Flushes done so far (each served every write waiting when it began).
    int syncs() const;
    // Replaces the flush (tests: to hold it and see that nobody is answered meanwhile).
    void setSyncStep(SyncStep step);

private:
    GroupCommit(Database &db, SyncStep step);
    void serve(); // the sync thread's life

    Database &m_db;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    SyncStep m_step;
    std::vector<std::function<void(bool)>> m_waiting;
    bool m_stopping = false;
    int m_syncs = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace linecard::server
