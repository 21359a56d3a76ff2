#include "router.h"

#include "../logging.h"
#include "../store/database.h"
#include "../store/groupcommit.h"
#include "apierror.h"
#include "readerpool.h"

#include "protocol/streammessage.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace linecard::server {

QJsonValue errorBody(const QString &code, const QString &message, const QString &field)
{
    return protocol::errorBody(code, message, field);
}

static ApiResponse errorResponse(const ApiError &e)
{
    ApiResponse response {e.status(), errorBody(e.code(), e.message(), e.field())};
    response.retryAfter = e.retryAfter();
    return response;
}

ApiResponse Router::guarded(const std::function<ApiResponse()> &work)
{
    try {
        return work();
    } catch (const ApiError &e) {
        return errorResponse(e);
    } catch (const StoreError &e) {
        qCCritical(lcHttp) << "store failure:" << e.what();
        return {
            500, errorBody(QStringLiteral("internal"), QStringLiteral("internal server error"))};
    }
}

void Router::add(
    QHttpServerRequest::Method method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append({method, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler)});
}

void Router::runOnReaders(ReaderPool *pool, const QStringList &patterns)
{
    m_readers = pool;
    for (Route &route : m_routes)
        route.onReaders = pool && route.method == QHttpServerRequest::Method::Get
            && patterns.contains(u'/' + route.segments.join(u'/'));
}

ApiResponse Router::runRoute(int index, ApiRequest &request) const
{
    return guarded([&] { return m_routes.at(index).handler(request); });
}

bool Router::matchPath(const Route &route, const QStringList &path, QStringList *args)
{
    if (route.segments.size() != path.size())
        return false;
    args->clear();
    for (int i = 0; i < path.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want == QLatin1String("{id}")) {
            bool ok = false;
            const qint64 id = path.at(i).toLongLong(&ok);
            if (!ok || id <= 0)
                return false;
            args->append(path.at(i));
        } else if (want == QLatin1String("{str}")) {
            args->append(path.at(i));
        } else if (want != path.at(i)) {
            return false;
        }
    }
    return true;
}

QByteArray Router::bearerToken(const QHttpServerRequest &request)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare("authorization", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray value = h.second.trimmed();
        if (value.size() > 7 && value.left(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            return value.mid(7).trimmed();
    }
    // "?token=" is for the event stream only (EventHub), where browsers cannot set headers;
    // tokens in REST URLs end up in logs.
    return {};
}

ApiResponse Router::dispatch(const QHttpServerRequest &request) const
{
    const QStringList path = request.url().path().split(u'/', Qt::SkipEmptyParts);
    QStringList args;
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        if (!matchPath(route, path, &args))
            continue;
        pathKnown = true;
        if (route.method == request.method())
            return run(route, request, args);
    }
    if (pathKnown)
        return {405,
            errorBody(QStringLiteral("method_not_allowed"),
                QStringLiteral("this path does not take that method"))};
    return {404, errorBody(QStringLiteral("not_found"), QStringLiteral("no such endpoint"))};
}

ApiResponse Router::run(
    const Route &route, const QHttpServerRequest &request, QStringList args) const
{
    return guarded([&] {
        ApiRequest apiRequest(request, std::move(args));
        if (route.access != Access::Public) {
            const QByteArray token = bearerToken(request);
            const std::optional<Session> session
                = token.isEmpty() || !m_authenticate ? std::nullopt : m_authenticate(token);
            if (!session)
                throw ApiError::unauthorized();
            if (route.access == Access::Employee && !session->isEmployee())
                throw ApiError::forbidden();
            if (route.access == Access::Admin && !session->isAdmin())
                throw ApiError::forbidden(QStringLiteral("administrators only"));
            apiRequest.setSession(*session);
        }
        if (route.onReaders && m_readers) {
            // The reader's snapshot starts after this: it holds every event delivered so far.
            auto answer = std::make_shared<DeferredResponse>();
            m_readers->run(int(&route - m_routes.constData()), apiRequest,
                [answer, seq = eventPosition()](ApiResponse response) {
                    response.eventSeq = seq;
                    answer->finish(response);
                });
            return ApiResponse::later(answer);
        }
        if (m_groupCommit && route.method != QHttpServerRequest::Method::Get)
            return runDurably(route, apiRequest);
        ApiResponse response = route.handler(apiRequest);
        response.eventSeq = eventPosition(); // its own events were delivered at its commit
        return response;
    });
}

ApiResponse Router::runDurably(const Route &route, ApiRequest &request) const
{
    GroupCommit &group = *m_groupCommit;
    DeferredSync durable(group.database());
    ApiResponse response = route.handler(request);
    response.eventSeq = eventPosition(); // its own events were delivered at its commit
    if (!durable.handOver())
        return response; // nothing was deferred (an outer transaction, or no FULL mode)
    auto answer = std::make_shared<DeferredResponse>();
    auto answerWhenDurable = [&group, answer](const ApiResponse &response) {
        group.whenDurable([answer, response](bool synced) {
            answer->finish(synced ? response
                                  : ApiResponse {500,
                                      errorBody(QStringLiteral("internal"),
                                          QStringLiteral("internal server error"))});
        });
    };
    if (response.deferred)
        response.deferred->onFinished(answerWhenDurable);
    else
        answerWhenDurable(response);
    return ApiResponse::later(answer);
}

} // namespace linecard::server
