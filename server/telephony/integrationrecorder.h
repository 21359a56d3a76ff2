#pragma once

#include "../http/apirequest.h"

#include <functional>

namespace linecard::server {

struct ServerContext;

// Writes each PBX request into the integration log with the answer it got and the call
// events it produced, whatever the outcome (a rejected token is worth seeing too). Secrets
// never reach the log: provider tokens in the path, query and body, Authorization-like
// headers.
class IntegrationRecorder
{
public:
    IntegrationRecorder(ServerContext &ctx, const ApiRequest &request);

    // Runs the handler and logs; an ApiError comes back as its error answer.
    ApiResponse run(const std::function<ApiResponse()> &handler);

    // text with every secret (raw or percent-encoded) and every token-named field masked.
    static QString mask(QString text, const QStringList &secrets);

private:
    void write(const ApiResponse &response);

    ServerContext &m_ctx;
    const ApiRequest &m_request;
    qint64 m_eventsBefore = 0; // CallStore::loggedEventCount() as the request came in
    QString m_receivedAt;
};

} // namespace linecard::server
