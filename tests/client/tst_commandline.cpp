// The real linecard program answers --version and --help where there is no display at all
// (no DISPLAY, no WAYLAND_DISPLAY, QT_QPA_PLATFORM unset): a terminal, ssh, a script.
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

class TestCommandLine : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run runWithoutDisplay(const QStringList &arguments, const QString &lang = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        if (!lang.isEmpty()) {
            env.insert(QStringLiteral("LANG"), lang);
            env.insert(QStringLiteral("LC_ALL"), lang);
            env.remove(QStringLiteral("LANGUAGE"));
        }
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(LINECARD_CLIENT), arguments);
        Run run;
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private slots:
    void versionWithoutDisplay()
    {
        for (const QString &option : {QStringLiteral("--version"), QStringLiteral("-v")}) {
            const Run run = runWithoutDisplay({option});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY2(run.out.contains(QStringLiteral(LINECARD_VERSION)), qPrintable(run.out));
            QVERIFY2(!run.err.contains(QStringLiteral("platform plugin")), qPrintable(run.err));
        }
    }

    void helpWithoutDisplay()
    {
        const Run run = runWithoutDisplay({QStringLiteral("--help")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("--server <URL>")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("--demo")));
        QVERIFY(run.out.contains(QStringLiteral("Connect to this server.")));
    }

    void helpInRussian()
    {
        const Run run
            = runWithoutDisplay({QStringLiteral("--help")}, QStringLiteral("ru_RU.UTF-8"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("--server <URL>")), qPrintable(run.out));
        // The app's description and Qt's own "Displays version information." in Russian.
        QVERIFY2(!run.out.contains(QStringLiteral("Connect to this server.")), qPrintable(run.out));
        QVERIFY2(
            !run.out.contains(QStringLiteral("Displays version information")), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
