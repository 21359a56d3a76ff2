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
    // The region its trunk sends national numbers in ("GB"); empty: the account's region.
    QString region;

    QJsonObject toJson() const;
    static std::optional<Line> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace linecard
