#include "makecalllistener.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QUrlQuery>

namespace linecard::pbxsim {

MakeCallListener::MakeCallListener(int replyStatus, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_replyStatus(replyStatus)
{ }

quint16 MakeCallListener::start(const QHostAddress &address, quint16 port)
{
    return listen(address, port);
}

bool MakeCallListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QByteArray body = request.body();
    body.replace('+', "%20");
    QJsonObject fields;
    for (const auto &item : QUrlQuery(QString::fromUtf8(body)).queryItems(QUrl::FullyDecoded))
        fields.insert(item.first, item.second);
    emit received(
        {{QStringLiteral("method"),
             QString::fromLatin1(
                 request.method() == QHttpServerRequest::Method::Post ? "POST" : "OTHER")},
            {QStringLiteral("path"), request.url().path()}, {QStringLiteral("fields"), fields}});
    QHttpServerResponder responder = makeResponder(request, socket);
    const bool ok = m_replyStatus >= 200 && m_replyStatus < 300;
    responder.write(ok ? QByteArray(R"({"status":"ok"})") : QByteArray(R"({"status":"error"})"),
        {{"Content-Type", "application/json"}},
        static_cast<QHttpServerResponder::StatusCode>(m_replyStatus));
    return true;
}

void MakeCallListener::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace linecard::pbxsim
