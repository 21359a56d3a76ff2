#include "restclient.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

namespace linecard::client {

QString ApiFailure::describe() const
{
    if (status == 0)
        return message.isEmpty() ? RestClient::tr("The server does not answer.") : message;
    return message.isEmpty() ? RestClient::tr("The server answered %1.").arg(status) : message;
}

RestClient::RestClient(QObject *parent)
    : QObject(parent)
{ }

void RestClient::send(const QByteArray &verb, const QString &path, const QUrlQuery &query,
    const QByteArray &body, QObject *context, DoneAt done, Failed failed)
{
    QUrl url = m_baseUrl.resolved(QUrl(path));
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
        QStringLiteral("Linecard/%1").arg(QStringLiteral(LINECARD_VERSION)));
    request.setTransferTimeout(m_timeoutMs);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    if (!body.isEmpty())
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    emit requestSent(verb, url);
    // The reply lives and dies with its requester: destroying it aborts the request.
    reply->setParent(context ? context : this);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, guard, hadContext, done, failed, verb] {
            reply->deleteLater();
            if (hadContext && !guard)
                return;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray raw = reply->readAll();
            const QJsonObject json = QJsonDocument::fromJson(raw).object();
            if (status >= 200 && status < 300) {
                if (done)
                    done(json, reply->rawHeader(EventSeqHeader).toLongLong());
                return;
            }
            ApiFailure failure;
            failure.status = status;
            const QJsonObject error = json.value(QStringLiteral("error")).toObject();
            failure.code = error.value(QStringLiteral("code")).toString();
            failure.field = error.value(QStringLiteral("field")).toString();
            failure.message = status == 0 ? reply->errorString()
                                          : error.value(QStringLiteral("message")).toString();
            // Said once here, whatever the caller shows: a support case starts from this line.
            qCWarning(lcClientRest).noquote()
                << verb << reply->url().path() << "failed:" << status
                << (failure.code.isEmpty() ? reply->errorString() : failure.code);
            if (status == 401)
                emit unauthorized();
            if (failed)
                failed(failure);
        });
}

RestClient::DoneAt RestClient::ignoringSeq(Done done)
{
    if (!done)
        return {};
    return [done = std::move(done)](const QJsonObject &json, qint64) { done(json); };
}

void RestClient::get(const QString &path, QObject *context, Done done, Failed failed)
{
    const QUrl url(path);
    send("GET", url.path(), QUrlQuery(url), {}, context, ignoringSeq(std::move(done)),
        std::move(failed));
}

void RestClient::post(
    const QString &path, const QJsonObject &body, QObject *context, Done done, Failed failed)
{
    send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
        ignoringSeq(std::move(done)), std::move(failed));
}

void RestClient::patch(
    const QString &path, const QJsonObject &body, QObject *context, Done done, Failed failed)
{
    send("PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
        ignoringSeq(std::move(done)), std::move(failed));
}

void RestClient::put(
    const QString &path, const QJsonObject &body, QObject *context, Done done, Failed failed)
{
    send("PUT", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
        ignoringSeq(std::move(done)), std::move(failed));
}

void RestClient::remove(const QString &path, QObject *context, Done done, Failed failed)
{
    send("DELETE", path, {}, {}, context, ignoringSeq(std::move(done)), std::move(failed));
}

void RestClient::request(const QByteArray &verb, const QString &path, const QJsonObject &body,
    QObject *context, DoneAt done, Failed failed)
{
    const QUrl url(path);
    const bool hasBody = verb != "GET" && verb != "DELETE";
    send(verb, url.path(), QUrlQuery(url),
        hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray(), context,
        std::move(done), std::move(failed));
}

void RestClient::fetchPage(
    const QString &path, const QUrlQuery &query, QObject *context, PageCallback done)
{
    send(
        "GET", path, query, {}, context,
        [done](const QJsonObject &json, qint64) {
            PageReply page;
            page.ok = true;
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                if (v.isObject())
                    page.items.append(v.toObject());
            page.nextCursor = json.value(QStringLiteral("nextCursor")).toString();
            done(page);
        },
        [done](const ApiFailure &failure) {
            PageReply page;
            page.error = failure.describe();
            done(page);
        });
}

void RestClient::fetchObject(const QString &path, QObject *context, ObjectCallback done)
{
    send(
        "GET", path, {}, {}, context, [done](const QJsonObject &json, qint64) { done(true, json); },
        [done](const ApiFailure &) { done(false, {}); });
}

} // namespace linecard::client
