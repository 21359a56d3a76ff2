#include "clientbench.h"

#include "common/benchdata.h"
#include "common/benchhttp.h"
#include "common/benchprogram.h"
#include "common/benchserver.h"
#include "common/clienthome.h"
#include "common/samples.h"

#include "models/tasklistmodel.h"
#include "server/store/database.h"
#include "ui/shell/clientstartup.h"
#include "ui/shell/mainwindow.h"
#include "ui/tasks/taskspanel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace linecard::bench {

namespace {

const char scrollChildFlag[] = "--scroll-child";
const QString login = QStringLiteral("op1");

qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// The child: the client as linecard builds it (ClientStartup resuming the remembered
// sign-in), then the task list scrolled to its end the way a view fetches: as the
// operator reaches the bottom, one page at a time.
int runScrollChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("linecard"));
    QApplication::setOrganizationName(QStringLiteral("Linecard"));
    ui::ClientStartup startup(ui::ClientStartup::Options {});
    QElapsedTimer clock;
    int exitCode = 1;
    QObject::connect(&startup, &ui::ClientStartup::ready, &app, [&] {
        ui::TasksPanel *panel = startup.mainWindow()->tasksPanel();
        auto *kind = panel->findChild<QComboBox *>(QStringLiteral("taskFilter"));
        kind->setCurrentIndex(kind->findData(int(ui::TaskFilter::Kind::AllActive)));
        TaskListModel *model = panel->model();
        QTableView *view = panel->view();
        std::printf("rss_after_start_kib=%lld\n", statusKiB("VmRSS"));
        clock.start();
        auto *step = new QTimer(&app);
        int pages = 0;
        QObject::connect(step, &QTimer::timeout, &app, [&, step, model, view, pages]() mutable {
            if (!model->error().isEmpty()) {
                std::fprintf(stderr, "task list failed: %s\n", qPrintable(model->error()));
                app.exit(1);
                return;
            }
            if (model->isLoading())
                return;
            if (model->isAtEnd() && model->rowCount() > 0) {
                step->stop();
                std::printf("rows=%d pages=%d scroll_ms=%lld rss_kib=%lld hwm_kib=%lld\n",
                    model->rowCount(), pages, static_cast<long long>(clock.elapsed()),
                    statusKiB("VmRSS"), statusKiB("VmHWM"));
                std::fflush(stdout);
                exitCode = 0;
                app.quit();
                return;
            }
            view->scrollToBottom(); // the view asks for more once the bottom is in sight
            if (model->isLoading())
                ++pages;
        });
        step->start(0);
    });
    QTimer::singleShot(0, &startup, &ui::ClientStartup::start);
    app.exec();
    return exitCode;
}

// One start of the real linecard: from QProcess::start to its "usable" line.
struct StartFigures
{
    qint64 totalNs = 0;
    qint64 insideMs = 0; // what linecard measured itself, from QApplication on
    int rows = 0;
};

bool startOnce(
    const QString &program, const ClientHome &home, StartFigures &figures, QString &error)
{
    QProcess linecard;
    linecard.setProcessEnvironment(home.environment());
    linecard.setProcessChannelMode(QProcess::SeparateChannels);
    linecard.setReadChannel(QProcess::StandardError); // where the usable line goes
    static const QRegularExpression usable(
        QStringLiteral("usable after (\\d+) ms \\(window \\d+ ms, (\\d+) rows\\)"));
    const qint64 begin = nowNs();
    linecard.start(program, {});
    QByteArray errors;
    QElapsedTimer limit;
    limit.start();
    while (limit.elapsed() < 30000) {
        if (!linecard.waitForReadyRead(30000 - int(limit.elapsed())))
            break;
        errors += linecard.readAllStandardError();
        const auto m = usable.match(QString::fromUtf8(errors));
        if (m.hasMatch()) {
            figures.totalNs = nowNs() - begin;
            figures.insideMs = m.captured(1).toLongLong();
            figures.rows = m.captured(2).toInt();
            linecard.terminate();
            linecard.waitForFinished(5000);
            return true;
        }
    }
    linecard.kill();
    linecard.waitForFinished(5000);
    error = QStringLiteral("linecard did not report a usable window (%1, exit %2): %3")
                .arg(linecard.errorString())
                .arg(linecard.exitCode())
                .arg(QString::fromUtf8(
                    errors + linecard.readAllStandardError() + linecard.readAllStandardOutput())
                         .trimmed());
    return false;
}

} // namespace

