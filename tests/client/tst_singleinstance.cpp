// SingleInstance: a second start hands its phone link (or an activation) to the running
// instance — two objects in this process, then the real linecard program.
#include "app/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using linecard::client::SingleInstance;

namespace {

QString uniqueName()
{
    return QStringLiteral("linecard-test-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
}

} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void nothingRunning()
    {
        SingleInstance lone(uniqueName());
        QVERIFY(!lone.handOver(QStringLiteral("tel:+79161234567")));
        QVERIFY(lone.listen());
        QVERIFY(lone.isListening());
    }

    void linkHandedOver()
    {
        const QString name = uniqueName();
        SingleInstance running(name);
        QVERIFY(running.listen());
        QSignalSpy links(&running, &SingleInstance::linkReceived);
        QSignalSpy activations(&running, &SingleInstance::activationRequested);

        SingleInstance second(name);
        QVERIFY(second.handOver(QStringLiteral("tel:+7%20916%20123-45-67;ext=12")));
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.at(0).at(0).toString(), QStringLiteral("tel:+7%20916%20123-45-67;ext=12"));
        QCOMPARE(activations.size(), 0);

        // A bare second start only asks the running one to show itself.
        SingleInstance third(name);
        QVERIFY(third.handOver(QString()));
        QCOMPARE(activations.size(), 1);
        QCOMPARE(links.size(), 1);

        // Non-ASCII and a stray line break survive as one message.
        QVERIFY(SingleInstance(name).handOver(QStringLiteral("sip:101@атс.example\nx")));
        QCOMPARE(links.size(), 2);
        QCOMPARE(links.at(1).at(0).toString(), QStringLiteral("sip:101@атс.example x"));
    }

    // Two starts at the same moment: the later listen() leaves the first one's socket alone.
    void simultaneousStartDoesNotSteal()
    {
        const QString name = uniqueName();
        SingleInstance first(name);
        SingleInstance second(name);
        QVERIFY(first.listen());
        QVERIFY(!second.listen());
        QVERIFY(!second.isListening());
        QSignalSpy links(&first, &SingleInstance::linkReceived);
        QVERIFY(second.handOver(QStringLiteral("tel:101")));
        QCOMPARE(links.size(), 1);
    }

    // A crashed instance leaves its socket file behind; nobody answers there, so the next
    // start takes the name over instead of failing.
    void staleSocketIsTakenOver()
    {
        const QString name = uniqueName();
        const QByteArray path = QFile::encodeName(QDir::tempPath() + u'/' + name);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address {};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
        std::copy(path.cbegin(), path.cend(), address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd); // bound, never listening, never unlinked: what a crash leaves
        QVERIFY(QFile::exists(QFile::decodeName(path)));

        SingleInstance next(name);
        QVERIFY(!next.handOver(QStringLiteral("tel:+79161234567")));
        QVERIFY(next.listen());
        QSignalSpy activations(&next, &SingleInstance::activationRequested);
        QVERIFY(SingleInstance(name).handOver(QString()));
        QCOMPARE(activations.size(), 1);
    }

    void namePerWorkspace()
    {
        QTemporaryDir a, b;
        QCOMPARE(SingleInstance::nameFor(a.path()), SingleInstance::nameFor(a.path() + u'/'));
        QVERIFY(SingleInstance::nameFor(a.path()) != SingleInstance::nameFor(b.path()));
        QVERIFY(SingleInstance::nameFor(QString()) != SingleInstance::nameFor(a.path()));
        QVERIFY(SingleInstance::nameFor(QString()).startsWith(QLatin1String("linecard-")));
    }

    // The real program, started as the desktop starts it for a tel: link, hands the link to
    // the instance running for the same workspace and exits 0 without opening a window.
    void realProgramHandsOver()
    {
        QTemporaryDir dataDir;
        QVERIFY(dataDir.isValid());
        SingleInstance running(SingleInstance::nameFor(dataDir.path()));
        QVERIFY(running.listen());
        QSignalSpy links(&running, &SingleInstance::linkReceived);
        QSignalSpy activations(&running, &SingleInstance::activationRequested);

        auto runClient = [&](const QStringList &args) {
            QProcess client;
            client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            // Should the hand-over fail, the client must not touch the user's own settings.
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(
                QStringLiteral("XDG_CONFIG_HOME"), dataDir.filePath(QStringLiteral("config")));
            env.insert(QStringLiteral("XDG_DATA_HOME"), dataDir.filePath(QStringLiteral("data")));
            client.setProcessEnvironment(env);
            client.start(QStringLiteral(LINECARD_CLIENT),
                QStringList {QStringLiteral("--data-dir"), dataDir.path()} + args);
            if (!client.waitForStarted(30000))
                return -1;
            QSignalSpy finished(&client, &QProcess::finished);
            // The hand-over needs this process's event loop: wait while it runs.
            if (!finished.wait(60000) && finished.isEmpty()) {
                client.kill();
                client.waitForFinished();
                return -2;
            }
            return client.exitStatus() == QProcess::NormalExit ? client.exitCode() : -3;
        };

        QCOMPARE(runClient({QStringLiteral("tel:%2B7%20916%20123-45-67")}), 0);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.at(0).at(0).toString(), QStringLiteral("tel:%2B7%20916%20123-45-67"));

        QCOMPARE(runClient({}), 0);
        QCOMPARE(activations.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
