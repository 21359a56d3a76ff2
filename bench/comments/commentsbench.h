#pragma once

namespace linecard::bench {

// linecard-bench-comments: the first page (limit=50) of a 10,000-comment task read by a
// contact with contactsSeeOnlyNotified on, through GET /api/v1/tasks/{id}/comments.
int runCommentsBench(int argc, char *argv[]);

} // namespace linecard::bench
