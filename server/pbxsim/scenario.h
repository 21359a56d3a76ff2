#pragma once

#include "simstep.h"

#include <QList>
#include <QStringList>

namespace linecard::pbxsim {

// The call flows the simulator can play, as steps in the order a PBX would send them.
class Scenario
{
public:
    struct Options
    {
        QStringList extensions {QStringLiteral("101")};
        QString answering; // group: who answers (default: the last extension)
        int duration = 42;
        QString recordUrl;
    };

    static QStringList names();
    static QString describe(const QString &name);
    // Empty with an error for an unknown scenario or missing options.
    static QList<SimStep> build(
        const QString &name, const Options &options, bool *outgoing, QString *error);

private:
    static QList<SimStep> answered(const Options &o, bool withRecording);
};

} // namespace linecard::pbxsim
