#pragma once

#include "../events/eventaudience.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace linecard::server {

class EventHub;

// Events gathered while a change is made and published once it has committed, so that
// no client hears of a change that was rolled back.
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
    void publish(EventHub &hub);
    bool isEmpty() const { return m_items.isEmpty(); }

private:
    struct Item
    {
        QString type;
        QJsonObject data;
        EventAudience audience;
    };
    QList<Item> m_items;
};

} // namespace linecard::server
