#pragma once

#include "models/line.h"

#include <QList>
#include <QString>

#include <optional>

namespace linecard::server {

class Database;

// Whom a call goes to: the employee who has the extension the PBX names; when it names
// none, the line's own employees (a shared handset), else the contact's responsible,
// else everyone. Deactivated employees count nowhere here: their extensions are as good
// as unknown until they are reactivated (the PBX may still have the handset).
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
    bool isActiveEmployee(qint64 personId);

    Database &m_db;
};

} // namespace linecard::server
