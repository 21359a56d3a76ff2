#include "testcall.h"

#include "../events/eventhub.h"
#include "../http/apierror.h"
#include "../http/router.h"
#include "../servercontext.h"
#include "../store/integrationlogstore.h"
#include "callservice.h"
#include "formbody.h"
#include "integrationlogwriter.h"
#include "planfixadapter.h"
#include "zammadadapter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace linecard::server {

namespace {

enum class Step
{
    Ring,
    Answer,
    Hangup
};

// The form a PBX of this format sends for the step (the token left out: it is ours).
QUrlQuery pbxForm(Provider::Format format, Step step, const QString &callId,
    const QString &extension, const QString &line)
{
    QUrlQuery form;
    const auto add = [&form](const char *key, const QString &value) {
        form.addQueryItem(QString::fromLatin1(key), value);
    };
    if (format == Provider::Format::PlanFix) {
        add("cmd", QStringLiteral("event"));
        add("type", QStringLiteral("in"));
        add("event",
            step == Step::Ring         ? QStringLiteral("INCOMING")
                : step == Step::Answer ? QStringLiteral("ACCEPTED")
                                       : QStringLiteral("COMPLETED"));
        add("phone", QStringLiteral("anonymous"));
        add("diversion", line);
        add("ext", extension);
        add("callid", callId);
        if (step == Step::Hangup) {
            add("duration", QStringLiteral("4"));
            add("is_recorded", QStringLiteral("0"));
            add("status", QStringLiteral("Success"));
        }
        return form;
    }
    add("event",
        step == Step::Ring         ? QStringLiteral("newCall")
            : step == Step::Answer ? QStringLiteral("answer")
                                   : QStringLiteral("hangup"));
    add("from", QStringLiteral("anonymous"));
    add("to", line);
    add("direction", QStringLiteral("in"));
    add("callId", callId);
    add("user", extension);
    if (step != Step::Ring)
        add("answeringNumber", extension);
    if (step == Step::Hangup)
        add("cause", QStringLiteral("normalClearing"));
    return form;
}

// One step: parsed by the provider's adapter, handled as a real request, logged as one.
void play(ServerContext &ctx, const Provider &provider, Step step, const QString &callId,
    const QString &extension, const QString &line)
{
    const QByteArray body = pbxForm(provider.format, step, callId, extension, line)
                                .toString(QUrl::FullyEncoded)
                                .toUtf8();
    IntegrationLogEntry entry;
    entry.receivedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    entry.method = QStringLiteral("POST");
    entry.path = provider.format == Provider::Format::PlanFix ? QStringLiteral("/tel/api")
                                                              : QStringLiteral("/api/v1/cti/***");
    entry.remoteAddress = QStringLiteral("test call");
    entry.headers
        = {{QStringLiteral("content-type"), QStringLiteral("application/x-www-form-urlencoded")}};
    entry.body = QString::fromUtf8(body);
    entry.providerId = provider.id;
    entry.providerName = provider.name;
    entry.externalId = callId;
    entry.numbers = QString(line).remove(QRegularExpression(QStringLiteral("\\D")));
    const qint64 before
        = ctx.db.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM call_events"))
              .toLongLong();
    ApiResponse response;
    try {
        const FormBody form = FormBody::parseForm(body);
        const CallEvent event = provider.format == Provider::Format::PlanFix
            ? PlanFixAdapter::parse(form).event
            : ZammadAdapter::parse(form);
        CallService(ctx).handle(provider, event, form.toJson());
        response = ApiResponse::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
    } catch (const ApiError &e) {
        response = {e.status(), errorBody(e.code(), e.message())};
    } catch (const std::exception &) {
        // Played from a timer: nothing above would catch it; the log shows the failure.
        response = {500, errorBody(QStringLiteral("internal"), QStringLiteral("internal error"))};
    }
    entry.status = response.status;
    entry.answer
        = QString::fromUtf8(QJsonDocument(response.body.toObject()).toJson(QJsonDocument::Compact));
    QSqlQuery events = ctx.db.exec(
        QStringLiteral("SELECT id, kind, call_id FROM call_events WHERE id > :before ORDER BY id"),
        {{QStringLiteral("before"), before}});
    while (events.next()) {
        entry.events.append(QJsonObject {{QStringLiteral("id"), events.value(0).toLongLong()},
            {QStringLiteral("kind"), events.value(1).toString()}});
        if (!entry.callId)
            entry.callId = events.value(2).toLongLong();
    }
    ctx.integrationLog.enqueue(entry);
}

} // namespace

TestCall::TestCall(ServerContext &ctx, const Provider &provider)
    : m_ctx(ctx)
    , m_provider(provider)
{ }

QString TestCall::start(
    const QString &extension, const QString &lineNumber, int answerAfterMs, int hangupAfterMs)
{
    const QString callId = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128);
    play(m_ctx, m_provider, Step::Ring, callId, extension, lineNumber);
    // The hub lives as long as the server: a server going down drops the rest of the call.
    ServerContext &ctx = m_ctx;
    const Provider provider = m_provider;
    QTimer::singleShot(answerAfterMs, &ctx.events, [&ctx, provider, callId, extension, lineNumber] {
        play(ctx, provider, Step::Answer, callId, extension, lineNumber);
    });
    QTimer::singleShot(answerAfterMs + hangupAfterMs, &ctx.events,
        [&ctx, provider, callId, extension, lineNumber] {
            play(ctx, provider, Step::Hangup, callId, extension, lineNumber);
        });
    return callId;
}

} // namespace linecard::server
