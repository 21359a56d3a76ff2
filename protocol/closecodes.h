#pragma once

namespace linecard::protocol {

// The event stream's WebSocket close codes of its own (RFC 6455 leaves 4000–4999 to
// applications). Both end the stream for good: the client stops reconnecting.
enum CloseCode : int
{
    Unauthorized = 4401, // no valid sign-in (signed out, token expired or revoked): sign in again
    PersonGone = 4403 // the account is gone (deactivated, merged away)
};

} // namespace linecard::protocol
