#include "jsonid.h"

#include <QJsonArray>

namespace linecard::protocol {

qint64 idOf(const QJsonValue &value)
{
    return value.toInteger();
}

qint64 idOf(const QJsonObject &object, const QString &key)
{
    return idOf(object.value(key));
}

QList<qint64> idsOf(const QJsonValue &array)
{
    QList<qint64> ids;
    for (const QJsonValue &v : array.toArray())
        ids.append(idOf(v));
    return ids;
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace linecard::protocol
