#pragma once

#include "../auth/session.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace linecard::server {

// One API call as a handler sees it: path arguments, query, body, and the signed-in
// session (absent on public routes).
class ApiRequest
{
public:
    ApiRequest(const QHttpServerRequest &http, QStringList pathArgs);

    // What a handler on a reader thread reads of a request: Qt reuses its QHttpServerRequest
    // for the connection's next request, so a reader gets copies (ReaderPool).
    struct Copy
    {
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QHostAddress remoteAddress;
        QStringList pathArgs;
    };
    explicit ApiRequest(const Copy &copy);
    Copy copy() const { return {m_url, m_headers, m_remoteAddress, m_pathArgs}; }

    // Only on the serving thread (a reader's request has none: readers run GETs, which need
    // no body).
    const QHttpServerRequest &http() const
    {
        Q_ASSERT(m_http);
        return *m_http;
    }
    QByteArray header(const QByteArray &name) const;
    // The client's address: the peer's, or the X-Real-IP a reverse proxy on this host
    // (nginx, see README) set — trusted from a loopback peer only.
    QString clientAddress() const;

    // The n-th "{id}" of the route pattern.
    qint64 idArg(int n) const { return m_pathArgs.value(n).toLongLong(); }
    QString arg(int n) const { return m_pathArgs.value(n); }

    // Query parameters, checked.
    QString query(const QString &key) const;
    bool hasQuery(const QString &key) const;
    qint64 queryId(const QString &key) const; // 0 when absent; 400 when not an id
    int limit(int fallback = 50) const; // "limit", 1..200
    std::optional<bool> queryBool(const QString &key) const;

    // The body as a JSON object: 400 when it is not one.
    QJsonObject json() const;
    // The same for any body (the fuzzers read request bodies through it).
    static QJsonObject jsonObject(const QByteArray &body);

    const Session &session() const { return *m_session; }
    bool hasSession() const { return m_session.has_value(); }
    void setSession(const Session &session) { m_session = session; }

private:
    const QHttpServerRequest *m_http = nullptr;
    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QHostAddress m_remoteAddress;
    QStringList m_pathArgs;
    QUrlQuery m_query;
    std::optional<Session> m_session;
};

class DeferredResponse;

// What a handler answers: a status and a JSON body (null body = no content) — or, for work
// done off the serving thread, the promise of one (later()).
struct ApiResponse
{
    ApiResponse() = default;
    ApiResponse(int status, QJsonValue body)
        : status(status)
        , body(std::move(body))
    { }

    int status = 200;
    QJsonValue body;
    int retryAfter = 0; // seconds, sent as Retry-After when set
    // The body already in JSON text (a reader thread encodes its own answers); else body.
    QByteArray encodedBody;
    std::shared_ptr<DeferredResponse> deferred;
    // Sent as Linecard-Event-Seq when set: the data includes every change whose event has
    // this seq or a lower one, so a client never lets the answer overwrite a newer event.
    qint64 eventSeq = 0;

    static ApiResponse ok(const QJsonValue &body) { return {200, body}; }
    static ApiResponse created(const QJsonValue &body) { return {201, body}; }
    static ApiResponse noContent() { return {204, QJsonValue()}; }
    static ApiResponse later(std::shared_ptr<DeferredResponse> deferred)
    {
        ApiResponse r;
        r.deferred = std::move(deferred);
        return r;
    }
};

// An answer that comes later: the handler keeps it and calls finish() on the serving thread
// when the work is done; the HTTP server sends it then, in its request's turn.
class DeferredResponse
{
public:
    void onFinished(std::function<void(const ApiResponse &)> send) { m_send = std::move(send); }
    void finish(const ApiResponse &response)
    {
        if (m_send)
            m_send(response);
    }

private:
    std::function<void(const ApiResponse &)> m_send;
};

} // namespace linecard::server
