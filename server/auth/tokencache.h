#pragma once

#include "session.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>

namespace linecard::server {

class Database;

// The sessions of recently checked tokens, so that a request costs no token lookup (a join of
// auth_tokens and people, then the person's details) on the serving thread. SQLite only: the
// connection counts its own writes to what a session is made of (auth_tokens, people and the
// details; temporary triggers) and PRAGMA data_version counts everyone else's commits; any
// change drops every entry at once, before the next token is looked at. On PostgreSQL other
// instances change tokens too: nothing is kept there.
class TokenCache
{
public:
    explicit TokenCache(Database &db);

    struct Entry
    {
        Session session;
        QDateTime lastUsed;
    };

    // Drops everything if the tokens or the people may have changed since the last call.
    // Call before find().
    void dropIfChanged();
    // The entry of a token hash, or null. Valid until the next call on the cache.
    Entry *find(const QByteArray &tokenHash);
    void remember(const QByteArray &tokenHash, const Session &session, const QDateTime &lastUsed);
    // After the caller's own single-row update of auth_tokens.last_used_at: that change keeps
    // the entries (it is reflected in the entry), any other drops them.
    void adoptOwnTouch();

    static constexpr qsizetype MaxEntries = 4096; // past it, dropped wholesale

private:
    struct Generation
    {
        qint64 ownChanges = -1;
        qint64 dataVersion = -1;
        bool operator==(const Generation &o) const
        {
            return ownChanges == o.ownChanges && dataVersion == o.dataVersion;
        }
    };
    Generation current();

    Database &m_db;
    const bool m_enabled;
    Generation m_seen;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace linecard::server
