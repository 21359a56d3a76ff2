#pragma once

#include "simrequest.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QTextStream;

namespace linecard::pbxsim {

// Sends the requests one after the other, as a PBX does, and logs each answer.
class SimClient : public QObject
{
    Q_OBJECT
public:
    SimClient(const QUrl &server, QTextStream &log, QObject *parent = nullptr);

    void run(const QList<SimRequest> &requests);

signals:
    // allOk: every request was answered 2xx.
    void finished(bool allOk);

private:
    void sendNext();

    QUrl m_server;
    QTextStream &m_log;
    QNetworkAccessManager *m_network;
    QList<SimRequest> m_queue;
    bool m_allOk = true;
};

} // namespace linecard::pbxsim
