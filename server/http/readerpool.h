#pragma once

#include "apirequest.h"

#include "models/accountsettings.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace linecard::server {

class Database;
class Router;
struct ServerContext;

// Threads that answer read-only requests, so that reads use every core. Each reader has
// its own database connection (SQLite WAL: readers alongside the one writer), its own stores
// and its own Router built like the serving thread's. Writes, sign-in checks and events stay
// on the serving thread, so a change is answered only once on disk and events go out in
// commit order as before; a reader sees every change committed before its request was handed
// over, with the settings in force then, and decides visibility by the same rule
// (VisibilitySql).
class ReaderPool : public QObject
{
    Q_OBJECT
public:
    using OpenDatabase = std::function<std::unique_ptr<Database>()>;
    using AddRoutes = std::function<void(Router &, ServerContext &)>;

    // serving: the serving thread's context, for its settings and for what the readers'
    // contexts share with it (never used by the routes readers run).
    ReaderPool(int threads, OpenDatabase open, AddRoutes addRoutes, ServerContext &serving);
    ~ReaderPool() override;

    // From the serving thread: runs route `route` for the request on a reader; `done` runs
    // back on the serving thread with the answer (its body already encoded).
    void run(int route, const ApiRequest &request, std::function<void(const ApiResponse &)> done);

private:
    struct Job
    {
        int route = -1;
        ApiRequest::Copy request;
        std::optional<Session> session;
        AccountSettings settings;
        std::function<void(const ApiResponse &)> done;
    };
    class Reader;

    std::optional<Job> take(); // blocks; nothing once the pool stops
    void serve(); // a reader thread's life

    OpenDatabase m_open;
    AddRoutes m_addRoutes;
    ServerContext &m_serving;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace linecard::server
