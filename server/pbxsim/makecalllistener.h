#pragma once

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QJsonObject>

namespace linecard::pbxsim {

// Plays the PBX's side of click-to-call: takes PlanFix "makeCall" requests, reports each
// one and answers it (200, or the status it was told to answer, to test failures).
class MakeCallListener : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit MakeCallListener(int replyStatus = 200, QObject *parent = nullptr);

    // The port listened on; 0 when it could not listen.
    quint16 start(const QHostAddress &address, quint16 port);

signals:
    // {"method", "path", "fields": {form fields}}
    void received(const QJsonObject &request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    int m_replyStatus;
};

} // namespace linecard::pbxsim
