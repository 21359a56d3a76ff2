#pragma once

#include "linecardserver.h"

#include <QStringList>

#include <optional>

namespace linecard::server {

// The linecard-server command line.
struct ServerOptions
{
    LinecardServer::Options server;
    QString adminLogin;
    QString adminPassword;
    bool demo = false;
    // --import-sqlite: copy this data directory into the (empty) --database, then exit.
    QString importSqliteDir;

    // Parses arguments; on --help/--version or an error prints and sets exitCode.
    static std::optional<ServerOptions> parse(const QStringList &arguments, int *exitCode);
};

} // namespace linecard::server
