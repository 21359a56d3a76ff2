#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace linecard::ui {

// What the task list shows, as the API query it becomes and as the test a live task event
// must pass to enter (or stay in) the list.
struct TaskFilter
{
    enum class Kind
    {
        MyActive, // status=active&assigneeId=me
        AllActive,
        Done,
        ByContact, // every status: the client's history
        ByAssignee, // active tasks of one person
        All, // a contact's simplified list: everything it may see
    };

    Kind kind = Kind::MyActive;
    qint64 meId = 0;
    qint64 contactId = 0;
    qint64 assigneeId = 0;
    QString text;

    QUrlQuery query() const;
    // A task (API JSON) belongs in the list; the server's word search is approximated by
    // "every word occurs in the title or description".
    bool matches(const QJsonObject &task) const;
    // The filter needs a person that has not been chosen yet: show nothing.
    bool isIncomplete() const;
};

} // namespace linecard::ui
