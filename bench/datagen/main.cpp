#include "datagenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace linecard::bench;

// linecard-datagen: a data directory with N contacts, tasks and comments, for the benchmarks.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-datagen"));
    QTextStream out(stdout);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates a Linecard data directory (the server's SQLite schema) for the benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption dirOpt(QStringLiteral("data-dir"),
        QStringLiteral("The data directory to create."), QStringLiteral("dir"));
    const QCommandLineOption contactsOpt(QStringLiteral("contacts"),
        QStringLiteral("Contacts, companies included."), QStringLiteral("n"),
        QStringLiteral("10000"));
    const QCommandLineOption companiesOpt(QStringLiteral("companies"),
        QStringLiteral("Companies among them (default: one in 50)."), QStringLiteral("n"));
    const QCommandLineOption employeesOpt(QStringLiteral("employees"),
        QStringLiteral("Operators op1..opN with extensions 101…, password --employee-password."),
        QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption tasksOpt(QStringLiteral("tasks"),
        QStringLiteral("Tasks (default: one per 10 contacts)."), QStringLiteral("n"));
    const QCommandLineOption commentsOpt(QStringLiteral("comments-per-task"),
        QStringLiteral("Comments on each task."), QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed."),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption adminLoginOpt(QStringLiteral("admin-login"),
        QStringLiteral("The administrator's login."), QStringLiteral("login"),
        QStringLiteral("admin"));
    const QCommandLineOption adminPasswordOpt(QStringLiteral("admin-password"),
        QStringLiteral("The administrator's password."), QStringLiteral("password"),
        QStringLiteral("admin-password"));
    const QCommandLineOption employeePasswordOpt(QStringLiteral("employee-password"),
        QStringLiteral("Every operator's password."), QStringLiteral("password"),
        QStringLiteral("bench-password"));
    const QCommandLineOption forceOpt(
        QStringLiteral("force"), QStringLiteral("Replace a database already in the directory."));
    const QCommandLineOption smokeOpt(QStringLiteral("smoke"),
        QStringLiteral("A tiny data set in a temporary directory (for the build's smoke test)."));
    parser.addOptions({dirOpt, contactsOpt, companiesOpt, employeesOpt, tasksOpt, commentsOpt,
        seedOpt, adminLoginOpt, adminPasswordOpt, employeePasswordOpt, forceOpt, smokeOpt});
    parser.process(app);

    auto number = [&parser](const QCommandLineOption &option, qint64 fallback) {
        if (!parser.isSet(option))
            return fallback;
        bool ok = false;
        const qint64 n = parser.value(option).toLongLong(&ok);
        if (!ok || n < 0) {
            std::fprintf(stderr, "--%s wants a number\n", qPrintable(option.names().first()));
            std::exit(2);
        }
        return n;
    };

    DataSpec spec;
    QTemporaryDir smokeDir;
    if (parser.isSet(smokeOpt)) {
        spec.dataDir = smokeDir.path();
        spec.contacts = 500;
        spec.tasks = 50;
        spec.employees = 5;
    } else {
        if (!parser.isSet(dirOpt)) {
            std::fprintf(stderr, "--data-dir is required\n");
            return 2;
        }
        spec.dataDir = parser.value(dirOpt);
        spec.contacts = number(contactsOpt, spec.contacts);
        spec.companies = number(companiesOpt, -1);
        spec.employees = int(number(employeesOpt, spec.employees));
        spec.tasks = number(tasksOpt, -1);
    }
    spec.commentsPerTask = int(number(commentsOpt, spec.commentsPerTask));
    spec.seed = quint32(number(seedOpt, spec.seed));
    spec.adminLogin = parser.value(adminLoginOpt);
    spec.adminPassword = parser.value(adminPasswordOpt);
    spec.employeePassword = parser.value(employeePasswordOpt);
    spec.replace = parser.isSet(forceOpt);

    out << "generating into " << spec.dataDir << '\n';
    out.flush();
    try {
        const DataReport r = DataGenerator(spec).run(out);
        const double s = double(r.milliseconds) / 1000.0;
        out << "contacts=" << r.contacts << " companies=" << r.companies << " phones=" << r.phones
            << " emails=" << r.emails << " employees=" << r.employees << " tasks=" << r.tasks
            << " comments=" << r.comments << '\n'
            << "time=" << QString::number(s, 'f', 1) << " s ("
            << QString::number(double(r.contacts) / qMax(s, 0.001), 'f', 0) << " contacts/s)"
            << " size=" << QString::number(double(r.bytes) / (1024.0 * 1024.0), 'f', 1) << " MiB\n"
            << "administrator: " << spec.adminLogin << " / " << spec.adminPassword
            << "; operators op1..op" << spec.employees << " / " << spec.employeePassword << '\n';
    } catch (const std::exception &e) {
        std::fprintf(stderr, "linecard-datagen: %s\n", e.what());
        return 1;
    }
    return 0;
}
