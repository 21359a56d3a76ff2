#pragma once

#include <QLoggingCategory>

// The client's own logging categories (the server's are in server/logging.h). Switch with
// QT_LOGGING_RULES, e.g. "linecard.client.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcClientRest) // linecard.client.rest: failed requests
Q_DECLARE_LOGGING_CATEGORY(lcClientStream) // linecard.client.stream: the event stream's link
Q_DECLARE_LOGGING_CATEGORY(lcClientHighlight) // linecard.client.highlight: code colouring
