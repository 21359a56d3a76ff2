#pragma once

#include "models/line.h"

#include <QList>
#include <QString>

#include <optional>

namespace linecard::server {

class Database;

// Whom a call goes to: the employee who has the extension the PBX names; when it names
// none, the line's own employees (a shared handset), else the contact's responsible,
// else everyone.
class CallRouting
{
public:
    explicit CallRouting(Database &db)
        : m_db(db)
    { }

    qint64 byExtension(const QString &extension);
    // Zammad names agents by extension, login or name.
    qint64 byAgent(const QString &agent);
    QList<qint64> fallback(const std::optional<Line> &line, qint64 contactId);
    // The first extension of the contact's responsible employee ("" when none).
    QString responsibleExtension(qint64 contactId);

    static bool isVoicemail(const QString &agent);

private:
    Database &m_db;
};

} // namespace linecard::server
