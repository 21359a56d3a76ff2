#pragma once

#include "../events/eventaudience.h"
#include "../store/eventlog.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace linecard::server {

class EventHub;

// Events gathered while a change is made. record() writes them to the event log inside the
// change's transaction — one commit, one disk flush, and no event without its change or
// change without its events — and publish() sends them once that has committed, so that no
// client hears of a change that was rolled back.
class EventBatch
{
public:
    void add(const QString &type, const QJsonObject &data, const EventAudience &audience)
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

private:
    struct Item
    {
        QString type;
        QJsonObject data;
        EventAudience audience;
    };
    QList<Item> m_items;
    QList<StoredEvent> m_recorded;
};

} // namespace linecard::server
