#include "makecalllistener.h"
#include "scenario.h"
#include "simclient.h"
#include "simformat.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTextStream>

#include <cstdio>

using namespace linecard::pbxsim;

// linecard-pbx-sim: a PBX on the command line. Plays call scenarios against a Linecard
// server in PlanFix or Zammad format, or listens as the PBX for click-to-call.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-pbx-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LINECARD_VERSION));
    QTextStream out(stdout);

    QCommandLineParser parser;
    QString scenarios;
    for (const QString &name : Scenario::names())
        scenarios += QStringLiteral("\n  %1  %2").arg(name, -14).arg(Scenario::describe(name));
    parser.setApplicationDescription(
        QStringLiteral("Simulates a PBX talking to a Linecard server.\nScenarios:") + scenarios
        + QStringLiteral("\n  listen          acts as the PBX for click-to-call and prints "
                         "each makeCall it receives as a JSON line"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"),
        QStringLiteral("The Linecard server."), QStringLiteral("url"),
        QStringLiteral("http://127.0.0.1:8080"));
    const QCommandLineOption formatOpt(QStringLiteral("format"),
        QStringLiteral("planfix or zammad."), QStringLiteral("format"), QStringLiteral("planfix"));
    const QCommandLineOption tokenOpt(
        QStringLiteral("token"), QStringLiteral("The provider token."), QStringLiteral("token"));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QStringLiteral("Zammad: send JSON instead of form data."));
    const QCommandLineOption callIdOpt(QStringLiteral("callid"),
        QStringLiteral("The PBX call id (default: a new one)."), QStringLiteral("id"));
    const QCommandLineOption phoneOpt(QStringLiteral("phone"),
        QStringLiteral("The customer's number."), QStringLiteral("number"),
        QStringLiteral("+79161234567"));
    const QCommandLineOption lineOpt(QStringLiteral("line"),
        QStringLiteral("The company's line (diversion)."), QStringLiteral("number"),
        QStringLiteral("+74951200001"));
    const QCommandLineOption extOpt(QStringLiteral("ext"),
        QStringLiteral("Extensions, comma-separated."), QStringLiteral("list"),
        QStringLiteral("101"));
    const QCommandLineOption answerOpt(QStringLiteral("answer"),
        QStringLiteral("group: the extension that answers."), QStringLiteral("ext"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"),
        QStringLiteral("Talk time in seconds."), QStringLiteral("seconds"), QStringLiteral("42"));
    const QCommandLineOption recordOpt(
        QStringLiteral("record"), QStringLiteral("A recording link."), QStringLiteral("url"));
    const QCommandLineOption portOpt(QStringLiteral("port"),
        QStringLiteral("listen: the port (0 = any free one)."), QStringLiteral("port"),
        QStringLiteral("0"));
    const QCommandLineOption onceOpt(
        QStringLiteral("once"), QStringLiteral("listen: exit after the first request."));
    const QCommandLineOption replyOpt(QStringLiteral("reply-status"),
        QStringLiteral("listen: the HTTP status to answer."), QStringLiteral("status"),
        QStringLiteral("200"));
    parser.addOptions({serverOpt, formatOpt, tokenOpt, jsonOpt, callIdOpt, phoneOpt, lineOpt,
        extOpt, answerOpt, durationOpt, recordOpt, portOpt, onceOpt, replyOpt});
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("What to play."));
    parser.process(app);

    auto fail = [&](const QString &message) {
        std::fprintf(stderr, "linecard-pbx-sim: %s\n", qPrintable(message));
        return 2;
    };
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("name one scenario (see --help)"));
    const QString scenario = parser.positionalArguments().first();

    if (scenario == QLatin1String("listen")) {
        auto *listener = new MakeCallListener(parser.value(replyOpt).toInt(), &app);
        const quint16 port
            = listener->start(QHostAddress::LocalHost, quint16(parser.value(portOpt).toUInt()));
        if (!port)
            return fail(QStringLiteral("cannot listen on port %1").arg(parser.value(portOpt)));
        out << "listening on http://127.0.0.1:" << port << Qt::endl;
        const bool once = parser.isSet(onceOpt);
        QObject::connect(
            listener, &MakeCallListener::received, &app, [&out, once](const QJsonObject &request) {
                out << QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))
                    << Qt::endl;
                if (once) // after the answer has been written
                    QMetaObject::invokeMethod(
                        qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
            });
        return app.exec();
    }

    SimFormat::Kind kind;
    if (!SimFormat::fromName(parser.value(formatOpt), &kind))
        return fail(QStringLiteral("--format must be planfix or zammad"));
    if (parser.value(tokenOpt).isEmpty())
        return fail(QStringLiteral("--token is required"));
    const QUrl server(parser.value(serverOpt));
    if (!server.isValid() || server.host().isEmpty())
        return fail(QStringLiteral("--server must be a URL"));

    Scenario::Options options;
    options.extensions = parser.value(extOpt).split(u',', Qt::SkipEmptyParts);
    options.answering = parser.value(answerOpt);
    options.duration = parser.value(durationOpt).toInt();
    options.recordUrl = parser.value(recordOpt);
    bool outgoing = false;
    QString error;
    const QList<SimStep> steps = Scenario::build(scenario, options, &outgoing, &error);
    if (steps.isEmpty())
        return fail(error);

    SimCall call;
    call.callId = parser.isSet(callIdOpt)
        ? parser.value(callIdOpt)
        : QStringLiteral("sim-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    call.outgoing = outgoing;
    call.phone = parser.value(phoneOpt);
    call.line = parser.value(lineOpt);
    const SimFormat format(kind, parser.value(tokenOpt), parser.isSet(jsonOpt));
    QList<SimRequest> requests;
    for (const SimStep &step : steps)
        requests += format.write(call, step);
    if (requests.isEmpty())
        return fail(QStringLiteral("%1 has nothing to send in this format").arg(scenario));

    out << "call " << call.callId << Qt::endl;
    SimClient client(server, out);
    QObject::connect(&client, &SimClient::finished, &app,
        [](bool allOk) { QCoreApplication::exit(allOk ? 0 : 1); });
    QMetaObject::invokeMethod(
        &client, [&] { client.run(requests); }, Qt::QueuedConnection);
    return app.exec();
}
