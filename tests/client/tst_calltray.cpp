// The tray hears about calls: a PlanFix call sent over real HTTP to the real server shows in
// the tray's counts and notifications (each opening the caller's card), a missed call of
// mine is announced once, and do-not-disturb holds the call windows and the notifications
// back while the missed call is still counted.
#include "callfixture.h"

#include "app/appsettings.h"
#include "app/callcenter.h"
#include "app/eventstream.h"
#include "ui/calls/callspanel.h"
#include "ui/calls/callwindowstack.h"
#include "ui/shell/calltraylink.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/trayicon.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

class TestCallTray : public QObject
{
    Q_OBJECT

    struct Operator
    {
        client::Session *session = nullptr;
        std::unique_ptr<client::CallCenter> calls;
        std::unique_ptr<ui::TrayIcon> tray;
        std::unique_ptr<ui::CallWindowStack> windows;
    };

    static bool signInOperator(CallFixture &f, Operator &op)
    {
        op.session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        if (!op.session
            || !QTest::qWaitFor([&] { return op.session->events()->lastSeq() >= 0; }, 15000))
            return false;
        op.calls = std::make_unique<client::CallCenter>(op.session);
        QSignalSpy loaded(op.calls.get(), &client::CallCenter::loaded);
        op.calls->reload();
        if (!loaded.wait(15000))
            return false;
        op.tray = std::make_unique<ui::TrayIcon>(
            op.session->events(), op.session->me().id, op.session->people());
        op.windows = std::make_unique<ui::CallWindowStack>(op.session, op.calls.get());
        new ui::CallTrayLink(op.calls.get(), op.tray.get(), op.windows.get());
        return true;
    }

private slots:
    void init()
    {
        // Do-not-disturb is a persisted preference: every test starts from "off".
        QStandardPaths::setTestModeEnabled(true);
        client::AppSettings().setDoNotDisturb(false);
    }

    void ringingAndMissedReachTheTray()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = f.callerContact();
        QVERIFY(anna);
        Operator op;
        QVERIFY(signInOperator(f, op));
        QSignalSpy notified(op.tray.get(), &ui::TrayIcon::notified);
        QSignalSpy contactRequested(op.tray.get(), &ui::TrayIcon::contactRequested);

        QCOMPARE(
            f.event(QStringLiteral("t1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(op.tray->ringingCount(), 1, 15000);
        QTRY_COMPARE(notified.size(), 1);
        QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Incoming call"));
        QVERIFY(notified.at(0).at(1).toString().contains(QStringLiteral("Anna Petrova")));
        QVERIFY(op.tray->toolTip().contains(QStringLiteral("1")));
        // The menu counts the current calls (SPEC §4) and opens the Calls area's list.
        QVERIFY(op.tray->currentCallsAction()->isVisible());
        QCOMPARE(op.tray->currentCount(), 1);
        QVERIFY(op.tray->currentCallsAction()->text().contains(QStringLiteral("(1)")));
        QVERIFY(op.tray->menu()->actions().contains(op.tray->currentCallsAction()));

        QCOMPARE(f.completed(QStringLiteral("t1"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        QTRY_COMPARE_WITH_TIMEOUT(op.tray->missedCount(), 1, 15000);
        QCOMPARE(op.tray->ringingCount(), 0);
        QTRY_COMPARE(notified.size(), 2);
        QTRY_COMPARE(op.tray->currentCount(), 0);
        QVERIFY(op.tray->currentCallsAction()->text().contains(QStringLiteral("(0)")));
        QVERIFY(op.tray->missedCallsAction()->text().contains(QStringLiteral("(1)")));
        QSignalSpy callsRequested(op.tray.get(), &ui::TrayIcon::callsRequested);
        op.tray->missedCallsAction()->trigger();
        QCOMPARE(callsRequested.size(), 1);
        QCOMPARE(callsRequested.at(0).at(0).value<ui::TrayIcon::CallList>(),
            ui::TrayIcon::CallList::Missed);
        op.tray->currentCallsAction()->trigger();
        QCOMPARE(callsRequested.at(1).at(0).value<ui::TrayIcon::CallList>(),
            ui::TrayIcon::CallList::Current);
        QCOMPARE(notified.at(1).at(0).toString(), QStringLiteral("Missed call"));
        QVERIFY(notified.at(1).at(1).toString().contains(QStringLiteral("Anna Petrova")));
        // A repeated COMPLETED (PBXs resend) announces nothing new.
        QCOMPARE(f.completed(QStringLiteral("t1"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        QTest::qWait(300);
        QCOMPARE(notified.size(), 2);
        QCOMPARE(op.tray->missedCount(), 1);
        QCOMPARE(contactRequested.size(), 0);
    }

    // What the tray's Current calls / Missed calls open: the Calls area on that list.
    void theMainWindowShowsTheListAsked()
    {
        CallFixture f;
        QVERIFY(f.ready());
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        ui::MainWindow window(session);
        window.show();
        window.showCallList(true);
        QCOMPARE(window.currentPlace().area, ui::Place::Area::Calls);
        QCOMPARE(window.callsPanel()->tabs()->currentIndex(), int(ui::CallsPanel::MissedTab));
        window.showArea(ui::Place::Area::Tasks);
        window.showCallList(false);
        QCOMPARE(window.currentPlace().area, ui::Place::Area::Calls);
        QCOMPARE(window.callsPanel()->tabs()->currentIndex(), int(ui::CallsPanel::CurrentTab));
    }

    void doNotDisturbHoldsPopUpsButCountsMissedCalls()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(signInOperator(f, op));
        op.tray->doNotDisturbAction()->setChecked(true);
        QVERIFY(op.windows->popUpsHeld());
        QSignalSpy notified(op.tray.get(), &ui::TrayIcon::notified);

        QCOMPARE(
            f.event(QStringLiteral("t2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(op.tray->ringingCount(), 1, 15000);
        QCOMPARE(f.completed(QStringLiteral("t2"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        QTRY_COMPARE_WITH_TIMEOUT(op.tray->missedCount(), 1, 15000);
        QCOMPARE(notified.size(), 0);

        op.tray->doNotDisturbAction()->setChecked(false);
        QVERIFY(!op.windows->popUpsHeld());
    }
};

QTEST_MAIN(TestCallTray)
#include "tst_calltray.moc"
