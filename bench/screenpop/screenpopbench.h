#pragma once

namespace linecard::bench {

// linecard-bench-screenpop: a PBX's PlanFix INCOMING request (POST /tel/api) for a known
// caller → call.ringing read on the operator's event stream.
int runScreenPopBench(int argc, char *argv[]);

} // namespace linecard::bench
