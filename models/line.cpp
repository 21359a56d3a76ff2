#include "line.h"

#include "jsonread.h"

namespace linecard {

QJsonObject Line::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("number"), number},
        {QStringLiteral("name"), name}, {QStringLiteral("color"), color},
        {QStringLiteral("employeeIds"), idsToJson(employeeIds)},
        {QStringLiteral("region"), region}};
}

std::optional<Line> Line::fromJson(const QJsonObject &json, QString *error)
{
    JsonRead r(json);
    Line l;
    l.id = r.requiredId(QStringLiteral("id"));
    l.number = r.requiredString(QStringLiteral("number"));
    l.name = r.string(QStringLiteral("name"));
    l.color = r.string(QStringLiteral("color"));
    l.employeeIds = r.ids(QStringLiteral("employeeIds"));
    l.region = r.string(QStringLiteral("region"));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return l;
}

} // namespace linecard
