#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace linecard {

struct Task
{
    enum class Status
    {
        Open,
        Done,
        Cancelled
    };

    qint64 id = 0;
    QString title;
    QString description;
    Status status = Status::Open;
    qint64 counterpartyId = 0;
    QList<qint64> assigneeIds;
    QList<qint64> participantIds;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastActivityAt;

    bool isActive() const { return status == Status::Open; }

    QJsonObject toJson() const;
    static std::optional<Task> fromJson(const QJsonObject &json, QString *error = nullptr);

    static QString statusName(Status status);
    static std::optional<Status> statusFromName(const QString &name);
};

} // namespace linecard
