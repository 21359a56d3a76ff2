#include "visibility.h"

namespace linecard::visibility {

// 0 means "none" for every id here: a viewer whose id or company was never filled in must
// match nothing, as NULL matches nothing in the server's SQL.
static bool isViewer(const Viewer &viewer, qint64 personId)
{
    return viewer.id != 0 && personId == viewer.id;
}

static bool listsViewer(const Viewer &viewer, const QList<qint64> &ids)
{
    return viewer.id != 0 && ids.contains(viewer.id);
}

static bool sameCompany(const Viewer &viewer, qint64 companyId)
{
    return viewer.companyId != 0 && companyId == viewer.companyId;
}

bool canSeeTask(const Viewer &viewer, const TaskAudience &task, const AccountSettings &settings)
{
    if (viewer.isEmployee)
        return true;
    if (isViewer(viewer, task.counterpartyId) || listsViewer(viewer, task.memberIds))
        return true;
    return settings.shareWithinCompany && task.counterpartyId != 0
        && sameCompany(viewer, task.counterpartyCompanyId);
}

bool canSeeCard(const Viewer &viewer, qint64 cardContactId)
{
    return viewer.isEmployee || isViewer(viewer, cardContactId);
}

bool canSeeComment(
    const Viewer &viewer, const CommentAudience &comment, const AccountSettings &settings)
{
    // 1. A hidden comment: its author, the people it is shown to, and admins.
    if (comment.hidden)
        return isViewer(viewer, comment.authorId) || listsViewer(viewer, comment.visibleToIds)
            || viewer.isAdmin;
    // 2. Every employee sees the rest.
    if (viewer.isEmployee)
        return true;
    // 3. A contact never sees internal talk; otherwise what is addressed to it.
    if (comment.internal)
        return false;
    if (!settings.contactsSeeOnlyNotified)
        return true;
    if (isViewer(viewer, comment.authorId) || listsViewer(viewer, comment.notifiedIds))
        return true;
    if (!settings.shareWithinCompany)
        return false;
    if (sameCompany(viewer, comment.authorCompanyId))
        return true;
    for (qint64 company : comment.notifiedCompanyIds)
        if (sameCompany(viewer, company))
            return true;
    return false;
}

bool canSeeCallRecord(const Viewer &viewer)
{
    return viewer.isEmployee;
}

} // namespace linecard::visibility
