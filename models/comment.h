#pragma once

#include "call.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace linecard {

// A comment (PlanFix "action") on a task or on a contact's card.
struct Comment
{
    qint64 id = 0;
    qint64 taskId = 0; // set for a task comment
    qint64 contactId = 0; // set for a card comment
    qint64 authorId = 0;
    QString text; // Markdown
    QDateTime createdAt;
    QList<qint64> notifiedIds;
    bool hidden = false;
    QList<qint64> visibleToIds;
    bool internal = false;
    std::optional<Call> call;
    // Set when the server wrote this comment as a call's record: the facts clients draw it
    // from in their own language ({lineName, lineNumber, contactName, answeredBy}).
    QJsonObject callRecord;
    bool isCallRecord() const { return call && !callRecord.isEmpty(); }

    QJsonObject toJson() const;
    static std::optional<Comment> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace linecard
