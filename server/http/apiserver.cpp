#include "apiserver.h"

#include "../logging.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace linecard::server {

ApiServer::ApiServer(QObject *parent)
    : QAbstractHttpServer(parent)
{ }

static bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    for (const auto &h : request.headers())
        if (h.first.compare("upgrade", Qt::CaseInsensitive) == 0)
            return h.second.compare("websocket", Qt::CaseInsensitive) == 0;
    return false;
}

quint16 ApiServer::serve(const QHostAddress &address, quint16 port, const ConnectionLimits &limits)
{
    auto *tcp = new GuardedTcpServer(limits, this);
    if (!tcp->listen(address, port)) {
        qCCritical(lcHttp) << "cannot listen:" << tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionWatcher *watcher = ConnectionWatcher::of(socket);
    // Qt 6.4 hands an upgrade to the WebSocket server only when this returns true.
    if (isWebSocketUpgrade(request)) {
        const bool events = request.url().path() == QLatin1String(EventsPath);
        if (events && watcher)
            watcher->upgraded();
        return events;
    }
    if (watcher)
        watcher->requestParsed();

    QElapsedTimer timer;
    timer.start();
    ApiResponse response;
    if (request.body().size() > MaxBodyBytes) {
        response = {413,
            errorBody(QStringLiteral("too_large"),
                QStringLiteral("the body exceeds %1 bytes").arg(MaxBodyBytes))};
    } else {
        response = m_router.dispatch(request);
    }
    respond(request, socket, response);
    qCDebug(lcHttp) << request.method() << request.url().path() << response.status
                    << timer.nsecsElapsed() / 1000 << "µs";
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    respond(request, socket,
        {404, errorBody(QStringLiteral("not_found"), QStringLiteral("no such endpoint"))});
}

void ApiServer::respond(
    const QHttpServerRequest &request, QTcpSocket *socket, const ApiResponse &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    if (response.status == 204) {
        responder.write(status);
    } else {
        const QByteArray body = response.body.isArray()
            ? QJsonDocument(response.body.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(response.body.toObject()).toJson(QJsonDocument::Compact);
        responder.write(
            body, {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}}, status);
    }
    if (ConnectionWatcher *watcher = ConnectionWatcher::of(socket))
        watcher->responded();
}

} // namespace linecard::server
