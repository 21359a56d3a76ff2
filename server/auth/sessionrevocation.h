#pragma once

#include <QString>

namespace linecard::server {

class AuthService;
class EventHub;

// Signs a person out everywhere at once: deletes every token they hold and closes their
// open event streams with 4401, so a client asks for the password again. For a password
// change, access taken away, a deactivation — whatever makes their old sign-ins wrong.
void revokeSessions(AuthService &auth, EventHub &events, qint64 personId, const QString &reason);

} // namespace linecard::server
