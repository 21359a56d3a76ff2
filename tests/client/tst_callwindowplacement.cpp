// Where call windows go on a 1280×800 screen (the offscreen platform with that screen, see
// screen-1280x800.json): stacked from the top right, never over the main window's centre,
// never past the screen — also when a task opens beside the card. Real calls from the real
// server pop the windows up.
#include "callfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "ui/calls/calltaskpanel.h"
#include "ui/calls/callwindow.h"
#include "ui/calls/callwindowstack.h"
#include "ui/contacts/contactcard.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QScreen>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;
using ui::CallWindow;
using ui::CallWindowStack;

class TestCallWindowPlacement : public QObject
{
    Q_OBJECT

    static QString describe(const QRect &r)
    {
        return QStringLiteral("%1,%2 %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    }

private slots:
    void theRoomIsRightOfTheMainWindowsCentre()
    {
        const QRect screen(0, 0, 1280, 800);
        QRect room = CallWindowStack::roomBeside(screen, QRect(0, 0, 1280, 800));
        QVERIFY(room.left() > 640);
        QCOMPARE(room.right(), 1280 - 24 - 1);
        QCOMPARE(room.top(), 24);
        // A main window on the left half: its centre is further left, the room wider.
        room = CallWindowStack::roomBeside(screen, QRect(0, 0, 700, 800));
        QVERIFY(room.left() > 350 && room.left() < 400);
        // No main window shown: the screen's centre.
        room = CallWindowStack::roomBeside(screen, QRect());
        QVERIFY(room.left() > 640);
        // A tiny screen still leaves a usable window.
        room = CallWindowStack::roomBeside(QRect(0, 0, 800, 600), QRect(0, 0, 800, 600));
        QVERIFY(room.width() >= 480);
    }

    void callWindowsKeepClearOfTheMainWindow()
    {
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QCOMPARE(screen.size(), QSize(1280, 800)); // the test's platform configuration

        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = f.callerContact();
        const qint64 sofa = f.task(QStringLiteral("Delivery of the blue sofa"), anna);
        QVERIFY(anna && sofa);
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        ui::MainWindow window(session);
        window.setGeometry(screen);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.callCenter()->isLoaded());
        const QPoint centre = window.frameGeometry().center();

        for (const char *id : {"w1", "w2"})
            QCOMPARE(
                f.event(QLatin1String(id), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.callWindows()->windows().size(), 2, 15000);
        const QList<CallWindow *> windows = window.callWindows()->windows();
        for (CallWindow *w : windows) {
            QVERIFY(QTest::qWaitForWindowExposed(w));
            const QRect frame = w->frameGeometry();
            QVERIFY2(!frame.contains(centre), qPrintable(describe(frame)));
            QVERIFY2(screen.contains(frame), qPrintable(describe(frame)));
        }
        // From the top right: the first at the corner, the next one lower and to the left.
        const QRect first = windows.at(0)->frameGeometry(), second = windows.at(1)->frameGeometry();
        QVERIFY2(screen.right() - first.right() <= 40 && first.top() - screen.top() <= 40,
            qPrintable(describe(first)));
        QVERIFY(second.top() > first.top());
        QVERIFY(second.left() <= first.left());

        // A task opens: beside the card where the room holds both, else in its place — the
        // window never grows over the centre line nor past the screen.
        CallWindow *w = windows.at(0);
        w->openTask(sofa);
        QVERIFY(w->taskPanel()->isVisible());
        QApplication::processEvents();
        const QRect grown = w->frameGeometry();
        if (!screen.contains(grown)) { // what asks for the width, for the failure message
            for (QWidget *child : w->findChildren<QWidget *>())
                if (child->isVisibleTo(w) && child->minimumSizeHint().width() > 300)
                    qWarning() << child->metaObject()->className() << child->objectName()
                               << child->minimumSizeHint() << child->minimumWidth();
        }
        // Never over the centre line: the card and the task fit the room right of it
        // (their actions wrap, their values elide or wrap), and nothing in them is cut off.
        QVERIFY2(!grown.contains(centre), qPrintable(describe(grown)));
        QVERIFY2(w->minimumSizeHint().width() <= w->room().width(),
            qPrintable(QStringLiteral("%1 > %2")
                           .arg(w->minimumSizeHint().width())
                           .arg(w->room().width())));
        QVERIFY2(screen.contains(grown), qPrintable(describe(grown)));
        QVERIFY(w->card()->isVisible()); // the card's actions (merge…) stay at hand
        // The room right of the centre is ~600 px: the task gets about half of it, never
        // less than it needs (its buttons wrap rather than go past its edge).
        QVERIFY(w->taskPanel()->width() >= w->taskPanel()->minimumSizeHint().width());
        QVERIFY2(
            w->taskPanel()->width() > 260, qPrintable(QString::number(w->taskPanel()->width())));
        QVERIFY(w->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-1280x800-task.png"))));
        // Closing the task brings the card back.
        emit w->taskPanel()->closeRequested();
        QVERIFY(w->card()->isVisible());
        QVERIFY(!w->taskPanel()->isVisible());

        // The main window on the left part of the screen: more room, the task goes beside.
        window.setGeometry(screen.left(), screen.top(), 560, screen.height());
        QApplication::processEvents();
        const QPoint leftCentre = window.frameGeometry().center();
        QCOMPARE(
            f.event(QStringLiteral("w3"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.callWindows()->windows().size(), 3, 15000);
        CallWindow *wide = window.callWindows()->windows().last();
        QVERIFY(QTest::qWaitForWindowExposed(wide));
        wide->openTask(sofa);
        QApplication::processEvents();
        const QRect beside = wide->frameGeometry();
        QVERIFY2(!beside.contains(leftCentre), qPrintable(describe(beside)));
        QVERIFY2(screen.contains(beside), qPrintable(describe(beside)));
        QVERIFY(wide->card()->isVisible());
        QVERIFY(wide->taskPanel()->isVisible());
        QVERIFY(wide->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-1280x800-beside.png"))));
    }
};

QTEST_MAIN(TestCallWindowPlacement)
#include "tst_callwindowplacement.moc"
