#include "commentaudience.h"

#include "models/commentthreadmodel.h"
#include "models/peopledirectory.h"
#include "protocol/jsonid.h"

#include <QJsonArray>

namespace linecard::ui {

static QList<qint64> ids(const QJsonValue &array)
{
    QList<qint64> out;
    for (const QJsonValue &v : array.toArray())
        out.append(protocol::idOf(v));
    return out;
}

CommentAudience::CommentAudience(PeopleDirectory *people, qint64 meId)
    : m_people(people)
    , m_me(meId)
{ }

bool CommentAudience::isEmployee(qint64 id) const
{
    const auto person = m_people->person(id);
    return person && person->isEmployee();
}

qint64 CommentAudience::companyOf(qint64 id) const
{
    const auto person = m_people->person(id);
    if (!person || person->isEmployee())
        return 0;
    return person->isCompany ? person->id : person->companyId;
}

QList<qint64> CommentAudience::taskContacts(const QJsonObject &task) const
{
    QList<qint64> out;
    const qint64 counterparty = protocol::idOf(task, QStringLiteral("counterpartyId"));
    if (counterparty)
        out.append(counterparty);
    for (qint64 id : ids(task.value(QStringLiteral("assigneeIds")))
            + ids(task.value(QStringLiteral("participantIds"))))
        if (id != m_me && !isEmployee(id) && !out.contains(id))
            out.append(id);
    return out;
}

visibility::CommentAudience CommentAudience::draft(
    const QList<qint64> &notified, bool hidden, const QList<qint64> &visibleTo, bool internal) const
{
    visibility::CommentAudience c;
    c.authorId = m_me;
    c.authorCompanyId = companyOf(m_me);
    c.hidden = hidden;
    c.internal = internal && !hidden;
    c.visibleToIds = hidden ? visibleTo : QList<qint64>();
    c.notifiedIds = notified;
    for (qint64 id : notified)
        if (const qint64 company = companyOf(id))
            c.notifiedCompanyIds.append(company);
    return c;
}

QStringList CommentAudience::readers(const QJsonObject &task,
    const visibility::CommentAudience &comment, const AccountSettings &settings) const
{
    visibility::TaskAudience audience;
    audience.counterpartyId = protocol::idOf(task, QStringLiteral("counterpartyId"));
    audience.counterpartyCompanyId = companyOf(audience.counterpartyId);
    audience.memberIds = ids(task.value(QStringLiteral("assigneeIds")))
        + ids(task.value(QStringLiteral("participantIds")));
    QStringList names;
    for (qint64 contact : taskContacts(task)) {
        const visibility::Viewer viewer {contact, false, false, companyOf(contact)};
        if (visibility::canSeeTask(viewer, audience, settings)
            && visibility::canSeeComment(viewer, comment, settings))
            names << m_people->name(contact);
    }
    if (settings.shareWithinCompany && audience.counterpartyCompanyId) {
        // Anyone else at the counterparty's company: a viewer who is nobody in particular.
        const visibility::Viewer colleague {-1, false, false, audience.counterpartyCompanyId};
        if (visibility::canSeeTask(colleague, audience, settings)
            && visibility::canSeeComment(colleague, comment, settings))
            names << tr("everyone at %1").arg(m_people->name(audience.counterpartyCompanyId));
    }
    return names;
}

QList<qint64> CommentAudience::defaultRecipients(const CommentThreadModel *thread) const
{
    // Until the newest comment is loaded nobody is pre-selected: the safe default.
    if (!thread || !thread->isAtEnd() || thread->rowCount() == 0)
        return {};
    bool clientTalkIsMine = false;
    for (int row = 0; row < thread->rowCount() && !clientTalkIsMine; ++row) {
        const QJsonObject c = thread->rowJson(row);
        const qint64 author = protocol::idOf(c, QStringLiteral("authorId"));
        const QList<qint64> notified = ids(c.value(QStringLiteral("notifiedIds")));
        if (author == m_me) {
            // Only what the client could read counts as talking to it.
            if (c.value(QStringLiteral("internal")).toBool())
                continue;
            const bool hidden = c.value(QStringLiteral("hidden")).toBool();
            const QList<qint64> shownTo = ids(c.value(QStringLiteral("visibleToIds")));
            for (qint64 id : notified)
                clientTalkIsMine
                    = clientTalkIsMine || (!isEmployee(id) && (!hidden || shownTo.contains(id)));
        } else if (!isEmployee(author) && notified.contains(m_me)) {
            clientTalkIsMine = true; // the client wrote to me
        }
    }
    const QJsonObject last = thread->rowJson(thread->rowCount() - 1);
    QList<qint64> out;
    const QList<qint64> candidates
        = QList<qint64> {protocol::idOf(last, QStringLiteral("authorId"))}
        + ids(last.value(QStringLiteral("notifiedIds")));
    for (qint64 id : candidates) {
        if (id == m_me || out.contains(id))
            continue;
        if (isEmployee(id) || clientTalkIsMine)
            out.append(id);
    }
    return out;
}

} // namespace linecard::ui
