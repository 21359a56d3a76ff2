#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace linecard::protocol {

// Ids on the wire are JSON integers; 0 stands for "none" (absent, null, or not an integer).
// The one way both halves read them.
qint64 idOf(const QJsonValue &value);
qint64 idOf(const QJsonObject &object, const QString &key = QStringLiteral("id"));
QList<qint64> idsOf(const QJsonValue &array);
// The other way: a list of ids as a JSON array.
QJsonArray idArray(const QList<qint64> &ids);

} // namespace linecard::protocol
