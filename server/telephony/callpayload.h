#pragma once

#include "callrow.h"

#include <QJsonObject>

namespace linecard::server {

struct ServerContext;

// The JSON of a call for the API and the event stream.
class CallPayload
{
public:
    explicit CallPayload(ServerContext &ctx)
        : m_ctx(ctx)
    { }

    // The SPEC's Call plus what the client needs around it (targets, record, handled).
    QJsonObject call(const CallRow &row);
    // Everything a call window needs to open without another request: the call, the
    // contact card with its phones, its active tasks, every contact with that number
    // (candidates) and the line with its colour.
    QJsonObject card(const CallRow &row);

private:
    ServerContext &m_ctx;
};

} // namespace linecard::server
