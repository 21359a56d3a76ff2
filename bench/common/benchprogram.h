#pragma once

#include "datagen/datagenerator.h"
#include "samples.h"

#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>

class QCoreApplication;

namespace linecard::bench {

// The frame of every benchmark program: common options (--data-dir from linecard-datagen,
// or --smoke for a tiny generated data set), the environment line (cores, load, build) and
// the output stream. Raises the open-files limit, as a thousand sockets need.
class BenchProgram
{
public:
    // Before the QCoreApplication: the event dispatcher linecard-server runs with (its
    // main.cpp sets QT_NO_GLIB), for the server's thread and the clients' alike.
    static void prepareEnvironment();

    BenchProgram(QCoreApplication &app, const QString &description);

    // An integer option with its full-size and --smoke defaults.
    void addCount(const QString &name, const QString &description, int full, int smoke);
    void addOption(const QCommandLineOption &option) { m_parser.addOption(option); }

    // Parses the command line and prepares the data directory (generating the --smoke set
    // from smokeSpec). Prints the reason and returns false when it cannot.
    bool start(DataSpec smokeSpec);

    QString dataDir() const { return m_dataDir; }
    // --database: the PostgreSQL database the servers and the set-up use instead of the data
    // directory's SQLite file ("" for SQLite). Process-wide, as BenchData and BenchServer
    // read it wherever a benchmark makes them.
    static QString databaseUrl();
    // --second-instance: the event streams go to a second server on the same database.
    bool secondInstance() const { return isSet(QStringLiteral("second-instance")); }
    bool smoke() const { return m_smoke; }
    // "FULL" (the server's) or "NORMAL": for BenchServer::setSynchronous.
    QString synchronous() const { return m_synchronous; }
    int count(const QString &name) const;
    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QTextStream &out() { return m_out; }

    // "program=… cores=2 load=… build=… qt=…" and what the data holds.
    void printHeader(const QString &dataSummary);
    // "target: p99 ≤ 10 ms: met|MISSED (p99=…)"
    void printTarget(const QString &what, double valueMs, double limitMs);
    // "cpu: … ms per <unit> (client and server threads of this process)"
    void printCpu(qint64 cpuNs, int count, const QString &unit);
    // "floor: p50=… p99=… (bare relay, <what>) ratio: p50=×… p99=×…" — the same path through
    // a BareRelay in the same run; with goalRatio > 0 also "target: <what> p99 <= N× floor".
    void printFloor(
        const QString &what, const Samples &ours, const Samples &floor, double goalRatio = 0);

    static int coreCount();

private:
    QCoreApplication &m_app;
    QCommandLineParser m_parser;
    struct Count
    {
        QString name;
        int full;
        int smoke;
    };
    QList<Count> m_counts;
    QString m_dataDir;
    bool m_smoke = false;
    QString m_synchronous;
    std::unique_ptr<QTemporaryDir> m_smokeDir;
    QTextStream m_out;
};

} // namespace linecard::bench
