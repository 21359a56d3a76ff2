#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace linecard::client {

// Every persisted client preference, typed, in one place over QSettings. Secrets never
// go here (TokenStore keeps them).
class AppSettings
{
public:
    AppSettings();
    explicit AppSettings(const QString &fileName); // tests

    enum class Workspace
    {
        None,
        Server,
        Local
    };
    Workspace workspace() const;
    void setWorkspace(Workspace workspace);

    QUrl lastServerUrl() const;
    void setLastServerUrl(const QUrl &url);
    QString lastLogin() const;
    void setLastLogin(const QString &login);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);

    // Tray: no desktop notifications while on.
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace linecard::client
