#pragma once

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace linecard::client {

// One running client per user and workspace: a second start hands its phone link (or a
// plain "show yourself") to the running one over a local socket and exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // The socket name for a user's workspace (an empty dataDir = the default workspace);
    // the same user and folder always give the same name.
    static QString nameFor(const QString &dataDir);

    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    QString name() const { return m_name; }

    // Hands a link (empty: just activate) to the running instance and waits for its
    // acknowledgement, running the event loop meanwhile. False when none is running.
    bool handOver(const QString &link, int timeoutMs = 5000);
    // Becomes the running instance; a socket left over by a crashed one is taken over. False
    // when another instance listens already (it started at the same moment): hand over to it.
    bool listen();
    bool isListening() const;

signals:
    // A second start without a link: raise the window.
    void activationRequested();
    // A second start with a link.
    void linkReceived(const QString &link);

private:
    void onConnection();
    void onReadyRead(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace linecard::client
