#include "apiserver.h"

#include "../logging.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

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
    const quint64 turn = watcher ? watcher->requestParsed() : 0;

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
    const auto method = request.method();
    const QString path = request.url().path();
    if (response.deferred) {
        // Qt keeps the request object for the socket's next request: only the socket
        // decides whether there is still someone to answer.
        response.deferred->onFinished([this, &request, socket = QPointer<QTcpSocket>(socket), turn,
                                          timer, method, path](const ApiResponse &later) {
            if (!socket)
                return;
            respond(request, socket, turn, later);
            qCDebug(lcHttp) << method << path << later.status << timer.nsecsElapsed() / 1000
                            << "µs";
        });
        return true;
    }
    respond(request, socket, turn, response);
    qCDebug(lcHttp) << method << path << response.status << timer.nsecsElapsed() / 1000 << "µs";
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ConnectionWatcher *watcher = ConnectionWatcher::of(socket);
    respond(request, socket, watcher ? watcher->requestParsed() : 0,
        {404, errorBody(QStringLiteral("not_found"), QStringLiteral("no such endpoint"))});
}

void ApiServer::respond(const QHttpServerRequest &request, QTcpSocket *socket, quint64 turn,
    const ApiResponse &response)
{
    auto write = [this, &request, socket, response] {
        QHttpServerResponder responder = makeResponder(request, socket);
        const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
        if (response.status == 204) {
            responder.write(status);
            return;
        }
        const QByteArray body = !response.encodedBody.isEmpty() ? response.encodedBody
            : response.body.isArray()
            ? QJsonDocument(response.body.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(response.body.toObject()).toJson(QJsonDocument::Compact);
        // Qt 6.4's header list is an initializer list: one call per set of headers. A refusal
        // that says when to retry is never stamped with an event seq (Router::run).
        if (response.retryAfter > 0)
            responder.write(body,
                {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"},
                    {"Retry-After", QByteArray::number(response.retryAfter)}},
                status);
        else if (response.eventSeq > 0)
            responder.write(body,
                {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"},
                    {"Linecard-Event-Seq", QByteArray::number(response.eventSeq)}},
                status);
        else
            responder.write(body,
                {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}}, status);
    };
    if (ConnectionWatcher *watcher = ConnectionWatcher::of(socket))
        watcher->deliver(turn, write);
    else
        write();
}

} // namespace linecard::server
