#include "localworkspace.h"

#include "server/demo/demoseeder.h"
#include "server/linecardserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace linecard::client {

namespace {

// Lives on the workspace thread and owns the server there.
class WorkspaceWorker : public QObject
{
public:
    WorkspaceWorker(LocalWorkspace *owner, QString dataDir, bool demo)
        : m_owner(owner)
        , m_dataDir(std::move(dataDir))
        , m_demo(demo)
    { }

    void run()
    {
        try {
            server::LinecardServer::Options options;
            options.dataDir = m_dataDir;
            m_server = new server::LinecardServer(options, this);
            m_server->start();
            const QString credentialsPath
                = QDir(m_dataDir).filePath(QStringLiteral("local-account.json"));
            if (m_server->isEmpty()) {
                QString login, password;
                if (m_demo) {
                    for (const auto &account : server::DemoSeeder(*m_server).seed())
                        if (account.login == QLatin1String("olga"))
                            login = account.login, password = account.password;
                } else {
                    login = QStringLiteral("owner");
                    password = QString::fromLatin1(
                        QByteArray::number(QRandomGenerator::system()->generate64(), 36)
                        + QByteArray::number(QRandomGenerator::system()->generate64(), 36));
                    m_server->createAdministrator(QObject::tr("Workspace owner"), login, password);
                }
                QSaveFile file(credentialsPath);
                if (file.open(QIODevice::WriteOnly)) {
                    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                    file.write(QJsonDocument(QJsonObject {{QStringLiteral("login"), login},
                                                 {QStringLiteral("password"), password}})
                                   .toJson());
                    file.commit();
                }
            }
            QFile file(credentialsPath);
            if (!file.open(QIODevice::ReadOnly))
                throw std::runtime_error("the workspace has no local account file");
            const QJsonObject account = QJsonDocument::fromJson(file.readAll()).object();
            QMetaObject::invokeMethod(m_owner, "ready", Qt::QueuedConnection,
                Q_ARG(QUrl, m_server->url()),
                Q_ARG(QString, account.value(QStringLiteral("login")).toString()),
                Q_ARG(QString, account.value(QStringLiteral("password")).toString()));
        } catch (const std::exception &e) {
            QMetaObject::invokeMethod(m_owner, "failed", Qt::QueuedConnection,
                Q_ARG(QString, QString::fromUtf8(e.what())));
        }
    }

private:
    LocalWorkspace *m_owner;
    QString m_dataDir;
    bool m_demo;
    server::LinecardServer *m_server = nullptr;
};

} // namespace

LocalWorkspace::LocalWorkspace(const QString &dataDir, bool demo, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_demo(demo)
{
    m_thread.setObjectName(QStringLiteral("local-workspace"));
}

LocalWorkspace::~LocalWorkspace()
{
    // The server and its database connection are destroyed on their own thread.
    if (m_worker && m_thread.isRunning())
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { delete w; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString LocalWorkspace::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("workspace"));
}

void LocalWorkspace::start()
{
    auto *worker = new WorkspaceWorker(this, m_dataDir, m_demo);
    m_worker = worker;
    worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        worker, [worker] { worker->run(); }, Qt::QueuedConnection);
}

} // namespace linecard::client
