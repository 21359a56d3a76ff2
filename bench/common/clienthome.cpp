#include "clienthome.h"

#include "app/appsettings.h"
#include "app/session.h"
#include "app/tokenstore.h"

#include <QDir>
#include <QSaveFile>

namespace linecard::bench {

QProcessEnvironment ClientHome::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The client runs as users run it: on the GLib event loop QtKeychain's libsecret backend
    // needs (BenchProgram sets QT_NO_GLIB for the server's side only).
    env.remove(QStringLiteral("QT_NO_GLIB"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    // The single-instance socket lives there: never hand a start to the user's own linecard.
    env.insert(QStringLiteral("TMPDIR"), m_dir.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    env.insert(QStringLiteral("LINECARD_REPORT_STARTUP"), QStringLiteral("1"));
    env.insert(QStringLiteral("LINECARD_REPORT_CALLS"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("linecard.*.info=false"));
    return env;
}

bool ClientHome::remember(const QUrl &server, const QString &login, const QString &token) const
{
    client::AppSettings settings(config() + QStringLiteral("/Linecard/linecard.conf"));
    settings.setWorkspace(client::AppSettings::Workspace::Server);
    settings.setLastServerUrl(server);
    settings.setLastLogin(login);
    client::TokenStore tokens;
    tokens.setFallbackDir(appConfig());
    QDir().mkpath(appConfig());
    QSaveFile file(tokens.fallbackPath(client::Session::accountKey(server, login)));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(token.toUtf8());
    return file.commit();
}

} // namespace linecard::bench
