#pragma once

#include "../store/providerstore.h"

#include <QString>

namespace linecard::server {

struct ServerContext;

// "Send a test call" from the provider's settings: a short incoming call, played as that
// provider's PBX would send it (the same request fields, read by the same adapter, through
// the same call state machine, written to the integration log), ringing the given extension:
// it rings now, is answered after answerAfterMs and hangs up after hangupAfterMs more.
class TestCall
{
public:
    TestCall(ServerContext &ctx, const Provider &provider);

    // The PBX's call id of the call started; the rest follows on timers.
    QString start(const QString &extension, const QString &lineNumber, int answerAfterMs = 4000,
        int hangupAfterMs = 4000);

private:
    ServerContext &m_ctx;
    Provider m_provider;
};

} // namespace linecard::server
