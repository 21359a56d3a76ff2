// A phone link handed over by a second start reaches the signed-in client: the window comes
// up and offers to dial; a link that arrives before sign-in waits for it.
#include "clientfixture.h"

#include "app/singleinstance.h"
#include "ui/shell/clientstartup.h"
#include "ui/shell/desktopintegration.h"
#include "ui/shell/dialofferdialog.h"
#include "ui/shell/mainwindow.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace linecard;
using namespace linecard::testing;

class TestDesktopIntegration : public QObject
{
    Q_OBJECT

private slots:
    void linkBeforeAndAfterSignIn()
    {
        ClientFixture f;
        const QString name = QStringLiteral("linecard-test-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
        client::SingleInstance running(name);
        QVERIFY(running.listen());

        ui::ClientStartup::Options options;
        options.server = f.server().server().url();
        options.login = QStringLiteral("admin");
        ui::ClientStartup startup(options);
        ui::DesktopIntegration desktop(&startup, &running);
        QSignalSpy offered(&desktop, &ui::DesktopIntegration::dialOffered);
        QSignalSpy ready(&startup, &ui::ClientStartup::ready);
        startup.start(); // the sign-in dialog asks for the password

        // Before sign-in the link waits.
        QVERIFY(
            client::SingleInstance(name).handOver(QStringLiteral("tel:%2B7%20916%20123-45-67")));
        QCOMPARE(offered.size(), 0);

        startup.session()->signIn(
            options.server, QStringLiteral("admin"), QStringLiteral("admin-password"), false);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        QCOMPARE(offered.size(), 1);
        auto *first = qobject_cast<ui::DialOfferDialog *>(offered.at(0).at(0).value<QWidget *>());
        QVERIFY(first);
        QCOMPARE(first->number(), QStringLiteral("+79161234567"));
        QVERIFY(first->isVisible());
        QVERIFY(startup.mainWindow()->isVisible());

        // Signed in: a second start's link is offered at once, the window raised.
        startup.mainWindow()->showMinimized();
        QVERIFY(client::SingleInstance(name).handOver(QStringLiteral("sip:101@pbx.example.com")));
        QCOMPARE(offered.size(), 2);
        auto *second = qobject_cast<ui::DialOfferDialog *>(offered.at(1).at(0).value<QWidget *>());
        QVERIFY(second);
        QCOMPARE(second->number(), QStringLiteral("101"));
        QVERIFY(!(startup.mainWindow()->windowState() & Qt::WindowMinimized));

        // A bare second start only brings the window back.
        startup.mainWindow()->hide();
        QVERIFY(client::SingleInstance(name).handOver(QString()));
        QVERIFY(startup.mainWindow()->isVisible());
        QCOMPARE(offered.size(), 2);
    }

    // --minimized: signed in with the main window hidden (the tray shows it later).
    void startsMinimized()
    {
        ClientFixture f;
        ui::ClientStartup::Options options;
        options.server = f.server().server().url();
        options.minimized = true;
        ui::ClientStartup startup(options);
        ui::DesktopIntegration desktop(&startup, nullptr);
        QSignalSpy ready(&startup, &ui::ClientStartup::ready);
        startup.start();
        startup.session()->signIn(
            options.server, QStringLiteral("admin"), QStringLiteral("admin-password"), false);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        QVERIFY(startup.mainWindow());
        QVERIFY(!startup.mainWindow()->isVisible());
        desktop.activate();
        QVERIFY(startup.mainWindow()->isVisible());
    }
};

QTEST_MAIN(TestDesktopIntegration)
#include "tst_desktopintegration.moc"
