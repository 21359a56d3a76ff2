#include "eventbatch.h"

#include "../events/eventhub.h"

namespace linecard::server {

void EventBatch::publish(EventHub &hub)
{
    const QList<Item> items = std::move(m_items);
    m_items.clear();
    for (const Item &item : items)
        hub.publish(item.type, item.data, item.audience);
}

} // namespace linecard::server
