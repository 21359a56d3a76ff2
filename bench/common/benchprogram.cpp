#include "benchprogram.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sys/resource.h>

#include <cstdio>
#include <thread>

namespace linecard::bench {

static QString &databaseUrlSetting()
{
    static QString url;
    return url;
}

QString BenchProgram::databaseUrl()
{
    return databaseUrlSetting();
}

static rlim_t raiseOpenFilesLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

void BenchProgram::prepareEnvironment()
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

BenchProgram::BenchProgram(QCoreApplication &app, const QString &description)
    : m_app(app)
    , m_out(stdout)
{
    raiseOpenFilesLimit();
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
    m_parser.addOption({QStringLiteral("data-dir"),
        QStringLiteral("A data directory made by linecard-datagen (the benchmark adds what it "
                       "needs to it)."),
        QStringLiteral("dir")});
    m_parser.addOption({QStringLiteral("synchronous"),
        QStringLiteral("SQLite synchronous mode of the server's connection: FULL (the "
                       "server's own, an fsync per commit) or NORMAL (no fsync per commit in "
                       "WAL mode: survives a killed process, not a power loss), to see what "
                       "the disk costs."),
        QStringLiteral("mode"), QStringLiteral("FULL")});
    m_parser.addOption({QStringLiteral("database"),
        QStringLiteral("A PostgreSQL database (postgresql://user:password@host:port/dbname) "
                       "holding a data set (linecard-server --import-sqlite of a "
                       "linecard-datagen directory): the server and the set-up use it instead "
                       "of --data-dir."),
        QStringLiteral("url")});
    m_parser.addOption({QStringLiteral("second-instance"),
        QStringLiteral("With --database: a second server instance on the same database; the "
                       "operators' event streams connect to it, the PBX and the writes go to "
                       "the first.")});
    m_parser.addOption({QStringLiteral("smoke"),
        QStringLiteral("Run on a tiny generated data set in a temporary directory, briefly: "
                       "checks that the program works, measures nothing.")});
}

void BenchProgram::addCount(const QString &name, const QString &description, int full, int smoke)
{
    m_parser.addOption(
        {name, description + QStringLiteral(" (default %1; %2 with --smoke)").arg(full).arg(smoke),
            QStringLiteral("n")});
    m_counts.append({name, full, smoke});
}

int BenchProgram::count(const QString &name) const
{
    for (const Count &c : m_counts) {
        if (c.name != name)
            continue;
        if (!m_parser.isSet(name))
            return m_smoke ? c.smoke : c.full;
        bool ok = false;
        const int n = m_parser.value(name).toInt(&ok);
        return ok && n >= 0 ? n : (m_smoke ? c.smoke : c.full);
    }
    return 0;
}

bool BenchProgram::start(DataSpec smokeSpec)
{
    m_parser.process(m_app);
    m_smoke = m_parser.isSet(QStringLiteral("smoke"));
    m_synchronous = m_parser.value(QStringLiteral("synchronous")).toUpper();
    if (m_synchronous != QLatin1String("FULL") && m_synchronous != QLatin1String("NORMAL")) {
        std::fprintf(stderr, "--synchronous is FULL or NORMAL\n");
        return false;
    }
    if (m_smoke) {
        m_smokeDir = std::make_unique<QTemporaryDir>();
        smokeSpec.dataDir = m_smokeDir->path();
        QString log;
        QTextStream logStream(&log);
        try {
            DataGenerator(smokeSpec).run(logStream);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "cannot generate the smoke data: %s\n", e.what());
            return false;
        }
        m_dataDir = smokeSpec.dataDir;
        return true;
    }
    databaseUrlSetting() = m_parser.value(QStringLiteral("database"));
    m_dataDir = m_parser.value(QStringLiteral("data-dir"));
    if (!databaseUrl().isEmpty()) {
        // The servers' local files only.
        m_smokeDir = std::make_unique<QTemporaryDir>();
        if (m_dataDir.isEmpty())
            m_dataDir = m_smokeDir->path();
        return true;
    }
    if (m_parser.isSet(QStringLiteral("second-instance"))) {
        std::fprintf(stderr, "--second-instance needs --database (PostgreSQL)\n");
        return false;
    }
    if (m_dataDir.isEmpty()) {
        std::fprintf(stderr, "--data-dir (made by linecard-datagen) or --smoke is required\n");
        return false;
    }
    if (!QFile::exists(QDir(m_dataDir).filePath(QStringLiteral("linecard.sqlite")))) {
        std::fprintf(stderr, "%s holds no linecard.sqlite: run linecard-datagen first\n",
            qPrintable(m_dataDir));
        return false;
    }
    return true;
}

