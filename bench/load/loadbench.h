#pragma once

namespace linecard::bench {

// linecard-bench-load: many operators at once (a kept-alive HTTP connection and an event
// stream each, an operator's mix of reads and writes) while a PBX rings them, against a
// linecard-server process: requests/s and latency under load, errors, the server's CPU.
int runLoadBench(int argc, char *argv[]);

} // namespace linecard::bench
