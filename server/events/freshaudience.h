#pragma once

#include "../store/eventlog.h"

#include <optional>

namespace linecard::server {

class CommentStore;
class TaskStore;

// The audience of a logged event as the facts stand now: the task's people and the
// comment's companies may have changed since it was published, and a replay must follow
// the rule of today (SPEC section 3: changes take effect at once, for old comments too).
// nullopt = the task is gone (or the event only told who lost a task): nobody hears of it.
class FreshAudience
{
public:
    FreshAudience(TaskStore &tasks, CommentStore &comments)
        : m_tasks(tasks)
        , m_comments(comments)
    { }

    std::optional<EventAudience> operator()(const StoredEvent &event) const;

private:
    TaskStore &m_tasks;
    CommentStore &m_comments;
};

} // namespace linecard::server
