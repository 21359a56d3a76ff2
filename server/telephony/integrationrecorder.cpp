#include "integrationrecorder.h"

#include "../http/apierror.h"
#include "../http/router.h"
#include "../logging.h"
#include "../servercontext.h"
#include "../store/callstore.h"
#include "../store/integrationlogstore.h"
#include "../store/providerstore.h"
#include "formbody.h"
#include "integrationlogwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>

namespace linecard::server {

namespace {

const QString Masked = QStringLiteral("***");

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray n = name.toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie"
        || n.contains("token") || n.contains("secret") || n.contains("signature")
        || n.contains("api-key") || n.contains("apikey");
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text)
        if (c.isDigit())
            digits += c;
    return digits;
}

} // namespace

IntegrationRecorder::IntegrationRecorder(ServerContext &ctx, const ApiRequest &request)
    : m_ctx(ctx)
    , m_request(request)
    , m_eventsBefore(ctx.calls.loggedEventCount())
    , m_receivedAt(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
{ }

QString IntegrationRecorder::mask(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.size() < 3)
            continue;
        text.replace(secret, Masked);
        text.replace(QString::fromLatin1(QUrl::toPercentEncoding(secret)), Masked);
    }
    // Token-named fields, whatever their value: form, JSON and multipart.
    static const QRegularExpression form(
        QStringLiteral("((?:^|[&?])[A-Za-z_]*(?:token|password|secret)=)[^&\\s]*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression json(
        QStringLiteral(
            "(\"[A-Za-z_]*(?:token|password|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression multipart(
        QStringLiteral("(name=\"[A-Za-z_]*(?:token|password|secret)\"\\r?\\n\\r?\\n)[^\\r\\n]*"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(form, QStringLiteral("\\1***"));
    text.replace(json, QStringLiteral("\\1\"***\""));
    text.replace(multipart, QStringLiteral("\\1***"));
    return text;
}

ApiResponse IntegrationRecorder::run(const std::function<ApiResponse()> &handler)
{
    ApiResponse response;
    try {
        response = handler();
    } catch (const ApiError &e) {
        response = {e.status(), errorBody(e.code(), e.message())};
    } catch (const StoreError &) {
        write(
            {500, errorBody(QStringLiteral("internal"), QStringLiteral("internal server error"))});
        throw;
    }
    write(response);
    return response;
}

void IntegrationRecorder::write(const ApiResponse &response)
{
    const QHttpServerRequest &http = m_request.http();
    const QByteArray rawBody = http.body();
    const QString query = http.url().query(QUrl::FullyEncoded);
    // The secrets this request carries: the path token (Zammad) and token fields (PlanFix).
    QStringList secrets;
    if (!m_request.arg(0).isEmpty())
        secrets << m_request.arg(0);
    IntegrationLogEntry entry;
    entry.receivedAt = m_receivedAt;
    QStringList numbers;
    try {
        const FormBody form = rawBody.trimmed().isEmpty()
            ? FormBody::parseForm(query.toUtf8())
            : FormBody::parse(rawBody, m_request.header("content-type"));
        secrets << form.value(QStringLiteral("planfix_token"))
                << form.value(QStringLiteral("token"));
        for (const QString &key : {QStringLiteral("phone"), QStringLiteral("diversion"),
                 QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("answeringNumber")})
            if (const QString digits = digitsOf(form.value(key)); !digits.isEmpty())
                numbers << digits;
        entry.externalId = form.firstOf(
            {QStringLiteral("callid"), QStringLiteral("callId"), QStringLiteral("call_id")});
    } catch (const ApiError &) {
        // A malformed body is logged as it came, masked by field names only.
    }

    QString path = http.url().path();
    if (!m_request.arg(0).isEmpty())
        path = path.section(u'/', 0, -2) + u'/' + Masked;
    if (!query.isEmpty())
        path += u'?' + mask(query, secrets);
    entry.method = http.method() == QHttpServerRequest::Method::Post ? QStringLiteral("POST")
                                                                     : QStringLiteral("GET");
    entry.path = path;
    entry.remoteAddress = http.remoteAddress().toString();
    for (const auto &h : http.headers())
        entry.headers.insert(QString::fromLatin1(h.first).toLower(),
            isSecretHeader(h.first) ? Masked : mask(QString::fromUtf8(h.second), secrets));
    entry.body = mask(QString::fromUtf8(rawBody.left(IntegrationLogEntry::MaxBodyBytes)), secrets);
    if (rawBody.size() > IntegrationLogEntry::MaxBodyBytes)
        entry.body += QStringLiteral("… (%1 bytes in all)").arg(rawBody.size());
    entry.status = response.status;
    entry.answer
        = mask(QString::fromUtf8(response.body.isObject()
                       ? QJsonDocument(response.body.toObject()).toJson(QJsonDocument::Compact)
                       : QByteArray()),
            secrets);
    entry.numbers = numbers.join(u' ');

    // The events this request logged (those of a rolled-back change are not in the table).
    QStringList logged;
    for (qint64 id : m_ctx.calls.loggedSince(m_eventsBefore))
        logged << QString::number(id);
    QSqlQuery events = logged.isEmpty()
        ? QSqlQuery()
        : m_ctx.db.exec(
            QStringLiteral("SELECT id, kind, call_id, provider_id, external_id FROM call_events "
                           "WHERE id IN (%1) ORDER BY id")
                .arg(logged.join(u',')));
    while (events.isActive() && events.next()) {
        entry.events.append(QJsonObject {{QStringLiteral("id"), events.value(0).toLongLong()},
            {QStringLiteral("kind"), events.value(1).toString()}});
        if (!entry.callId)
            entry.callId = events.value(2).toLongLong();
        if (!entry.providerId)
            entry.providerId = events.value(3).toLongLong();
        if (entry.externalId.isEmpty())
            entry.externalId = events.value(4).toString();
    }
    if (!entry.providerId) {
        for (const QString &secret : secrets) {
            if (secret.isEmpty())
                continue;
            if (const auto provider = m_ctx.providers.byToken(secret)) {
                entry.providerId = provider->id;
                entry.providerName = provider->name;
                break;
            }
        }
    } else if (const auto provider = m_ctx.providers.get(entry.providerId)) {
        entry.providerName = provider->name;
    }
    m_ctx.integrationLog.enqueue(entry);
}

} // namespace linecard::server
