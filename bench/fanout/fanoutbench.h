#pragma once

namespace linecard::bench {

// linecard-bench-fanout: one event (a comment posted through the API) to N connected
// operators' event streams; how long until the last one has it.
int runFanoutBench(int argc, char *argv[]);

} // namespace linecard::bench
