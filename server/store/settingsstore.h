#pragma once

#include "models/accountsettings.h"

namespace linecard::server {

class Database;

// Account settings, kept as one JSON row and cached (read on every request).
class SettingsStore
{
public:
    explicit SettingsStore(Database &db);
    const AccountSettings &get() const { return m_settings; }
    // Reads them again: another instance on the same database changed them.
    void reload();
    void save(const AccountSettings &settings);
    // A reader thread's store takes the serving thread's settings with each request.
    void adopt(const AccountSettings &settings) { m_settings = settings; }

private:
    Database &m_db;
    AccountSettings m_settings;
};

} // namespace linecard::server
