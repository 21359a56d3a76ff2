#pragma once

#include "simrequest.h"
#include "simstep.h"

#include <QList>

namespace linecard::pbxsim {

// Writes steps as the HTTP requests of one provider format.
class SimFormat
{
public:
    enum class Kind
    {
        PlanFix,
        Zammad
    };

    SimFormat(Kind kind, const QString &token, bool json = false)
        : m_kind(kind)
        , m_token(token)
        , m_json(json)
    { }

    static bool fromName(const QString &name, Kind *kind);

    // Empty when the format has nothing for this step (Zammad has no per-leg hangup).
    QList<SimRequest> write(const SimCall &call, const SimStep &step) const;

private:
    QList<SimRequest> planFix(const SimCall &call, const SimStep &step) const;
    QList<SimRequest> zammad(const SimCall &call, const SimStep &step) const;
    SimRequest zammadRequest(const QList<std::pair<QString, QString>> &fields) const;

    Kind m_kind;
    QString m_token;
    bool m_json;
};

} // namespace linecard::pbxsim
