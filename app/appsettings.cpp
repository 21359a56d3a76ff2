#include "appsettings.h"

namespace linecard::client {

AppSettings::AppSettings() = default;

AppSettings::AppSettings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{ }

AppSettings::Workspace AppSettings::workspace() const
{
    const QString w = m_settings.value(QStringLiteral("session/workspace")).toString();
    return w == QLatin1String("server") ? Workspace::Server
        : w == QLatin1String("local")   ? Workspace::Local
                                        : Workspace::None;
}

void AppSettings::setWorkspace(Workspace workspace)
{
    m_settings.setValue(QStringLiteral("session/workspace"),
        workspace == Workspace::Server      ? QStringLiteral("server")
            : workspace == Workspace::Local ? QStringLiteral("local")
                                            : QString());
}

QUrl AppSettings::lastServerUrl() const
{
    return m_settings.value(QStringLiteral("session/serverUrl")).toUrl();
}

void AppSettings::setLastServerUrl(const QUrl &url)
{
    m_settings.setValue(QStringLiteral("session/serverUrl"), url);
}

QString AppSettings::lastLogin() const
{
    return m_settings.value(QStringLiteral("session/login")).toString();
}

void AppSettings::setLastLogin(const QString &login)
{
    m_settings.setValue(QStringLiteral("session/login"), login);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray AppSettings::mainWindowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setMainWindowState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/state"), state);
}

bool AppSettings::doNotDisturb() const
{
    return m_settings.value(QStringLiteral("tray/doNotDisturb"), false).toBool();
}

void AppSettings::setDoNotDisturb(bool on)
{
    m_settings.setValue(QStringLiteral("tray/doNotDisturb"), on);
}

} // namespace linecard::client
