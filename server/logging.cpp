#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "linecard.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "linecard.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "linecard.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "linecard.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTelephony, "linecard.telephony", QtInfoMsg)
