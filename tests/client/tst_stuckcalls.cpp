// Stuck calls and queues in the client against the real server: "Mark as ended" in the Calls
// area ends a call whose hang-up never came (for everyone, recorded who did), and a Zammad
// queue call names its queue in the call window's header and the Calls lists. Screenshots
// in English and, with the built Russian translation, in Russian.
#include "callfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "ui/calls/callheader.h"
#include "ui/calls/callspanel.h"
#include "ui/calls/callwindow.h"
#include "ui/calls/callwindowstack.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QPushButton>
#include <QScopeGuard>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using namespace linecard;
using namespace linecard::testing;
using ui::CallsPanel;

class TestStuckCalls : public QObject
{
    Q_OBJECT

    static constexpr const char *zammadToken = "zm-token-0001";

    static QString rowText(QTreeView *list, qint64 id, int column)
    {
        const int row = CallsPanel::rowOf(list, id);
        return row < 0 ? QString() : cellText(list, row, column);
    }
    static bool zammadProvider(CallFixture &f)
    {
        return f.server()
                   .post(QStringLiteral("/api/v1/telephony/providers"),
                       {{QStringLiteral("name"), QStringLiteral("Queue PBX")},
                           {QStringLiteral("format"), QStringLiteral("zammad")},
                           {QStringLiteral("token"), QLatin1String(zammadToken)}},
                       f.adminToken())
                   .status
            == 201;
    }
    static int zammad(CallFixture &f, const QJsonObject &body)
    {
        return f.server()
            .request("POST", QStringLiteral("/api/v1/cti/") + QLatin1String(zammadToken), {},
                QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json")
            .status;
    }
private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }

    // An answered call whose end never comes: op2 marks it as ended from the Current list; it
    // leaves the list, the server has who ended it, the history says so.
    void markAsEnded()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(
            f.event(QStringLiteral("s1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(
            f.event(QStringLiteral("s1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        // Hours later the call is still "current" in everyone's Calls area.
        auto op2 = f.callsWindowFor(QStringLiteral("op2"));
        QVERIFY(op2);
        CallsPanel *panel = op2->callsPanel();
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(panel->currentList()) == 1; }, 15000));
        const qint64 id = op2->callCenter()->activeCalls().first();
        QVERIFY(!panel->endButton()->isEnabled()); // nothing chosen yet
        selectRow(panel->currentList(), 0);
        QVERIFY(panel->endButton()->isEnabled());
        QVERIFY(op2->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-mark-ended.png"))));

        QTest::mouseClick(panel->endButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(panel->currentList()) == 0; }, 15000));
        const QJsonObject stored = f.callJson(id);
        QCOMPARE(stored.value(QStringLiteral("state")).toString(), QStringLiteral("ended"));
        QCOMPARE(stored.value(QStringLiteral("endReason")).toString(), QStringLiteral("manual"));
        QCOMPARE(stored.value(QStringLiteral("endedById")).toInteger(), f.op2);
        QVERIFY(
            rowText(panel->historyList(), id, 4)
                .contains(CallsPanel::tr(", marked as ended by %1").arg(QStringLiteral("op2"))));
        QVERIFY(!panel->endButton()->isEnabled());

        // A refusal (the call is over by now) is said in the area's notice.
        op2->callCenter()->markEnded(id);
        QVERIFY(QTest::qWaitFor([&] { return !panel->noticeText().isEmpty(); }, 15000));
        QVERIFY(panel->noticeText().contains(QLatin1String("over")));
    }

