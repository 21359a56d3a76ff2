#pragma once

#include "eventaudience.h"

#include "../store/database.h"
#include "../store/eventlog.h"

#include "protocol/eventtype.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace linecard::server {

using protocol::EventType;

class EventHub;

// Events gathered while a change is made. record() writes them to the event log inside the
// change's transaction — one commit, one disk flush, and no event without its change or
// change without its events — and publish() sends them once that has committed, so that no
// client hears of a change that was rolled back.
class EventBatch
{
public:
    void add(EventType type, const QJsonObject &data, const EventAudience &audience)
    {
        m_items.append({type, data, audience});
    }
    void append(EventBatch &other)
    {
        m_items += other.m_items;
        other.m_items.clear();
    }
    // Inside the transaction, just before its commit: the events in the order they were added.
    void record(EventHub &hub);
    // After the commit: records what record() has not, then delivers everything.
    void publish(EventHub &hub);
    bool isEmpty() const { return m_items.isEmpty() && m_recorded.isEmpty(); }

    // One change and its events: edit(EventBatch &) runs in a transaction and adds the events,
    // which are logged in that same transaction and sent as soon as it has committed; returns
    // edit's result once the change is on the disk (DeferredSync) — so the answer to the
    // request still means "stored", while the other clients hear of it a disk flush earlier.
    template<typename Edit> static auto change(Database &db, EventHub &hub, Edit &&edit)
    {
        EventBatch events;
        DeferredSync durable(db);
        Transaction tx(db);
        auto result = edit(events);
        events.record(hub);
        tx.commit();
        events.publish(hub);
        durable.sync();
        return result;
    }

private:
    struct Item
    {
        EventType type;
        QJsonObject data;
        EventAudience audience;
    };
    QList<Item> m_items;
    QList<StoredEvent> m_recorded;
};

} // namespace linecard::server
