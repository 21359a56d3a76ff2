#pragma once

#include "models/accountsettings.h"
#include "models/visibility.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace linecard {
class CommentThreadModel;
class PeopleDirectory;
} // namespace linecard

namespace linecard::ui {

// The composer's two judgements about people, both made with what the client knows. A
// person not known to be an employee counts as a contact: the safe side for both.
class CommentAudience
{
    Q_DECLARE_TR_FUNCTIONS(CommentAudience)
public:
    CommentAudience(PeopleDirectory *people, qint64 meId);

    bool isEmployee(qint64 id) const;
    // The task's counterparty and the contacts among its assignees and participants.
    QList<qint64> taskContacts(const QJsonObject &task) const;

    // The contacts (and "everyone at <company>") who will read a comment, by the one
    // visibility rule of SPEC section 3 (models/visibility.h), not a copy of it.
    QStringList readers(const QJsonObject &task, const visibility::CommentAudience &comment,
        const AccountSettings &settings) const;
    visibility::CommentAudience draft(const QList<qint64> &notified, bool hidden,
        const QList<qint64> &visibleTo, bool internal) const;

    // PlanFix's pre-selection: the last comment's author and recipients — but no contact
    // when the talk with the client was a colleague's, not mine (the safety rule).
    QList<qint64> defaultRecipients(const CommentThreadModel *thread) const;

private:
    qint64 companyOf(qint64 id) const;

    PeopleDirectory *m_people;
    qint64 m_me;
};

} // namespace linecard::ui
