#pragma once

#include "datagen/datagenerator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace linecard::bench {

class BenchProgram;

// What both screen-pop benchmarks need: a PlanFix provider and a coloured line in the data
// set, op1's extension, known callers, and the PBX's form-encoded requests.
struct PbxSetup
{
    static const QString providerToken;

    qint64 operatorId = 0;
    QString operatorToken; // op1 signed in
    QString extension;
    QStringList callers; // phone numbers of random contacts, as they were written down
    QStringList callerNames; // whose numbers they are
    QString summary; // what the data holds, for BenchProgram::printHeader

    // Adds the provider and the line when missing, signs op1 in; false when the data has no
    // op1 with an extension (the reason is in error).
    bool prepare(const QString &dataDir, int callerCount, quint32 seed, QString &error);

    // The small data set both screen-pop programs run on with --smoke.
    static DataSpec smokeData();
    // prepare() on the program's data with its "seed" count, then the program's header;
    // says why when it cannot.
    bool start(BenchProgram &program, int callerCount);

    static QByteArray planFixEvent(const QString &event, const QString &callId,
        const QString &phone, const QString &ext,
        const QList<std::pair<QString, QString>> &extra = {});
};

} // namespace linecard::bench
