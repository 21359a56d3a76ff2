#include "logging.h"

Q_LOGGING_CATEGORY(lcClientRest, "linecard.client.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientStream, "linecard.client.stream", QtInfoMsg)
Q_LOGGING_CATEGORY(lcClientHighlight, "linecard.client.highlight", QtInfoMsg)
