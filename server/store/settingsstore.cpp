#include "settingsstore.h"

#include "../logging.h"
#include "database.h"

#include "models/phonenumber.h"

#include <QJsonDocument>
#include <QScopeGuard>

namespace linecard::server {

SettingsStore::SettingsStore(Database &db)
    : m_db(db)
{
    reload();
}

void SettingsStore::reload()
{
    const QVariant stored
        = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'account'"));
    auto useRegion = qScopeGuard([this] { PhoneNumber::setDefaultRegion(m_settings.phoneRegion); });
    if (stored.isNull())
        return;
    QString error;
    const auto parsed
        = AccountSettings::fromJson(QJsonDocument::fromJson(stored.toByteArray()).object(), &error);
    if (parsed)
        m_settings = *parsed;
    else
        qCWarning(lcStore) << "stored settings unreadable, using defaults:" << error;
}

void SettingsStore::save(const AccountSettings &settings)
{
    m_db.exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('account', :v) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {{QStringLiteral("v"),
            QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact))}});
    m_settings = settings;
    PhoneNumber::setDefaultRegion(settings.phoneRegion);
}

} // namespace linecard::server
