#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace linecard::protocol {

// Ids on the wire are JSON integers; 0 stands for "none" (absent, null, or not an integer).
// The one way both halves read them.
qint64 idOf(const QJsonValue &value);
qint64 idOf(const QJsonObject &object, const QString &key = QStringLiteral("id"));
QList<qint64> idsOf(const QJsonValue &array);

} // namespace linecard::protocol
