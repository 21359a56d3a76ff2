#include "eventtype.h"

#include <QHash>

#include <array>
#include <utility>

namespace linecard::protocol {

namespace {

using Entry = std::pair<EventType, const char *>;
constexpr std::array<Entry, 22> names {{
    {EventType::TaskCreated, "task.created"},
    {EventType::TaskUpdated, "task.updated"},
    {EventType::TaskRead, "task.read"},
    {EventType::CommentCreated, "comment.created"},
    {EventType::CommentUpdated, "comment.updated"},
    {EventType::CommentDeleted, "comment.deleted"},
    {EventType::ContactUpdated, "contact.updated"},
    {EventType::ContactMerged, "contact.merged"},
    {EventType::CallRinging, "call.ringing"},
    {EventType::CallAnswered, "call.answered"},
    {EventType::CallEnded, "call.ended"},
    {EventType::CallMissed, "call.missed"},
    {EventType::CallUpdated, "call.updated"},
    {EventType::CallDialFailed, "call.dialFailed"},
    {EventType::LineUpdated, "line.updated"},
    {EventType::LineDeleted, "line.deleted"},
    {EventType::PersonCreated, "person.created"},
    {EventType::PersonUpdated, "person.updated"},
    {EventType::ProviderCreated, "provider.created"},
    {EventType::ProviderUpdated, "provider.updated"},
    {EventType::ProviderDeleted, "provider.deleted"},
    {EventType::SettingsUpdated, "settings.updated"},
}};

} // namespace

QString eventName(EventType type)
{
    for (const Entry &e : names)
        if (e.first == type)
            return QString::fromLatin1(e.second);
    Q_UNREACHABLE();
    return {};
}

std::optional<EventType> eventTypeFromName(const QString &name)
{
    static const QHash<QString, EventType> byName = [] {
        QHash<QString, EventType> h;
        for (const Entry &e : names)
            h.insert(QString::fromLatin1(e.second), e.first);
        return h;
    }();
    const auto it = byName.constFind(name);
    return it == byName.cend() ? std::nullopt : std::optional<EventType>(*it);
}

bool isTaskEvent(EventType type)
{
    return type == EventType::TaskCreated || type == EventType::TaskUpdated
        || type == EventType::TaskRead;
}

bool isCommentEvent(EventType type)
{
    return type == EventType::CommentCreated || type == EventType::CommentUpdated
        || type == EventType::CommentDeleted;
}

bool isCallEvent(EventType type)
{
    switch (type) {
    case EventType::CallRinging:
    case EventType::CallAnswered:
    case EventType::CallEnded:
    case EventType::CallMissed:
    case EventType::CallUpdated:
    case EventType::CallDialFailed:
        return true;
    default:
        return false;
    }
}

} // namespace linecard::protocol
