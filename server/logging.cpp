#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "linecard.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "linecard.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "linecard.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "linecard.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTelephony, "linecard.telephony", QtInfoMsg)

namespace linecard::server {

static QLoggingCategory::CategoryFilter previousFilter = nullptr;

static void filterRequestDumps(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0)
        category->setEnabled(QtDebugMsg, false);
}

void keepRequestDumpsOff()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    previousFilter = QLoggingCategory::installFilter(filterRequestDumps);
}

} // namespace linecard::server
