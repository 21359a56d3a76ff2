#pragma once

#include <QObject>
#include <QThread>
#include <QUrl>

namespace linecard::client {

// The embedded default: the real server code, in-process on a background thread, on
// SQLite in the user's data folder, listening on a loopback port only this user uses.
class LocalWorkspace : public QObject
{
    Q_OBJECT
public:
    // demo: fill an empty workspace with demo data and sign in as the demo operator.
    LocalWorkspace(const QString &dataDir, bool demo, QObject *parent = nullptr);
    ~LocalWorkspace() override;

    void start();
    QString dataDir() const { return m_dataDir; }
    static QString defaultDataDir();

signals:
    void ready(const QUrl &url, const QString &login, const QString &password);
    void failed(const QString &reason);

private:
    QString m_dataDir;
    bool m_demo;
    QThread m_thread;
    QObject *m_worker = nullptr;
};

} // namespace linecard::client
