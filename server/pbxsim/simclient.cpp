#include "simclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>

namespace linecard::pbxsim {

SimClient::SimClient(const QUrl &server, QTextStream &log, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_log(log)
    , m_network(new QNetworkAccessManager(this))
{ }

void SimClient::run(const QList<SimRequest> &requests)
{
    m_queue = requests;
    m_allOk = true;
    sendNext();
}

void SimClient::sendNext()
{
    if (m_queue.isEmpty()) {
        emit finished(m_allOk);
        return;
    }
    const SimRequest r = m_queue.takeFirst();
    QUrl url = m_server;
    url.setPath(m_server.path().chopped(m_server.path().endsWith(u'/') ? 1 : 0) + r.path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, r.contentType);
    request.setTransferTimeout(15000);
    m_log << "-> POST " << r.path.section(u'/', 0, 4) << "  " << r.summary << Qt::endl;
    QNetworkReply *reply = m_network->post(request, r.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll().trimmed();
        if (status == 0)
            m_log << "<- error: " << reply->errorString() << Qt::endl;
        else
            m_log << "<- " << status << ' ' << QString::fromUtf8(answer.left(300)) << Qt::endl;
        if (status < 200 || status >= 300)
            m_allOk = false;
        sendNext();
    });
}

} // namespace linecard::pbxsim
