#pragma once

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

namespace linecard::server {

// Copies the SQLite write-ahead log back into the database file on a thread of its own, with
// its own connection, so that no request pays for it. Left to SQLite, the commit that crosses
// the log's size limit does the copy and its fsync itself: a call that happened to be that
// commit popped up 10–20 ms late. PASSIVE checkpoints wait for nobody and block nobody.
class WalCheckpointer : public QThread
{
    Q_OBJECT
public:
    explicit WalCheckpointer(const QString &databaseFile, int intervalMs = 500);
    ~WalCheckpointer() override; // stops and joins

    // The page count at which the server's own connection still checkpoints, should this
    // thread ever fall behind: far above what it lets the log grow to.
    static constexpr int FallbackPages = 20000;

    int checkpoints() const;

protected:
    void run() override;

private:
    const QString m_file;
    const int m_intervalMs;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stopping = false;
    int m_checkpoints = 0;
};

} // namespace linecard::server
