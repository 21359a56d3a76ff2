#include "tokencache.h"

#include "../store/database.h"

namespace linecard::server {

namespace {

// What a Session is read from (AuthService::authenticate, PeopleStore::get), and which
// changes can make a kept one wrong: a new token or a new person cannot.
struct Watched
{
    const char *table;
    const char *events;
};
const Watched watchedTables[] = {
    {"auth_tokens", "UPDATE DELETE"},
    {"people", "UPDATE DELETE"},
    {"extensions", "INSERT UPDATE DELETE"},
    {"phones", "INSERT UPDATE DELETE"},
    {"emails", "INSERT UPDATE DELETE"},
};

} // namespace

TokenCache::TokenCache(Database &db)
    : m_db(db)
    , m_enabled(!db.dialect().isPostgres())
{
    if (!m_enabled)
        return;
    // Temporary: this connection's alone, never part of the schema or of a copy of it.
    m_db.exec(QStringLiteral(
        "CREATE TEMP TABLE IF NOT EXISTS linecard_session_changes(n INTEGER NOT NULL)"));
    m_db.exec(QStringLiteral("INSERT INTO temp.linecard_session_changes SELECT 0 WHERE NOT EXISTS "
                             "(SELECT 1 FROM temp.linecard_session_changes)"));
    for (const Watched &w : watchedTables) {
        for (const QString &event : QString::fromLatin1(w.events).split(u' ')) {
            const QString table = QString::fromLatin1(w.table);
            m_db.exec(QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS linecard_session_%1_%2 "
                                     "AFTER %3 ON main.%1 BEGIN UPDATE linecard_session_changes "
                                     "SET n = n + 1; END")
                          .arg(table, event.toLower(), event));
        }
    }
}

TokenCache::Generation TokenCache::current()
{
    Database::Rows q
        = m_db.exec(QStringLiteral("SELECT n, (SELECT data_version FROM pragma_data_version) FROM "
                                   "temp.linecard_session_changes"));
    if (!q.next())
        return {};
    return {q.value(0).toLongLong(), q.value(1).toLongLong()};
}

void TokenCache::dropIfChanged()
{
    if (!m_enabled)
        return;
    const Generation now = current();
    if (now == m_seen)
        return;
    m_entries.clear();
    m_seen = now;
}

TokenCache::Entry *TokenCache::find(const QByteArray &tokenHash)
{
    const auto it = m_entries.find(tokenHash);
    return it == m_entries.end() ? nullptr : &it.value();
}

void TokenCache::remember(
    const QByteArray &tokenHash, const Session &session, const QDateTime &lastUsed)
{
    if (!m_enabled)
        return;
    if (m_entries.size() >= MaxEntries)
        m_entries.clear();
    m_entries.insert(tokenHash, {session, lastUsed});
}

void TokenCache::adoptOwnTouch()
{
    if (!m_enabled)
        return;
    Generation expected = m_seen;
    ++expected.ownChanges;
    const Generation now = current();
    if (!(now == expected))
        m_entries.clear();
    m_seen = now;
}

} // namespace linecard::server
