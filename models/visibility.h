#pragma once

#include "accountsettings.h"

#include <QList>

namespace linecard {

// The one visibility rule of SPEC section 3, as pure functions over plain facts.
// The server evaluates the same clauses in SQL (server/store/visibilitysql.*) for its
// read paths and calls these functions for the event stream; tests hold both to agree.
namespace visibility {

// "Company" of a person: a company is its own company, a contact its companyId.
struct Viewer
{
    qint64 id = 0;
    bool isEmployee = false;
    bool isAdmin = false;
    qint64 companyId = 0; // 0 = none
};

struct TaskAudience
{
    qint64 counterpartyId = 0;
    qint64 counterpartyCompanyId = 0; // the counterparty's company (itself if a company)
    QList<qint64> memberIds; // assignees and participants
};

struct CommentAudience
{
    qint64 authorId = 0;
    qint64 authorCompanyId = 0;
    bool hidden = false;
    bool internal = false;
    QList<qint64> visibleToIds;
    QList<qint64> notifiedIds;
    QList<qint64> notifiedCompanyIds; // companies of the notified people (0s ignored)
};

// A viewer may see a task.
bool canSeeTask(const Viewer &viewer, const TaskAudience &task, const AccountSettings &settings);

// A viewer may see a contact's card: employees every card, a contact only its own.
bool canSeeCard(const Viewer &viewer, qint64 cardContactId);

// A viewer who may see the comment's task or card sees the comment (clauses 1–3).
bool canSeeComment(
    const Viewer &viewer, const CommentAudience &comment, const AccountSettings &settings);

// The call record on a comment (numbers, who answered, the recording link): calls are
// closed to contacts, so a contact sees the comment's text without it.
bool canSeeCallRecord(const Viewer &viewer);

} // namespace visibility
} // namespace linecard
