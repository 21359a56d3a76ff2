#pragma once

#include "apirequest.h"

#include <QHttpServerRequest>
#include <QList>

#include <functional>

namespace linecard::server {

class GroupCommit;
class ReaderPool;

// Method + path pattern → handler. Patterns are literal segments, "{id}" (a positive
// integer) and "{str}" (any segment). Access is checked before the handler runs.
class Router
{
public:
    enum class Access
    {
        Public,
        User,
        Employee,
        Admin
    };
    using Handler = std::function<ApiResponse(ApiRequest &)>;
    using Authenticator = std::function<std::optional<Session>(const QByteArray &token)>;

    void setAuthenticator(Authenticator authenticator)
    {
        m_authenticate = std::move(authenticator);
    }
    void add(
        QHttpServerRequest::Method method, const QString &pattern, Access access, Handler handler);

    // GET routes with these patterns run on the pool's reader threads (each with its own
    // database connection); the serving thread only checks the token and sends the answer.
    // Their handlers may only read, through ctx.db, the stores and ctx.rule().
    void runOnReaders(ReaderPool *pool, const QStringList &patterns);
    // Every other route (the writes) commits without waiting for the disk and is answered
    // once a shared flush has made its change durable (GroupCommit).
    void groupCommits(GroupCommit *groupCommit) { m_groupCommit = groupCommit; }
    // The newest event delivered to the streams (EventHub::deliveredSeq): each answer says
    // how far its data is (ApiResponse::eventSeq). A write's answer may wait for the disk
    // while later events go out; the client compares.
    void setEventPosition(std::function<qint64()> position)
    {
        m_eventPosition = std::move(position);
    }
    // On a reader thread: route number `index` (its router is built like the serving one).
    ApiResponse runRoute(int index, ApiRequest &request) const;

    // Runs the matching handler; every failure comes back as the SPEC's error shape.
    ApiResponse dispatch(const QHttpServerRequest &request) const;

    static QByteArray bearerToken(const QHttpServerRequest &request);
    // Runs work that answers a request and turns its failures into the SPEC's error shape,
    // as for a handler (also for the second half of a deferred answer).
    static ApiResponse guarded(const std::function<ApiResponse()> &work);

private:
    struct Route
    {
        QHttpServerRequest::Method method;
        QStringList segments;
        Access access;
        Handler handler;
        bool onReaders = false;
    };
    static bool matchPath(const Route &route, const QStringList &path, QStringList *args);
    ApiResponse run(const Route &route, const QHttpServerRequest &request, QStringList args) const;
    ApiResponse runDurably(const Route &route, ApiRequest &request) const;
    qint64 eventPosition() const { return m_eventPosition ? m_eventPosition() : 0; }

    QList<Route> m_routes;
    Authenticator m_authenticate;
    ReaderPool *m_readers = nullptr;
    GroupCommit *m_groupCommit = nullptr;
    std::function<qint64()> m_eventPosition;
};

QJsonValue errorBody(const QString &code, const QString &message, const QString &field = {});

} // namespace linecard::server
