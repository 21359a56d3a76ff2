#pragma once

#include "protocol/eventtype.h"

#include <QJsonObject>
#include <QObject>

namespace linecard::client {

class EventStream;

// Reads each event of the stream once and says what happened in a signal of its own, so
// that item models, the call centre and windows connect to what they care about instead
// of comparing type names (libQuotient's event classes, Tokodon's streaming-event map).
// The data is the event's "data" object as the API describes it (docs/api.md).
class EventRouter : public QObject
{
    Q_OBJECT
public:
    explicit EventRouter(EventStream *stream, QObject *parent = nullptr);

    // What the stream delivers, routed as if it had come from the server (tests, replays).
    void route(const QString &type, const QJsonObject &data);

signals:
    void taskCreated(const QJsonObject &task);
    void taskUpdated(const QJsonObject &task);
    // {"id" (the task), "unread", "lastReadCommentId"} or {"all": true}
    void taskRead(const QJsonObject &read);

    void commentCreated(const QJsonObject &comment);
    void commentUpdated(const QJsonObject &comment);
    void commentDeleted(const QJsonObject &comment);

    void contactUpdated(const QJsonObject &contact);
    // {"survivorId", "mergedIds": [...], "contact": the survivor as it is now}
    void contactMerged(const QJsonObject &merge);

    // Every call.* event but dialFailed: {"call": ..., and for ringing the card}.
    void callEvent(protocol::EventType type, const QJsonObject &data);
    void dialFailed(const QString &phone, const QString &error);

    void lineUpdated(const QJsonObject &line);
    // name: what the line's calls keep of it (its name, else its number).
    void lineDeleted(qint64 lineId, const QString &name);
    // person.created and person.updated: the person as it is now.
    void personChanged(const QJsonObject &person);
    // provider.created and provider.updated: the provider as it is now.
    void providerChanged(const QJsonObject &provider);
    void providerDeleted(qint64 providerId);
    void settingsUpdated(const QJsonObject &settings);
};

} // namespace linecard::client
