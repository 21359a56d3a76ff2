#include "benchserver.h"

#include "benchprogram.h"

#include "server/linecardserver.h"
#include "server/servercontext.h"

#include <QUrlQuery>

#include <stdexcept>

namespace linecard::bench {

BenchServer::BenchServer(const QString &dataDir)
    : m_anchor(new QObject)
{
    m_thread.setObjectName(QStringLiteral("linecard-server"));
    m_anchor->moveToThread(&m_thread);
    m_thread.start();
    std::string error;
    QMetaObject::invokeMethod(
        m_anchor,
        [&] {
            try {
                server::LinecardServer::Options options;
                options.dataDir = dataDir;
                options.databaseUrl = BenchProgram::databaseUrl();
                options.pingIntervalMs = 3600 * 1000; // no pings in the middle of a measurement
                m_server = std::make_unique<server::LinecardServer>(options);
                m_server->start();
                m_url = m_server->url();
            } catch (const std::exception &e) {
                error = e.what();
                m_server.reset();
            }
        },
        Qt::BlockingQueuedConnection);
    if (!error.empty()) {
        m_thread.quit();
        m_thread.wait();
        delete m_anchor;
        throw std::runtime_error("the server did not start: " + error);
    }
}

BenchServer::~BenchServer()
{
    QMetaObject::invokeMethod(
        m_anchor, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_anchor;
}

QUrl BenchServer::url(const QString &path) const
{
    QUrl url = m_url;
    const int question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

QUrl BenchServer::webSocketUrl(const QString &path, const QString &token) const
{
    QUrl url = m_url;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(path);
    url.setQuery(QUrlQuery {{QStringLiteral("token"), token}});
    return url;
}

void BenchServer::setSynchronous(const QString &mode)
{
    if (!BenchProgram::databaseUrl().isEmpty())
        return; // PostgreSQL commits as its server is configured
    call([&mode](server::LinecardServer &s) {
        s.context().db.exec(QStringLiteral("PRAGMA synchronous = ") + mode);
    });
}

void BenchServer::call(const std::function<void(server::LinecardServer &)> &fn)
{
    QMetaObject::invokeMethod(
        m_anchor, [&] { fn(*m_server); }, Qt::BlockingQueuedConnection);
}

} // namespace linecard::bench
