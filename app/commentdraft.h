#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace linecard::client {

class Session;
struct ApiFailure;

// What the composer holds for a task until it is sent: kept as a draft on disk
// (DraftStore, key "task:<id>") at every change, and sent as a comment of the task.
struct CommentDraft
{
    QString text;
    QList<qint64> notifiedIds;
    bool notifyTouched = false; // who is notified was picked by hand: no defaults over it
    bool hidden = false;
    QList<qint64> visibleToIds; // with hidden: who else may read it
    bool internal = false;

    static QString key(qint64 taskId);
    // As the DraftStore keeps it.
    QJsonObject toJson() const;
    static CommentDraft fromJson(const QJsonObject &json);
    // The body of POST /api/v1/tasks/{id}/comments: a hidden comment is not also internal,
    // and only a hidden one names who may read it.
    QJsonObject requestBody() const;
};

// Posts the draft as a comment of the task; once it is sent, the task's draft on disk is
// gone (also when the composer has moved on to another task meanwhile). `done` or
// `failed` runs unless `context` is destroyed first; a failed send keeps the draft.
void sendComment(Session *session, qint64 taskId, const CommentDraft &draft, QObject *context,
    std::function<void(const QJsonObject &comment)> done,
    std::function<void(const ApiFailure &failure)> failed);

} // namespace linecard::client
