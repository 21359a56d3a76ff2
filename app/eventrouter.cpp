#include "eventrouter.h"

#include "eventstream.h"

#include "protocol/jsonid.h"

namespace linecard::client {

using protocol::EventType;

EventRouter::EventRouter(EventStream *stream, QObject *parent)
    : QObject(parent)
{
    connect(stream, &EventStream::event, this, &EventRouter::route);
}

void EventRouter::route(const QString &name, const QJsonObject &data)
{
    const auto type = protocol::eventTypeFromName(name);
    if (!type)
        return; // a newer server's event: nothing here knows it
    switch (*type) {
    case EventType::TaskCreated:
        emit taskCreated(data);
        break;
    case EventType::TaskUpdated:
        emit taskUpdated(data);
        break;
    case EventType::TaskRead:
        emit taskRead(data);
        break;
    case EventType::CommentCreated:
        emit commentCreated(data);
        break;
    case EventType::CommentUpdated:
        emit commentUpdated(data);
        break;
    case EventType::CommentDeleted:
        emit commentDeleted(data);
        break;
    case EventType::ContactUpdated:
        emit contactUpdated(data);
        break;
    case EventType::ContactMerged:
        emit contactMerged(data);
        break;
    case EventType::CallRinging:
    case EventType::CallAnswered:
    case EventType::CallEnded:
    case EventType::CallMissed:
    case EventType::CallUpdated:
        emit callEvent(*type, data);
        break;
    case EventType::CallDialFailed:
        emit dialFailed(data.value(QStringLiteral("phone")).toString(),
            data.value(QStringLiteral("error")).toString());
        break;
    case EventType::LineUpdated:
        emit lineUpdated(data);
        break;
    case EventType::LineDeleted:
        emit lineDeleted(protocol::idOf(data), data.value(QStringLiteral("name")).toString());
        break;
    case EventType::PersonCreated:
    case EventType::PersonUpdated:
        emit personChanged(data);
        break;
    case EventType::ProviderCreated:
    case EventType::ProviderUpdated:
        emit providerChanged(data);
        break;
    case EventType::ProviderDeleted:
        emit providerDeleted(protocol::idOf(data));
        break;
    case EventType::SettingsUpdated:
        emit settingsUpdated(data);
        break;
    }
}

} // namespace linecard::client