    // op1's own window of the call follows: it says who marked it as ended.
    void theWindowSaysWhoEndedIt()
    {
        CallFixture f;
        QVERIFY(f.ready());
        auto op1 = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(op1);
        QCOMPARE(
            f.event(QStringLiteral("s2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(QTest::qWaitFor([&] { return op1->callWindows()->windows().size() == 1; }, 15000));
        ui::CallWindow *w = op1->callWindows()->windows().first();
        const qint64 id = w->callId();
        QCOMPARE(
            f.event(QStringLiteral("s2"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QCOMPARE(f.server()
                     .post(QStringLiteral("/api/v1/calls/%1/end").arg(id), {},
                         f.server().login(QStringLiteral("op3"), QStringLiteral("op3-password")))
                     .status,
            200);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return op1->callWindows()->window(id)
                    && op1->callWindows()->window(id)->header()->state()
                    == ui::CallWindow::tr("Marked as ended by %1").arg(QStringLiteral("op3"));
            },
            15000));
    }

    // Zammad's queue in the header ("Sales · queue Support") and the lists' Line column.
    void queueIsShown()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QVERIFY(zammadProvider(f));
        auto op1 = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(op1);
        QCOMPARE(zammad(f,
                     {{QStringLiteral("event"), QStringLiteral("newCall")},
                         {QStringLiteral("callId"), QStringLiteral("q1")},
                         {QStringLiteral("direction"), QStringLiteral("in")},
                         {QStringLiteral("from"), QLatin1String(CallFixture::caller)},
                         {QStringLiteral("to"), QStringLiteral("74951200001")},
                         {QStringLiteral("user"), QStringLiteral("op1")},
                         {QStringLiteral("queue"), QStringLiteral("Support")}}),
            200);
        QVERIFY(QTest::qWaitFor([&] { return op1->callWindows()->windows().size() == 1; }, 15000));
        ui::CallWindow *w = op1->callWindows()->windows().first();
        const qint64 id = w->callId();
        QVERIFY(QTest::qWaitFor(
            [&] { return w->header()->title() == QStringLiteral("Sales · queue Support"); },
            15000));
        CallsPanel *panel = op1->callsPanel();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rowText(panel->currentList(), id, 1) == QStringLiteral("Sales · Support");
            },
            15000));
        QVERIFY(
            w->grab().save(ClientFixture::screenshotPath(QStringLiteral("callwindow-queue.png"))));
        // Without a queue the line alone.
        QCOMPARE(
            f.event(QStringLiteral("plain"), QStringLiteral("INCOMING"), QStringLiteral("101")),
            200);
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(panel->currentList()) == 2; }, 15000));
        const int plain = CallsPanel::rowOf(panel->currentList(), id) == 0 ? 1 : 0;
        QCOMPARE(cellText(panel->currentList(), plain, 1), QStringLiteral("Sales"));
    }

    // The same screens in Russian, built under the translation the build makes: nothing cut
    // off, every new string translated.
    void inRussian()
    {
        QTranslator russian;
        QVERIFY(russian.load(QStringLiteral("linecard_ru"), QStringLiteral(LINECARD_QM_DIR)));
        QCoreApplication::installTranslator(&russian);
        auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&russian); });
        CallFixture f;
        QVERIFY(f.ready());
        QVERIFY(zammadProvider(f));
        auto op1 = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(op1);
        QCOMPARE(zammad(f,
                     {{QStringLiteral("event"), QStringLiteral("newCall")},
                         {QStringLiteral("callId"), QStringLiteral("q1")},
                         {QStringLiteral("direction"), QStringLiteral("in")},
                         {QStringLiteral("from"), QLatin1String(CallFixture::caller)},
                         {QStringLiteral("to"), QStringLiteral("74951200001")},
                         {QStringLiteral("user"), QStringLiteral("op1")},
                         {QStringLiteral("queue"), QStringLiteral("Поддержка")}}),
            200);
        QVERIFY(QTest::qWaitFor([&] { return op1->callWindows()->windows().size() == 1; }, 15000));
        ui::CallWindow *w = op1->callWindows()->windows().first();
        QVERIFY(QTest::qWaitFor(
            [&] { return w->header()->title().contains(QStringLiteral("Поддержка")); }, 15000));
        QVERIFY(!w->header()->title().contains(QLatin1String("queue")));
        QVERIFY(w->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-queue-ru.png"))));
        CallsPanel *panel = op1->callsPanel();
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(panel->currentList()) == 1; }, 15000));
        selectRow(panel->currentList(), 0);
        QVERIFY(panel->endButton()->isEnabled());
        QVERIFY(!panel->endButton()->text().contains(QLatin1String("ended")));
        QVERIFY(panel->currentList()->columnWidth(1)
            > panel->currentList()->fontMetrics().horizontalAdvance(
                QStringLiteral("Sales · Поддержка")));
        QVERIFY(op1->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-mark-ended-ru.png"))));
    }
};

QTEST_MAIN(TestStuckCalls)
#include "tst_stuckcalls.moc"
