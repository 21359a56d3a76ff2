#pragma once

#include "models/accountsettings.h"
#include "models/visibility.h"

#include <QJsonObject>

#include <optional>

namespace linecard::server {

// Who may receive an event, as facts the pure visibility rule decides on at delivery
// time (live or on replay), with the settings in force then.
struct EventAudience
{
    enum class Scope
    {
        Employees,
        EmployeesAndPerson,
        Task,
        Card,
        People, // only these employees (the targets of a call)
        TaskLost, // who could see `task` but cannot see `after`: told only that it changed
        Person // this one person alone, whoever it is (their own read marks)
    };

    Scope scope = Scope::Employees;
    qint64 personId = 0; // EmployeesAndPerson, Card (the card's contact), Person
    visibility::TaskAudience task; // Task, TaskLost (before the change)
    visibility::TaskAudience after; // TaskLost
    std::optional<visibility::CommentAudience> comment; // Task/Card: the comment to check
    QList<qint64> personIds; // People

    bool admits(const visibility::Viewer &viewer, const AccountSettings &settings) const;

    QJsonObject toJson() const;
    static EventAudience fromJson(const QJsonObject &json);

    static EventAudience employees() { return {}; }
    static EventAudience employeesAnd(qint64 personId);
    static EventAudience forTask(const visibility::TaskAudience &task,
        std::optional<visibility::CommentAudience> comment = std::nullopt);
    static EventAudience forCard(qint64 contactId, const visibility::CommentAudience &comment);
    static EventAudience people(const QList<qint64> &personIds);
    static EventAudience only(qint64 personId);
    static EventAudience taskLost(
        const visibility::TaskAudience &before, const visibility::TaskAudience &after);
};

} // namespace linecard::server
