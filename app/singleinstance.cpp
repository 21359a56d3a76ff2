#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace linecard::client {

// One line each way: "activate" or "open <link>", answered by "ok".
static const QByteArray activateMessage = QByteArrayLiteral("activate");
static const QByteArray openPrefix = QByteArrayLiteral("open ");
static const QByteArray acknowledgement = QByteArrayLiteral("ok\n");

QString SingleInstance::nameFor(const QString &dataDir)
{
    // The home folder makes the name per user (the socket also lives in the shared temp
    // folder, readable only by its owner); the workspace folder lets a second workspace run.
    const QString folder = dataDir.isEmpty() ? QString() : QDir(dataDir).absolutePath();
    const QByteArray key = (QDir::homePath() + u'\n' + folder).toUtf8();
    return QStringLiteral("linecard-")
        + QString::fromLatin1(
            QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
}

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{ }

SingleInstance::~SingleInstance() = default;

bool SingleInstance::handOver(const QString &link, int timeoutMs)
{
    QLocalSocket socket;
    QEventLoop loop;
    bool acknowledged = false;
    QByteArray answer;
    connect(&socket, &QLocalSocket::connected, &loop, [&] {
        QByteArray line = link.isEmpty() ? activateMessage : openPrefix + link.toUtf8();
        line.replace('\n', ' ');
        socket.write(line + '\n');
    });
    connect(&socket, &QLocalSocket::readyRead, &loop, [&] {
        answer += socket.readAll();
        if (answer.contains('\n')) {
            acknowledged = answer == acknowledgement;
            loop.quit();
        }
    });
    connect(&socket, &QLocalSocket::errorOccurred, &loop, [&] { loop.quit(); });
    // A running instance answers at once; the timeout only guards against a hung one.
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToServer(m_name);
    if (socket.state() != QLocalSocket::UnconnectedState)
        loop.exec();
    return acknowledged;
}

bool SingleInstance::listen()
{
    if (m_server)
        return m_server->isListening();
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
    // Another start may have begun listening since our handOver(): leave it be. (With access
    // options Qt binds elsewhere and renames the socket into place, so listen() itself would
    // replace a live socket.) A socket nobody answers on was left by a crash: replace it.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(1000))
        return false;
    QLocalServer::removeServer(m_name);
    return m_server->listen(m_name);
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

void SingleInstance::onConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void SingleInstance::onReadyRead(QLocalSocket *socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > 4096)
            socket->abort(); // not one of ours
        return;
    }
    const QByteArray line = socket->readLine().trimmed();
    socket->write(acknowledgement);
    socket->flush();
    if (line == activateMessage)
        emit activationRequested();
    else if (line.startsWith(openPrefix))
        emit linkReceived(QString::fromUtf8(line.mid(openPrefix.size())));
}

} // namespace linecard::client
