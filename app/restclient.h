#pragma once

#include "models/datasource.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace linecard::client {

// An API failure as the UI sees it: transport (status 0), or the server's error shape.
struct ApiFailure
{
    int status = 0; // 0: no answer (offline, timeout)
    QString code;
    QString message;
    QString field; // the request field a 422/409 is about, when the server names one

    bool isTransient() const { return status == 0 || status >= 500 || status == 429; }
    bool isAuth() const { return status == 401; }
    QString describe() const;
};

// The one thin REST client: base URL, bearer token, timeout, user agent; each reply is
// parented to whoever asked, so destroying a model or window cancels its requests.
class RestClient : public QObject, public DataSource
{
    Q_OBJECT
public:
    using Done = std::function<void(const QJsonObject &json)>;
    using Failed = std::function<void(const ApiFailure &failure)>;
    // An answer and how far the event stream its data is: it includes every change whose
    // event has seq ≤ eventSeq (the Linecard-Event-Seq header; 0 when the server did not say).
    using DoneAt = std::function<void(const QJsonObject &json, qint64 eventSeq)>;
    static constexpr const char *EventSeqHeader = "Linecard-Event-Seq";

    explicit RestClient(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void get(const QString &path, QObject *context, Done done, Failed failed = {});
    void post(const QString &path, const QJsonObject &body, QObject *context, Done done,
        Failed failed = {});
    void patch(const QString &path, const QJsonObject &body, QObject *context, Done done,
        Failed failed = {});
    void put(const QString &path, const QJsonObject &body, QObject *context, Done done,
        Failed failed = {});
    void remove(const QString &path, QObject *context, Done done, Failed failed = {});
    // Any verb, for an answer that updates what events update too. A write is answered once
    // it is on the disk, while the events of later changes go out at once: the caller keeps
    // what a newer event brought (its seq above eventSeq) rather than this answer's data.
    void request(const QByteArray &verb, const QString &path, const QJsonObject &body,
        QObject *context, DoneAt done, Failed failed = {});

    // DataSource
    void fetchPage(
        const QString &path, const QUrlQuery &query, QObject *context, PageCallback done) override;
    void fetchObject(const QString &path, QObject *context, ObjectCallback done) override;

signals:
    // Any request answered 401: the session is over.
    void unauthorized();
    // A request leaves ("GET", its URL): what a client asks of the server, for counting.
    void requestSent(const QByteArray &verb, const QUrl &url);

private:
    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
        const QByteArray &body, QObject *context, DoneAt done, Failed failed);
    static DoneAt ignoringSeq(Done done);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 15000;
};

} // namespace linecard::client
