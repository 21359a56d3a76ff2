#pragma once

namespace linecard::bench {

// linecard-bench-client: the desktop client as the operator starts it. Runs the real
// `linecard` program (offscreen, a remembered sign-in resumed against the benchmark's
// server) until it reports the main window usable, again and again; then, in a child
// process of its own, scrolls the "all active tasks" list to its end and reports the
// client's memory (RSS).
int runClientBench(int argc, char *argv[]);

} // namespace linecard::bench
