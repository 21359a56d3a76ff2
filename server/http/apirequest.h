#pragma once

#include "../auth/session.h"

#include <QHttpServerRequest>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace linecard::server {

// One API call as a handler sees it: path arguments, query, body, and the signed-in
// session (absent on public routes).
class ApiRequest
{
public:
    ApiRequest(const QHttpServerRequest &http, QStringList pathArgs);

    const QHttpServerRequest &http() const { return m_http; }
    QByteArray header(const QByteArray &name) const;

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
    const QHttpServerRequest &m_http;
    QStringList m_pathArgs;
    QUrlQuery m_query;
    std::optional<Session> m_session;
};

// What a handler answers: a status and a JSON body (null body = no content).
struct ApiResponse
{
    int status = 200;
    QJsonValue body;

    static ApiResponse ok(const QJsonValue &body) { return {200, body}; }
    static ApiResponse created(const QJsonValue &body) { return {201, body}; }
    static ApiResponse noContent() { return {204, QJsonValue()}; }
};

} // namespace linecard::server
