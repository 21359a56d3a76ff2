#pragma once

#include <QLoggingCategory>

// Switch with QT_LOGGING_RULES, e.g. "linecard.http.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcWs)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcTelephony)

namespace linecard::server {
// Qt's own request dumps (qt.httpserver*.debug) print every header, bearer tokens included,
// and the URL with an event stream's ?token=: they stay off whatever the logging rules say.
void keepRequestDumpsOff();
} // namespace linecard::server
