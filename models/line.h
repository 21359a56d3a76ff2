#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace linecard {

// An external phone number of the company (PlanFix "внешняя линия").
struct Line
{
    qint64 id = 0;
    QString number;
    QString name;
    QString color; // "#rrggbb"
    QList<qint64> employeeIds;

    QJsonObject toJson() const;
    static std::optional<Line> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace linecard
