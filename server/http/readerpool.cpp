#include "readerpool.h"

#include "../logging.h"
#include "../servercontext.h"
#include "router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace linecard::server {

ReaderPool::ReaderPool(int threads, OpenDatabase open, AddRoutes addRoutes, ServerContext &serving)
    : m_open(std::move(open))
    , m_addRoutes(std::move(addRoutes))
    , m_serving(serving)
{
    for (int i = 0; i < threads; ++i) {
        m_threads.emplace_back(QThread::create([this] { serve(); }));
        m_threads.back()->setObjectName(QStringLiteral("linecard-reader-%1").arg(i + 1));
        m_threads.back()->start();
    }
}

ReaderPool::~ReaderPool()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_wake.wakeAll();
    for (const auto &thread : m_threads)
        thread->wait();
}

void ReaderPool::run(
    int route, const ApiRequest &request, std::function<void(const ApiResponse &)> done)
{
    Job job {route, request.copy(),
        request.hasSession() ? std::optional<Session>(request.session()) : std::nullopt,
        m_serving.settings.get(), std::move(done)};
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.wakeOne();
}

std::optional<ReaderPool::Job> ReaderPool::take()
{
    QMutexLocker lock(&m_mutex);
    while (m_jobs.empty() && !m_stopping)
        m_wake.wait(&m_mutex);
    if (m_stopping)
        return std::nullopt;
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    return job;
}

static QByteArray encode(const QJsonValue &body)
{
    return body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                          : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
}

void ReaderPool::serve()
{
    // Everything of a reader is made, used and destroyed on its own thread (QtSql's rule
    // for a connection).
    std::unique_ptr<Database> db;
    std::unique_ptr<Stores> stores;
    std::unique_ptr<SettingsStore> settings;
    std::unique_ptr<ServerContext> context;
    Router router;
    try {
        db = m_open();
        stores = std::make_unique<Stores>(*db);
        settings = std::make_unique<SettingsStore>(*db);
        context = std::make_unique<ServerContext>(
            *db, *stores, *settings, m_serving.auth, m_serving.events, m_serving.integrationLog);
        m_addRoutes(router, *context);
    } catch (const std::exception &e) {
        qCCritical(lcStore) << "a reader thread cannot open the database:" << e.what();
        context.reset();
    }
    while (std::optional<Job> job = take()) {
        ApiResponse response;
        if (context) {
            settings->adopt(job->settings);
            ApiRequest request(job->request);
            if (job->session)
                request.setSession(*job->session);
            response = router.runRoute(job->route, request);
            if (response.status != 204)
                response.encodedBody = encode(response.body);
        } else {
            response = {500,
                errorBody(QStringLiteral("internal"), QStringLiteral("internal server error"))};
        }
        QMetaObject::invokeMethod(
            this, [done = std::move(job->done), response] { done(response); },
            Qt::QueuedConnection);
    }
}

} // namespace linecard::server
