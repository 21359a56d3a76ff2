#pragma once

#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace linecard::server {

class EventHub;

// Click-to-call: asks the PBX (PlanFix "makeCall") to ring the operator's extension and then
// connect the number. The request goes out asynchronously; a failure reaches the operator
// as a "call.dialFailed" event. Repeated clicks while a request is under way are ignored.
class ClickToCall : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QUrl pbxUrl;
        QString pbxToken;
        QString extension; // "from": the operator's extension
        QString number; // "to"
        QString lineNumber; // the outgoing line, when the operator chose one
        qint64 personId = 0;
    };

    explicit ClickToCall(EventHub &events, QObject *parent = nullptr);
    ~ClickToCall() override;

    // False when the same operator is already dialling the same number.
    bool dial(const Request &request);

private:
    EventHub &m_events;
    QNetworkAccessManager *m_network;
    QSet<QString> m_inFlight;
};

} // namespace linecard::server
