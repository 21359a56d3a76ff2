#pragma once

#include "models/call.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace linecard::server {

// How the stores write and read the values every table shares: times as ISO text with
// milliseconds in UTC, 0 ids and empty optional texts as NULL. One place, so that every
// store stores a time the same way.

// The time a row is written at, as stored.
QString storedNow();
// A stored time; invalid for NULL.
QDateTime timeAt(const QSqlQuery &row, int column);
// A time to store; NULL when invalid.
QVariant timeValue(const QDateTime &time);
// An optional reference: 0 is NULL.
QVariant nullableId(qint64 id);
// An optional text: empty is NULL.
QVariant nullableText(const QString &text);

// The columns of a call that the shared Call carries, in the order readCall reads them,
// each prefixed with `alias` and a dot when an alias is given.
QString callColumns(const QString &alias = {});
constexpr int callColumnCount = 17;
// Reads the callColumns starting at `first`; `unknownState` stands for a state name this
// build does not know.
Call readCall(const QSqlQuery &row, int first, Call::State unknownState);

} // namespace linecard::server
