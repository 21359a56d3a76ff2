#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace linecard {

// A call's record as text. The server writes it once in English and UTC for API consumers
// (the comment's text); the client draws it again from the comment's structured data — the
// call and its "callRecord" facts (line, caller's name, who answered, as they were) — in the
// viewer's language and local time.
class CallRecordText
{
    Q_DECLARE_TR_FUNCTIONS(CallRecordText)
public:
    // The record in the UI's language (Markdown): call is Call JSON, record the comment's
    // "callRecord" object.
    static QString localized(const QJsonObject &call, const QJsonObject &record);

    // Names and numbers come from PBXs and people: they must not turn into Markdown.
    static QString escaped(const QString &text);
    // 0:42, 12:05, 1:02:03
    static QString clock(int seconds);
    // Whether the PBX's end reason says anything the record does not say already: nothing
    // for a normal hang-up after a talk, nor "missed" for a missed call.
    static bool reasonWorthSaying(const QString &reason, bool talked, bool missed);
};

} // namespace linecard
