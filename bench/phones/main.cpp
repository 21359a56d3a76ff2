// linecard-bench-phones: what reading a phone number with libphonenumber costs — the parse
// every caller id, lookup, contact save and search term goes through (issue 19). CPU only,
// no data directory: a fixed mix of numbers as people and PBXs write them, parsed in turns.
#include "common/benchprogram.h"
#include "common/samples.h"

#include "models/phonenumber.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

using namespace linecard;
using namespace linecard::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-phones"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Parses a mix of phone numbers in batches of 1,000 and prints the cost per number."));
    parser.addHelpOption();
    const QCommandLineOption batches(QStringLiteral("batches"),
        QStringLiteral("Batches of 1,000 (default 500)."), QStringLiteral("n"),
        QStringLiteral("500"));
    const QCommandLineOption smoke(QStringLiteral("smoke"), QStringLiteral("Five batches."));
    parser.addOptions({batches, smoke});
    parser.process(app);
    const int batchCount = parser.isSet(smoke) ? 5 : qMax(1, parser.value(batches).toInt());

    // The caller ids and typed numbers the server reads: national and international, with
    // extensions, other scripts' digits, other regions, withheld and invalid ones.
    const QList<std::pair<QString, QString>> mix {{QStringLiteral("8 (916) 123-45-67"), {}},
        {QStringLiteral("+79161234567"), {}}, {QStringLiteral("79161234567"), {}},
        {QStringLiteral("+7 495 123-45-67 доб. 123"), {}},
        {QStringLiteral("020 7946 0123"), QStringLiteral("GB")},
        {QStringLiteral("(716) 555-2227"), QStringLiteral("US")},
        {QStringLiteral("+44 20 7946 0123"), {}}, {QStringLiteral("00 49 30 1234567"), {}},
        {QString::fromUtf8("٨٩٠٠٥٥٥١٢٣٤"), {}}, {QStringLiteral("anonymous"), {}},
        {QStringLiteral("916 123"), {}}, {QStringLiteral("4567"), {}}};

    constexpr int batchSize = 1000;
    Samples samples;
    int valid = 0;
    for (int b = 0; b < batchCount; ++b) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < batchSize; ++i) {
            const auto &[text, region] = mix.at(i % mix.size());
            valid += PhoneNumber::parse(text, region).isValid() ? 1 : 0;
        }
        samples.add(timer.nsecsElapsed());
    }

    QFile loadavg(QStringLiteral("/proc/loadavg"));
    QString load = QStringLiteral("?");
    if (loadavg.open(QIODevice::ReadOnly))
        load = QString::fromLatin1(loadavg.readAll()).section(u' ', 0, 2);
    QTextStream out(stdout);
    out << "program=linecard-bench-phones cores=" << BenchProgram::coreCount() << " load=" << load
        << " qt=" << qVersion() << (parser.isSet(smoke) ? " SMOKE" : "") << '\n'
        << "numbers=" << batchCount * batchSize << " in a mix of " << mix.size() << " (valid "
        << valid << ")\n"
        << samples.line(QStringLiteral("batch of 1,000 parses"))
        << '\n'
        // A batch's milliseconds are its thousand numbers' microseconds each.
        << "per number: p50="
        << QString::number(samples.percentileMs(50) * 1000 / batchSize, 'f', 2)
        << " us p99=" << QString::number(samples.percentileMs(99) * 1000 / batchSize, 'f', 2)
        << " us\n";
    return 0;
}
