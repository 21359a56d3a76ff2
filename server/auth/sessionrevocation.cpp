#include "sessionrevocation.h"

#include "../events/eventhub.h"
#include "../logging.h"
#include "authservice.h"

namespace linecard::server {

void revokeSessions(AuthService &auth, EventHub &events, qint64 personId, const QString &reason)
{
    const int tokens = auth.revokeTokensOf(personId);
    events.disconnectPerson(personId, protocol::Unauthorized, reason);
    qCInfo(lcAuth) << "signed out person" << personId << "everywhere:" << reason << "-" << tokens
                   << "token(s) revoked";
}

} // namespace linecard::server
