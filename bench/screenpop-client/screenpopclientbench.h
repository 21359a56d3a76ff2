#pragma once

namespace linecard::bench {

// linecard-bench-screenpop-client: screen-pop end to end. A PBX's PlanFix INCOMING request
// (POST /tel/api) for a known caller → the call window painted with the caller's name in
// the real linecard program (offscreen, signed in as the ringing operator).
int runScreenPopClientBench(int argc, char *argv[]);

} // namespace linecard::bench