int runClientBench(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], scrollChildFlag) == 0)
        return runScrollChild(argc, argv);

    BenchProgram::prepareEnvironment();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("linecard-bench-client"));
    BenchProgram program(app,
        QStringLiteral("The desktop client: start to a usable main window (the real linecard "
                       "program, offscreen, resuming a remembered sign-in), and memory after "
                       "scrolling the all-active-tasks list to its end."));
    program.addCount(QStringLiteral("starts"), QStringLiteral("Measured starts"), 20, 2);
    program.addCount(QStringLiteral("warmup"), QStringLiteral("Unmeasured starts first"), 2, 1);
    program.addCount(QStringLiteral("open-tasks"),
        QStringLiteral("Open tasks the scrolled list must hold (tasks are reopened to reach it)"),
        100000, 300);
    DataSpec smoke;
    smoke.contacts = 300;
    smoke.tasks = 400;
    smoke.employees = 2;
    if (!program.start(smoke))
        return 2;
    QTextStream &out = program.out();
    const int starts = program.count(QStringLiteral("starts"));
    const int warmup = program.count(QStringLiteral("warmup"));
    const int openTasks = program.count(QStringLiteral("open-tasks"));

    QString summary;
    qint64 open = 0;
    {
        BenchData data(program.dataDir());
        summary = data.summary();
        open = data.number(QStringLiteral("SELECT COUNT(*) FROM tasks WHERE status = 'open'"));
        if (open < openTasks) {
            // The list the operator scrolls is "all active tasks": reopen enough of them.
            data.db().exec(QStringLiteral("UPDATE tasks SET status = 'open' WHERE id IN (SELECT "
                                          "id FROM tasks WHERE status <> 'open' LIMIT :n)"),
                {{QStringLiteral("n"), openTasks - open}});
            const qint64 before = open;
            open = data.number(QStringLiteral("SELECT COUNT(*) FROM tasks WHERE status = 'open'"));
            out << "reopened " << (open - before) << " tasks: " << open << " are open\n";
        }
    }
    program.printHeader(summary);

    BenchServer server(program.dataDir());
    server.setSynchronous(program.synchronous());
    BenchHttp http(server.url());
    const HttpReply signIn = http.post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("login"), login},
            {QStringLiteral("password"), QStringLiteral("bench-password")}});
    const QString token = signIn.json().value(QStringLiteral("token")).toString();
    if (signIn.status != 200 || token.isEmpty()) {
        std::fprintf(stderr, "cannot sign %s in: %d %s\n", qPrintable(login), signIn.status,
            signIn.body.constData());
        return 1;
    }
    ClientHome home;
    if (!home.remember(server.url(), login, token)) {
        std::fprintf(
            stderr, "cannot write the client's settings under %s\n", qPrintable(home.path()));
        return 1;
    }
    out << "client: " << LINECARD_CLIENT_PROGRAM << " (offscreen), signed in as " << login
        << " by a remembered token; server: in-process LinecardServer on its own thread\n";
    out.flush();

    Samples total, inside;
    int rows = 0;
    for (int i = 0; i < warmup + starts; ++i) {
        StartFigures figures;
        QString error;
        if (!startOnce(QStringLiteral(LINECARD_CLIENT_PROGRAM), home, figures, error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        if (i < warmup)
            continue;
        total.add(figures.totalNs);
        inside.add(figures.insideMs * 1000000);
        rows = figures.rows;
    }
    out << total.line(QStringLiteral("process start -> main window usable")) << '\n';
    out << inside.line(QStringLiteral("QApplication -> main window usable (linecard's own)"))
        << '\n';
    out << "first page rows=" << rows << '\n';
    program.printTarget(QStringLiteral("main window usable p50"), total.percentileMs(50), 500);
    out.flush();

    QProcess child;
    child.setProcessEnvironment(home.environment());
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(scrollChildFlag)});
    if (!child.waitForFinished(600000) || child.exitCode() != 0) {
        std::fprintf(stderr, "the scrolling client failed (exit %d)\n", child.exitCode());
        return 1;
    }
    const QString report = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
    out << "scroll \"all active tasks\" to the end (" << open
        << " open tasks): " << QString(report).replace(u'\n', u' ') << '\n';
    static const QRegularExpression rssField(QStringLiteral("\\brss_kib=(\\d+)"));
    static const QRegularExpression rowsField(QStringLiteral("\\brows=(\\d+)"));
    const double rssMiB = rssField.match(report).captured(1).toDouble() / 1024.0;
    const int scrolled = rowsField.match(report).captured(1).toInt();
    out << "client memory after scrolling " << scrolled << " rows: RSS "
        << QString::number(rssMiB, 'f', 1) << " MiB\n";
    // printTarget speaks milliseconds; memory gets its own line in the same form.
    out << "target: client RSS after the scroll <= 150 MiB: " << (rssMiB <= 150 ? "met" : "MISSED")
        << " (" << QString::number(rssMiB, 'f', 1) << " MiB)\n";
    if (scrolled != open) {
        std::fprintf(stderr, "the list holds %d rows, the server has %lld open tasks\n", scrolled,
            static_cast<long long>(open));
        return 1;
    }
    return 0;
}

} // namespace linecard::bench
