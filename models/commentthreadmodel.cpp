#include "commentthreadmodel.h"

#include "callrecordtext.h"
#include "peopledirectory.h"
#include "protocol/jsonid.h"

#include <QDateTime>
#include <QJsonArray>

namespace linecard {

CommentThreadModel::CommentThreadModel(PeopleDirectory *people, QObject *parent)
    : PagedListModel(parent)
    , m_people(people)
{
    connect(people, &PeopleDirectory::personChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, 0));
    });
}

QHash<int, QByteArray> CommentThreadModel::roleNames() const
{
    QHash<int, QByteArray> names = PagedListModel::roleNames();
    names.insert(AuthorIdRole, "authorId");
    names.insert(AuthorNameRole, "authorName");
    names.insert(TextRole, "text");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(HiddenRole, "hidden");
    names.insert(InternalRole, "internal");
    names.insert(ExternalRole, "external");
    names.insert(NotifiedNamesRole, "notifiedNames");
    names.insert(VisibleToNamesRole, "visibleToNames");
    names.insert(TaskIdRole, "taskId");
    names.insert(TaskTitleRole, "taskTitle");
    names.insert(CallRole, "call");
    names.insert(CallRecordRole, "callRecord");
    names.insert(AuthorIsContactRole, "authorIsContact");
    return names;
}

QStringList CommentThreadModel::names(const QJsonValue &ids) const
{
    QStringList out;
    for (const QJsonValue &id : ids.toArray())
        out << m_people->name(protocol::idOf(id));
    return out;
}

// Whether id is a contact. Someone not in the directory yet is asked for, so the marker is
// not silently wrong: personChanged repaints the rows once the answer is in.
static bool isContact(PeopleDirectory *people, qint64 id)
{
    if (id && !people->person(id))
        people->name(id);
    return people->isContact(id);
}

void CommentThreadModel::markLineDeleted(qint64 lineId, const QString &name)
{
    for (int row = 0; row < rowCount(); ++row) {
        QJsonObject comment = parsedRow(row);
        QJsonObject call = comment.value(QStringLiteral("call")).toObject();
        if (call.isEmpty() || protocol::idOf(call, QStringLiteral("lineId")) != lineId)
            continue;
        call.insert(QStringLiteral("lineId"), QJsonValue());
        call.insert(QStringLiteral("lineDeleted"), true);
        call.insert(QStringLiteral("lineName"), name);
        comment.insert(QStringLiteral("call"), call);
        upsert(comment);
    }
}

QVariant CommentThreadModel::roleData(const QJsonObject &row, int, int role) const
{
    const qint64 author = protocol::idOf(row, QStringLiteral("authorId"));
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: {
        // A call's record is drawn from its data in the viewer's language and local time;
        // the server's English text is for API consumers.
        const QJsonObject record = row.value(QStringLiteral("callRecord")).toObject();
        const QJsonObject call = row.value(QStringLiteral("call")).toObject();
        if (!record.isEmpty() && !call.isEmpty())
            return CallRecordText::localized(call, record);
        return row.value(QStringLiteral("text")).toString();
    }
    case CallRecordRole:
        return !row.value(QStringLiteral("callRecord")).toObject().isEmpty();
    case AuthorIdRole:
        return author;
    case AuthorNameRole:
        return m_people->name(author);
    case AuthorIsContactRole:
        return isContact(m_people, author);
    case CreatedAtRole:
        return QDateTime::fromString(
            row.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    case HiddenRole:
        return row.value(QStringLiteral("hidden")).toBool();
    case InternalRole:
        return row.value(QStringLiteral("internal")).toBool();
    case ExternalRole: {
        // Written by a contact, or addressed to one: a client reads it.
        if (row.value(QStringLiteral("internal")).toBool()
            || row.value(QStringLiteral("hidden")).toBool())
            return isContact(m_people, author);
        if (isContact(m_people, author))
            return true;
        for (const QJsonValue &id : row.value(QStringLiteral("notifiedIds")).toArray())
            if (isContact(m_people, protocol::idOf(id)))
                return true;
        return false;
    }
    case NotifiedNamesRole:
        return names(row.value(QStringLiteral("notifiedIds")));
    case VisibleToNamesRole:
        return names(row.value(QStringLiteral("visibleToIds")));
    case TaskIdRole:
        return protocol::idOf(row, QStringLiteral("taskId"));
    case TaskTitleRole:
        return row.value(QStringLiteral("task"))
            .toObject()
            .value(QStringLiteral("title"))
            .toString();
    case CallRole:
        return row.value(QStringLiteral("call")).toObject();
    }
    return {};
}

int CommentThreadModel::rowForNew(const QJsonObject &) const
{
    // A new comment belongs at the end, once the thread is loaded that far.
    return isAtEnd() ? rowCount() : -1;
}

} // namespace linecard
