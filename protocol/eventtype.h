#pragma once

#include <QString>

#include <optional>

namespace linecard::protocol {

// Every event the stream carries; its wire name is "<resource>.<what happened>".
enum class EventType
{
    TaskCreated,
    TaskUpdated,
    TaskRead,
    CommentCreated,
    CommentUpdated,
    CommentDeleted,
    ContactUpdated,
    ContactMerged,
    CallRinging,
    CallAnswered,
    CallEnded,
    CallMissed,
    CallUpdated,
    CallDialFailed,
    LineUpdated,
    LineDeleted,
    PersonCreated,
    PersonUpdated,
    ProviderCreated,
    ProviderUpdated,
    ProviderDeleted,
    SettingsUpdated
};

QString eventName(EventType type);
// nullopt for a name this build does not know (a newer server's event).
std::optional<EventType> eventTypeFromName(const QString &name);

bool isTaskEvent(EventType type);
bool isCommentEvent(EventType type);
bool isCallEvent(EventType type); // the call.* events, dialFailed included

} // namespace linecard::protocol
