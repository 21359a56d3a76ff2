#pragma once

namespace linecard::bench {

// linecard-bench-search: contact search through GET /api/v1/contacts?q= with random 4-digit
// phone fragments, name fragments and both combined ("ива 4567"), one request at a time.
int runSearchBench(int argc, char *argv[]);

} // namespace linecard::bench
