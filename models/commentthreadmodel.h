#pragma once

#include "pagedlistmodel.h"

namespace linecard {

class PeopleDirectory;

// A comment thread, oldest first, with what the markers of SPEC section 3 need: who wrote
// it, whether a contact wrote it or is addressed ("external", PlanFix's light blue), the
// hidden lock with who can see it, the internal mark, the notified people.
class CommentThreadModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Roles
    {
        AuthorIdRole = FirstCustomRole,
        AuthorNameRole,
        TextRole,
        CreatedAtRole,
        HiddenRole,
        InternalRole,
        ExternalRole,
        NotifiedNamesRole,
        VisibleToNamesRole,
        TaskIdRole,
        TaskTitleRole,
        CallRole,
        AuthorIsContactRole, // the external look is "from a contact", not "to a contact"
        CallRecordRole, // the server wrote it as a call's record: TextRole draws it from the call
    };

    explicit CommentThreadModel(PeopleDirectory *people, QObject *parent = nullptr);
    QHash<int, QByteArray> roleNames() const override;

    // Live: a comment.created for the thread shown.
    void applyComment(const QJsonObject &comment) { upsert(comment); }
    // Live: line.deleted. The records of calls on that line show it as deleted, as the
    // server now returns them (lineId null, lineDeleted, lineName).
    void markLineDeleted(qint64 lineId, const QString &name);

protected:
    QVariant roleData(const QJsonObject &row, int column, int role) const override;
    int rowForNew(const QJsonObject &item) const override;
    PeopleDirectory *people() const { return m_people; }

private:
    QStringList names(const QJsonValue &ids) const;
    PeopleDirectory *m_people;
};

// A contact's activity feed: comments of its card and of its tasks, newest first, each
// tagged with its task.
class ActivityModel : public CommentThreadModel
{
    Q_OBJECT
public:
    using CommentThreadModel::CommentThreadModel;

protected:
    int rowForNew(const QJsonObject &) const override { return 0; }
};

} // namespace linecard
