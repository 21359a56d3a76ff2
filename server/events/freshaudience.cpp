#include "freshaudience.h"

#include "../store/commentstore.h"
#include "../store/taskstore.h"

#include "protocol/jsonid.h"

namespace linecard::server {

std::optional<EventAudience> FreshAudience::operator()(const StoredEvent &event) const
{
    EventAudience fresh = event.audience;
    // "You lost this task" is for a client that holds it now; judged by later facts it could
    // name a task to someone who never saw it. A client back from away asks again on opening.
    if (fresh.scope == EventAudience::Scope::TaskLost)
        return std::nullopt;
    if (fresh.scope != EventAudience::Scope::Task && fresh.scope != EventAudience::Scope::Card)
        return fresh; // employees, a person, call targets: facts that do not move
    const bool aboutComment = event.isCommentEvent();
    const qint64 id = protocol::idOf(event.data, QStringLiteral("id"));
    std::optional<Comment> comment;
    if (aboutComment) {
        comment = m_comments.get(id);
        if (comment && fresh.comment)
            fresh.comment = m_comments.audience(*comment);
    }
    if (fresh.scope == EventAudience::Scope::Task) {
        const qint64 taskId = aboutComment
            ? (comment ? comment->taskId : protocol::idOf(event.data, QStringLiteral("taskId")))
            : id;
        const auto task = m_tasks.get(taskId);
        if (!task)
            return std::nullopt;
        fresh.task = m_tasks.audience(*task);
    }
    return fresh;
}

} // namespace linecard::server
