// Closing the main window while a tray icon is shown only hides it: the session and the call
// pop-ups go on. Without a tray, closing closes as before; Quit and signing out close for good.
// Offscreen has no tray, so the tests tell the window directly whether one is shown.
#include "clientfixture.h"

#include "app/eventstream.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

class TestHideToTray : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    client::Session *session = nullptr;

    // As ClientStartup makes it: deleted when it really closes.
    QPointer<ui::MainWindow> openWindow()
    {
        auto *window = new ui::MainWindow(session);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->show();
        return window;
    }

    static bool deleted(const QPointer<ui::MainWindow> &window)
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        return window.isNull();
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ClientFixture>();
        session = f->signInAdmin();
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(
            session->events()->state() == client::EventStream::State::Connected, 15000);
    }

    void cleanupTestCase() { f.reset(); }

    void closeHidesWhileTheTrayIsShown()
    {
        QPointer<ui::MainWindow> window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        bool trayShown = true;
        window->setHidesToTray([&trayShown] { return trayShown; });
        QSignalSpy hidden(window.data(), &ui::MainWindow::hiddenToTray);
        QSignalSpy quitting(qApp, &QCoreApplication::aboutToQuit);

        QVERIFY(!window->close()); // the close event was ignored
        QVERIFY(!deleted(window));
        QVERIFY(window->isHidden());
        QCOMPARE(hidden.size(), 1);
        QCOMPARE(quitting.size(), 0);
        QCOMPARE(session->events()->state(), client::EventStream::State::Connected);

        // The tray brings it back, and it hides again on the next close.
        window->show();
        QVERIFY(window->isVisible());
        QVERIFY(!window->close());
        QVERIFY(window->isHidden());
        QCOMPARE(hidden.size(), 2);

        // The tray went away (the panel restarted): closing closes for real.
        window->show();
        trayShown = false;
        QVERIFY(window->close());
        QCOMPARE(hidden.size(), 2);
        QVERIFY(deleted(window));
        QCOMPARE(quitting.size(), 0);
    }

    void closeClosesWithoutATray()
    {
        QPointer<ui::MainWindow> window = openWindow();
        QSignalSpy hidden(window.data(), &ui::MainWindow::hiddenToTray);
        QVERIFY(window->close());
        QCOMPARE(hidden.size(), 0);
        QVERIFY(deleted(window));
    }

    // Qt's quit closes every visible window first: the main window closes for good then, not
    // into the tray with a "still running" notice. The injected quit does just that closing.
    void quitClosesForGoodDespiteTheTray()
    {
        QPointer<ui::MainWindow> window = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->setHidesToTray([] { return true; });
        int quits = 0;
        window->setQuitFunction([&quits] {
            ++quits;
            QApplication::closeAllWindows();
        });
        QSignalSpy hidden(window.data(), &ui::MainWindow::hiddenToTray);

        QAction *quit = window->quitAction();
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        QVERIFY(window->actions().contains(quit)); // works with the account menu closed
        quit->trigger();
        QCOMPARE(quits, 1);
        QCOMPARE(hidden.size(), 0);
        QVERIFY(deleted(window));
    }

    // Signing out ends the window's session: it closes instead of hiding.
    void closeForGoodIgnoresTheTray()
    {
        QPointer<ui::MainWindow> window = openWindow();
        window->setHidesToTray([] { return true; });
        QSignalSpy hidden(window.data(), &ui::MainWindow::hiddenToTray);
        window->closeForGood();
        QCOMPARE(hidden.size(), 0);
        QVERIFY(deleted(window));
    }
};

QTEST_MAIN(TestHideToTray)
#include "tst_hidetotray.moc"
