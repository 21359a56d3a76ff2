// The tray icon's logic, offscreen: state from the live connection, tooltip counts, menu
// actions, do not disturb (persisted) and notifications for comments that notify me.
#include "clientfixture.h"

#include "app/appsettings.h"
#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/sessionautostart.h"
#include "ui/shell/trayicon.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;
using ui::TrayIcon;

namespace {

QJsonObject commentEvent(qint64 id, qint64 taskId, qint64 authorId, const QList<qint64> &notified)
{
    QJsonArray ids;
    for (qint64 n : notified)
        ids.append(n);
    return {{QStringLiteral("id"), id}, {QStringLiteral("taskId"), taskId},
        {QStringLiteral("contactId"), QJsonValue()}, {QStringLiteral("authorId"), authorId},
        {QStringLiteral("text"), QStringLiteral("Please call the client back")},
        {QStringLiteral("createdAt"), QStringLiteral("2026-01-01T10:00:00Z")},
        {QStringLiteral("notifiedIds"), ids}, {QStringLiteral("hidden"), false},
        {QStringLiteral("visibleToIds"), QJsonArray()}, {QStringLiteral("internal"), false}};
}

} // namespace

class TestTrayIcon : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        client::AppSettings().setDoNotDisturb(false);
    }

    void statusFollowsTheConnection()
    {
        ClientFixture f;
        client::EventStream idle;
        TrayIcon offline(&idle, 1, nullptr);
        QCOMPARE(offline.status(), TrayIcon::Status::Offline);
        QVERIFY(offline.toolTip().contains(QLatin1String("offline")));
        QVERIFY(!offline.icon().isNull());

        client::Session *session = f.signInAdmin();
        QVERIFY(session);
        TrayIcon tray(session->events(), session->me().id, session->people());
        QTRY_COMPARE_WITH_TIMEOUT(tray.status(), TrayIcon::Status::Connected, 15000);
        QVERIFY(tray.toolTip().contains(QLatin1String("online")));
        const qint64 onlineKey = tray.icon().cacheKey();

        session->events()->stop();
        QCOMPARE(tray.status(), TrayIcon::Status::Offline);
        QVERIFY(tray.icon().cacheKey() != onlineKey);
        session->events()->start();
        QCOMPARE(tray.status(), TrayIcon::Status::Connecting);
        QVERIFY(tray.toolTip().contains(QLatin1String("connecting")));
    }

    void callCountsInTooltip()
    {
        client::EventStream idle;
        TrayIcon tray(&idle, 1, nullptr);
        tray.setCallCounts(2, 3);
        QCOMPARE(tray.ringingCount(), 2);
        QCOMPARE(tray.missedCount(), 3);
        QVERIFY2(
            tray.toolTip().contains(QLatin1String("Ringing calls: 2")), qPrintable(tray.toolTip()));
        QVERIFY(tray.toolTip().contains(QLatin1String("Missed calls: 3")));
        tray.setCallCounts(0, 0);
        QVERIFY(!tray.toolTip().contains(QLatin1String("missed")));

        QSignalSpy opened(&tray, &TrayIcon::contactRequested);
        QSignalSpy notified(&tray, &TrayIcon::notified);
        tray.notifyCall(QStringLiteral("Missed call"), QStringLiteral("+7 916 123-45-67"), 42);
        QCOMPARE(notified.size(), 1);
        emit tray.findChild<QSystemTrayIcon *>()->messageClicked();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), 42);
    }

    void menuActions()
    {
        client::EventStream idle;
        TrayIcon tray(&idle, 1, nullptr);
        const QList<QAction *> actions = tray.menu()->actions();
        QVERIFY(actions.contains(tray.openAction()));
        QVERIFY(actions.contains(tray.doNotDisturbAction()));
        QVERIFY(actions.contains(tray.autostartAction()));
        QVERIFY(actions.contains(tray.quitAction()));
        QVERIFY(tray.doNotDisturbAction()->isCheckable());

        QSignalSpy open(&tray, &TrayIcon::openRequested);
        QSignalSpy quit(&tray, &TrayIcon::quitRequested);
        tray.openAction()->trigger();
        QCOMPARE(open.size(), 1);
        tray.quitAction()->trigger();
        QCOMPARE(quit.size(), 1);

        // The window closing into the tray is explained once per tray (per sign-in).
        QVERIFY(tray.showRunningInTrayHint());
        QVERIFY(!tray.showRunningInTrayHint());
        QVERIFY(!tray.isShown()); // never shown (and offscreen has no tray anyway)

        // Start with the session writes and removes the XDG autostart entry.
        QVERIFY(!tray.autostartAction()->isChecked());
        tray.autostartAction()->trigger();
        QVERIFY(QFile::exists(client::SessionAutostart::entryPath()));
        QVERIFY(client::SessionAutostart().isEnabled());
        tray.autostartAction()->trigger();
        QVERIFY(!QFile::exists(client::SessionAutostart::entryPath()));
    }

    // A comment that notifies me, posted for real, shows a notification; clicking it asks
    // for its task. Do not disturb silences it and is remembered for the next start.
    void notificationsForCommentsThatNotifyMe()
    {
        ClientFixture f;
        const qint64 olga = f.employee(QStringLiteral("olga"));
        QVERIFY(olga);
        client::Session *session
            = f.signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        TrayIcon tray(session->events(), olga, session->people());
        connect(session->router(), &client::EventRouter::commentCreated, &tray,
            &TrayIcon::notifyComment);
        QTRY_COMPARE_WITH_TIMEOUT(tray.status(), TrayIcon::Status::Connected, 15000);
        // The server's hello has arrived: from here on no event is missed.
        QTRY_VERIFY_WITH_TIMEOUT(session->events()->lastSeq() >= 0, 15000);
        QSignalSpy notified(&tray, &TrayIcon::notified);
        QSignalSpy opened(&tray, &TrayIcon::taskRequested);

        const qint64 task = f.task(QStringLiteral("Delivery for Romashka"), 0, {olga});
        QVERIFY(task);
        QVERIFY(f.comment(task, QStringLiteral("Olga, please call them"),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}));
        // The fixture's request may already have let the event in.
        QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 15000);
        QVERIFY(notified.at(0).at(0).toString().contains(QString::number(task)));
        QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("Olga, please call them"));
        emit tray.findChild<QSystemTrayIcon *>()->messageClicked();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), task);

        // Comments that do not name me, or that I wrote, stay quiet.
        // (Routed as the stream's events are: only comment.created reaches the tray.)
        session->router()->route(QStringLiteral("comment.created"), commentEvent(900, task, 1, {}));
        session->router()->route(
            QStringLiteral("comment.created"), commentEvent(901, task, olga, {olga}));
        session->router()->route(
            QStringLiteral("task.updated"), commentEvent(902, task, 1, {olga}));
        QCOMPARE(notified.size(), 1);

        tray.doNotDisturbAction()->trigger();
        QVERIFY(tray.doNotDisturb());
        QVERIFY(tray.toolTip().contains(QLatin1String("Do not disturb")));
        QVERIFY(client::AppSettings().doNotDisturb());
        tray.notifyComment(commentEvent(903, task, 1, {olga}));
        tray.notifyCall(QStringLiteral("Incoming call"), QStringLiteral("+7 916"), 5);
        QCOMPARE(notified.size(), 1);

        // The next start remembers it.
        TrayIcon again(session->events(), olga, session->people());
        QVERIFY(again.doNotDisturb());
        again.doNotDisturbAction()->trigger();
        QVERIFY(!client::AppSettings().doNotDisturb());
        QSignalSpy againNotified(&again, &TrayIcon::notified);
        again.notifyComment(commentEvent(904, task, 1, {olga}));
        QCOMPARE(againNotified.size(), 1);
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
