#include "clicktocall.h"

#include "../events/eventhub.h"
#include "../logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace linecard::server {

ClickToCall::ClickToCall(EventHub &events, QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_network(new QNetworkAccessManager(this))
{ }

ClickToCall::~ClickToCall()
{
    // Replies still under way must not call back into a half-destroyed object.
    for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>()) {
        reply->disconnect(this);
        reply->abort();
    }
}

static QByteArray formValue(const QString &value)
{
    return QUrl::toPercentEncoding(value);
}

bool ClickToCall::dial(const Request &r)
{
    const QString key = QString::number(r.personId) + u'|' + r.number;
    if (m_inFlight.contains(key))
        return false;
    m_inFlight.insert(key);

    // PlanFix's makeCall names the PBX's key "token"; some PBX scripts read "planfix_token".
    QByteArray body = "cmd=makeCall&from=" + formValue(r.extension) + "&to=" + formValue(r.number)
        + "&token=" + formValue(r.pbxToken) + "&planfix_token=" + formValue(r.pbxToken);
    if (!r.lineNumber.isEmpty())
        body += "&diversion=" + formValue(r.lineNumber);
    QNetworkRequest request(r.pbxUrl);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, key, r] {
        reply->deleteLater();
        m_inFlight.remove(key);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
            qCInfo(lcTelephony) << "makeCall accepted for extension" << r.extension;
            return;
        }
        const QString error = reply->error() != QNetworkReply::NoError
            ? reply->errorString()
            : QStringLiteral("the PBX answered %1").arg(status);
        qCWarning(lcTelephony) << "makeCall failed:" << error;
        m_events.publish(EventType::CallDialFailed,
            {{QStringLiteral("phone"), r.number}, {QStringLiteral("error"), error}},
            EventAudience::people({r.personId}));
    });
    return true;
}

} // namespace linecard::server
