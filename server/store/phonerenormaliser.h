#pragma once

#include <QString>

namespace linecard::server {

class Database;

// Migration 6's C++ half: every stored contact number read again by libphonenumber in the
// account's region, stored as E.164 (";ext=…" kept) with its keys, the contacts' search
// forms rebuilt, and the lines' keys refreshed. Numbers it cannot read stay as written.
class PhoneRenormaliser
{
public:
    explicit PhoneRenormaliser(Database &db)
        : m_db(db)
    { }

    struct Result
    {
        int numbers = 0; // phone rows read
        int rewritten = 0; // rows whose text or keys changed
        int invalid = 0; // rows left as written (no valid number in them)
    };
    Result run();

private:
    QString accountRegion();
    Database &m_db;
};

} // namespace linecard::server
