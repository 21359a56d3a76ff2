#include "eventbatch.h"

#include "../events/eventhub.h"

namespace linecard::server {

void EventBatch::record(EventHub &hub)
{
    const QList<Item> items = std::move(m_items);
    m_items.clear();
    for (const Item &item : items)
        m_recorded.append(hub.record(item.type, item.data, item.audience));
}

void EventBatch::publish(EventHub &hub)
{
    record(hub);
    const QList<StoredEvent> events = std::move(m_recorded);
    m_recorded.clear();
    for (const StoredEvent &event : events)
        hub.deliver(event);
}

} // namespace linecard::server