int BenchProgram::coreCount()
{
    return int(std::thread::hardware_concurrency());
}

void BenchProgram::printHeader(const QString &dataSummary)
{
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    QString load = QStringLiteral("?");
    if (loadavg.open(QIODevice::ReadOnly))
        load = QString::fromLatin1(loadavg.readAll()).section(u' ', 0, 2);
    rlimit files {};
    getrlimit(RLIMIT_NOFILE, &files);
    m_out << "program=" << QCoreApplication::applicationName() << " cores=" << coreCount()
          << " load=" << load << " build=" << LINECARD_BUILD_TYPE << " qt=" << qVersion()
          << " nofile=" << qulonglong(files.rlim_cur) << " synchronous=" << m_synchronous
          << " QT_NO_GLIB=" << qEnvironmentVariable("QT_NO_GLIB") << (m_smoke ? " SMOKE" : "")
          << '\n'
          << "data="
          << (databaseUrl().isEmpty() ? m_dataDir
                                      : QStringLiteral("PostgreSQL ") + QUrl(databaseUrl()).path())
          << (secondInstance() ? " (two instances)" : "") << " (" << dataSummary << ")\n";
    m_out.flush();
}

void BenchProgram::printCpu(qint64 cpuNs, int count, const QString &unit)
{
    m_out << "cpu: " << QString::number(double(cpuNs) / 1e6 / qMax(1, count), 'f', 2) << " ms per "
          << unit << " (client and server threads of this process; the wall-clock figures "
          << "above also hold waiting for the cores)\n";
    m_out.flush();
}

void BenchProgram::printTarget(const QString &what, double valueMs, double limitMs)
{
    m_out << "target: " << what << " <= " << limitMs
          << " ms: " << (valueMs <= limitMs ? "met" : "MISSED") << " ("
          << QString::number(valueMs, 'f', 2) << " ms)"
          << (m_smoke ? " [smoke run: not a measurement]" : "") << '\n';
    m_out.flush();
}

void BenchProgram::printFloor(
    const QString &what, const Samples &ours, const Samples &floor, double goalRatio)
{
    auto ratio = [](double a, double b) {
        return b > 0 ? QStringLiteral("x") + QString::number(a / b, 'f', 2) : QStringLiteral("?");
    };
    const double p50 = floor.percentileMs(50), p99 = floor.percentileMs(99);
    m_out << "floor: p50=" << QString::number(p50, 'f', 3)
          << " ms p99=" << QString::number(p99, 'f', 3) << " ms (bare relay, " << what
          << ", count=" << floor.count() << ") ratio: p50=" << ratio(ours.percentileMs(50), p50)
          << " p99=" << ratio(ours.percentileMs(99), p99) << '\n';
    if (goalRatio > 0) {
        const double achieved = p99 > 0 ? ours.percentileMs(99) / p99 : 0;
        m_out << "target: " << what << " p99 <= " << goalRatio
              << "x floor: " << (p99 > 0 && achieved <= goalRatio ? "met" : "MISSED") << " (x"
              << QString::number(achieved, 'f', 2) << ')'
              << (m_smoke ? " [smoke run: not a measurement]" : "") << '\n';
    }
    m_out.flush();
}

} // namespace linecard::bench
