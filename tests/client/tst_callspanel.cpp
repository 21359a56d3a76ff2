// The Calls area of the main window against the real server: current calls with "take"
// for a shared handset, missed calls as the team's to-do (call back through the PBX, mark
// handled), and the history with the names as they were when the calls came in.
#include "callfixture.h"
#include "russian.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "models/commentthreadmodel.h"
#include "server/pbxsim/makecalllistener.h"
#include "ui/calls/callheader.h"
#include "ui/calls/calllistmodel.h"
#include "ui/calls/callspanel.h"
#include "ui/calls/callwindow.h"
#include "ui/calls/callwindowstack.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contactdetails.h"
#include "ui/shell/mainwindow.h"
#include "ui/tasks/taskheader.h"
#include "ui/tasks/taskview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace linecard;
using namespace linecard::testing;
using client::CallCenter;
using ui::CallsPanel;

class TestCallsPanel : public QObject
{
    Q_OBJECT

    // The PBX reports the operator's outgoing call (op1, extension 101) to phone.
    static int outgoing(CallFixture &f, const QString &callId, const QString &phone)
    {
        const Fields fields {{QStringLiteral("cmd"), QStringLiteral("event")},
            {QStringLiteral("type"), QStringLiteral("out")},
            {QStringLiteral("event"), QStringLiteral("OUTGOING")}, {QStringLiteral("phone"), phone},
            {QStringLiteral("ext"), QStringLiteral("101")}, {QStringLiteral("callid"), callId},
            {QStringLiteral("planfix_token"), QLatin1String(CallFixture::token)}};
        return f.server()
            .request("POST", QStringLiteral("/tel/api"), {}, formBody(fields),
                "application/x-www-form-urlencoded")
            .status;
    }

    static bool selectCall(QTreeView *list, qint64 id)
    {
        if (!QTest::qWaitFor([&] { return CallsPanel::rowOf(list, id) >= 0; }, 15000))
            return false;
        selectRow(list, CallsPanel::rowOf(list, id));
        return true;
    }

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }

    // Missed: listed with the caller's name, called back through the PBX on the call's own
    // line, then marked handled — for the whole team.
    void missedCallsAreAToDo()
    {
        pbxsim::MakeCallListener pbx;
        const quint16 port = pbx.start(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        CallFixture f(QStringLiteral("http://127.0.0.1:%1/planfix_api.php").arg(port));
        QVERIFY(f.ready());
        QVERIFY(f.callerContact());
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        CallsPanel *panel = window->callsPanel();
        QVERIFY(panel->isVisible());

        QCOMPARE(
            f.event(QStringLiteral("m1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(f.completed(QStringLiteral("m1"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(panel->missedList()) == 1; }, 15000));
        const qint64 id = window->callCenter()->missedCalls().first();
        // The caller id in international format.
        QCOMPARE(cellText(panel->missedList(), 0, 2), QStringLiteral("+7 916 123-45-67"));
        QCOMPARE(cellText(panel->missedList(), 0, 3), QStringLiteral("Anna Petrova"));
        QCOMPARE(cellText(panel->missedList(), 0, 1), QStringLiteral("Sales"));
        QCOMPARE(panel->tabs()->tabText(1), CallsPanel::tr("Missed (%1)").arg(1));

        // Call back: at once "dialling", the button off while it dials; the PBX gets it once.
        panel->tabs()->setCurrentIndex(1);
        QVERIFY(selectCall(panel->missedList(), id));
        QVERIFY(panel->callBackButton()->isEnabled());
        QSignalSpy received(&pbx, &pbxsim::MakeCallListener::received);
        QSignalSpy started(window->callCenter(), &CallCenter::dialStarted);
        QTest::mouseClick(panel->callBackButton(), Qt::LeftButton);
        QVERIFY(panel->noticeText().contains(QLatin1String("+79161234567")));
        QVERIFY(!panel->callBackButton()->isEnabled());
        QTest::mouseClick(panel->callBackButton(), Qt::LeftButton); // ignored
        QVERIFY(started.wait(15000));
        QVERIFY(QTest::qWaitFor([&] { return !received.isEmpty(); }, 15000));
        QCOMPARE(received.size(), 1);
        const QJsonObject fields
            = received.at(0).at(0).toJsonObject().value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("to")).toString(), QStringLiteral("79161234567"));
        QVERIFY(!fields.value(QStringLiteral("diversion")).toString().isEmpty()); // Sales
        QVERIFY(panel->callBackButton()->isEnabled());
        QVERIFY(panel->noticeText().contains(QLatin1String("+79161234567")));
        QCOMPARE(listedCalls(panel->missedList()), 1); // not through yet: still to do
        QVERIFY(window->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-missed.png"))));

        // The operator picked up, the PBX reports the call: "your phone rings first" is over.
        QCOMPARE(outgoing(f, QStringLiteral("cb1"), QStringLiteral("+79161234567")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(panel->noticeText(), QString(), 15000);

        QVERIFY(selectCall(panel->missedList(), id));
        QTest::mouseClick(panel->handledButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(panel->missedList()) == 0; }, 15000));
        QVERIFY(f.callJson(id).value(QStringLiteral("handled")).toBool());
        // Still in the history, handled.
        QVERIFY(CallsPanel::rowOf(panel->historyList(), id) >= 0);
    }

    // A call answered on the shared handset is listed as current; "take" makes me its owner
    // and opens its window.
    void takesASharedHandsetCall()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.server()
                     .put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
                         {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                             {QStringLiteral("name"), QStringLiteral("Sales")},
                             {QStringLiteral("color"), QStringLiteral("#2e7d32")},
                             {QStringLiteral("employeeIds"), QJsonArray {f.op1, f.op2}}},
                         f.adminToken())
                     .status,
            200);
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        CallsPanel *panel = window->callsPanel();
        QCOMPARE(f.event(QStringLiteral("h1"), QStringLiteral("INCOMING"), QString()), 200);
        // The shared handset rings op1 too: the window pops up, ringing.
        QVERIFY(
            QTest::qWaitFor([&] { return window->callWindows()->windows().size() == 1; }, 15000));
        const qint64 id = window->callWindows()->windows().first()->callId();
        QCOMPARE(f.event(QStringLiteral("h1"), QStringLiteral("ACCEPTED"), QString()), 200);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const int row = CallsPanel::rowOf(panel->currentList(), id);
                return row >= 0
                    && cellText(panel->currentList(), row, 4)
                    == ui::CallListModel::tr("Answered on a shared handset");
            },
            15000));
        QVERIFY(selectCall(panel->currentList(), id));
        QVERIFY(panel->takeButton()->isEnabled());
        window->callWindows()->windows().first()->close();
        QVERIFY(QTest::qWaitFor([&] { return window->callWindows()->windows().isEmpty(); }, 5000));

        QTest::mouseClick(panel->takeButton(), Qt::LeftButton);
        QVERIFY(
            QTest::qWaitFor([&] { return window->callWindows()->window(id) != nullptr; }, 15000));
        QCOMPARE(f.callJson(id).value(QStringLiteral("answeredById")).toInteger(), f.op1);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const int row = CallsPanel::rowOf(panel->currentList(), id);
                return row >= 0
                    && cellText(panel->currentList(), row, 4)
                    == ui::CallListModel::tr("On the line");
            },
            15000));
        QVERIFY(!panel->takeButton()->isEnabled());
    }

    // Each list of the Calls area is a CallListModel (QAbstractItemModelTester watching it while
    // calls come, change and go) that pages: with pages of 2 calls the history holds 2 of the
    // 5 until a view asks for more. Calls that come or go insert or remove their rows (never a
    // reset, so a view keeps its selection).
    void callListsAreModelsThatPage()
    {
        CallFixture f;
        QVERIFY(f.ready());
        for (int i = 1; i <= 5; ++i) {
            const QString callId = QStringLiteral("p%1").arg(i);
            QCOMPARE(f.event(callId, QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
            QCOMPARE(f.completed(callId, QStringLiteral("101"), QStringLiteral("Missed")), 200);
        }
        client::Session *session = f.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        CallCenter calls(session);
        calls.setPageSize(2);
        ui::CallListModel history(session, &calls, CallCenter::List::History);
        ui::CallListModel missed(session, &calls, CallCenter::List::Missed);
        QAbstractItemModelTester historyTester(
            &history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester missedTester(
            &missed, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&history, &QAbstractItemModel::modelReset);
        QSignalSpy pages(&history, &QAbstractItemModel::rowsInserted);
        calls.reload();
        QVERIFY(QTest::qWaitFor([&] { return calls.isLoaded(); }, 15000));
        // Fetched as a view scrolls (the testers fetch too), a page of at most 2 calls at a time.
        QVERIFY(QTest::qWaitFor(
            [&] {
                history.fetchMore();
                return !history.canFetchMore() && history.rowCount() == 5;
            },
            15000));
        QVERIFY(pages.size() >= 3);
        for (const QList<QVariant> &page : std::as_const(pages))
            QVERIFY(page.at(2).toInt() - page.at(1).toInt() + 1 <= 2);
        for (int row = 1; row < history.rowCount(); ++row)
            QVERIFY(history.callId(row - 1) > history.callId(row)); // newest first
        QCOMPARE(missed.rowCount(), 5); // what the history brought is missed too

        // Handled: its row leaves the missed list and says so in the history.
        const qint64 newest = history.callId(0);
        QSignalSpy removed(&missed, &QAbstractItemModel::rowsRemoved);
        calls.markHandled(newest);
        QTRY_COMPARE_WITH_TIMEOUT(missed.rowOf(newest), -1, 15000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(history.rowOf(newest), 0);
        QCOMPARE(history.index(0, ui::CallListModel::StateColumn).data().toString(),
            ui::CallListModel::tr("Missed, handled"));

        // A call rings: a new row on top of the history.
        QSignalSpy inserted(&history, &QAbstractItemModel::rowsInserted);
        QCOMPARE(
            f.event(QStringLiteral("p6"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(history.rowCount(), 6, 15000);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(history.index(0, ui::CallListModel::StateColumn).data().toString(),
            ui::CallListModel::tr("Ringing"));
        QCOMPARE(history.index(0, ui::CallListModel::LineColumn).data().toString(),
            QStringLiteral("Sales"));
        QVERIFY(history.index(0, ui::CallListModel::LineColumn)
                    .data(Qt::DecorationRole)
                    .value<QColor>()
                    .isValid());
        QVERIFY(resets.isEmpty());
    }

    // History keeps the name the caller had when the call came in.
    void historyKeepsTheNamesOfTheTime()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = f.callerContact();
        QVERIFY(anna);
        QCOMPARE(
            f.event(QStringLiteral("o1"), QStringLiteral("INCOMING"), QStringLiteral("102")), 200);
        QCOMPARE(
            f.event(QStringLiteral("o1"), QStringLiteral("ACCEPTED"), QStringLiteral("102")), 200);
        QCOMPARE(
            f.completed(QStringLiteral("o1"), QStringLiteral("102"), QStringLiteral("Success"), 95),
            200);
        QCOMPARE(
            f.server()
                .patch(QStringLiteral("/api/v1/contacts/%1").arg(anna),
                    {{QStringLiteral("name"), QStringLiteral("Anna Sidorova")}}, f.adminToken())
                .status,
            200);
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        CallsPanel *panel = window->callsPanel();
        panel->tabs()->setCurrentIndex(2);
        QCOMPARE(listedCalls(panel->historyList()), 1);
        QCOMPARE(cellText(panel->historyList(), 0, 3), QStringLiteral("Anna Petrova"));
        QVERIFY(cellText(panel->historyList(), 0, 4).contains(QLatin1String("1:35")));
        QVERIFY(cellText(panel->historyList(), 0, 4).contains(QLatin1String("op2")));
        QVERIFY(listedCalls(panel->currentList()) == 0);

        // Open the contact from the history: the card today, under today's name.
        selectRow(panel->historyList(), 0);
        QTest::mouseClick(
            panel->findChild<QPushButton *>(QStringLiteral("openCallContact")), Qt::LeftButton);
        QCOMPARE(window->currentPlace().area, ui::Place::Area::Contacts);
        QCOMPARE(window->currentPlace().id, anna);
        window->showArea(ui::Place::Area::Calls);
        QCOMPARE(window->currentPlace().area, ui::Place::Area::Calls);
        QVERIFY(window->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-history.png"))));
    }

    // An administrator deletes the line "Sales" while op1's client shows its calls: the history
    // and the open call window show "Sales (deleted)" in a neutral colour at once, and so does
    // a client started afterwards (op2, in Russian: "Sales (удалена)").
    void aDeletedLinesCallsShowItDeleted()
    {
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(
            f.event(QStringLiteral("e1"), QStringLiteral("INCOMING"), QStringLiteral("102")), 200);
        QCOMPARE(f.completed(QStringLiteral("e1"), QStringLiteral("102"), QStringLiteral("Missed")),
            200);
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        CallsPanel *panel = window->callsPanel();
        panel->tabs()->setCurrentIndex(2);
        QCOMPARE(
            f.event(QStringLiteral("e2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(
            QTest::qWaitFor([&] { return window->callWindows()->windows().size() == 1; }, 15000));
        ui::CallWindow *popUp = window->callWindows()->windows().first();
        QCOMPARE(popUp->header()->title(), QStringLiteral("Sales"));
        QTRY_COMPARE_WITH_TIMEOUT(listedCalls(panel->historyList()), 2, 15000);
        const auto lineCell = [&](int row) {
            return panel->historyList()->model()->index(row, ui::CallListModel::LineColumn);
        };
        QCOMPARE(lineCell(1).data().toString(), QStringLiteral("Sales"));
        QCOMPARE(lineCell(1).data(Qt::DecorationRole).value<QColor>(), QColor(0x2e, 0x7d, 0x32));

        QCOMPARE(
            f.server()
                .request("DELETE", QStringLiteral("/api/v1/lines/%1").arg(f.lineId), f.adminToken())
                .status,
            204);
        const QString deleted
            = CallCenter::tr("%1 (deleted)", "a deleted phone line").arg(QStringLiteral("Sales"));
        QTRY_COMPARE_WITH_TIMEOUT(popUp->header()->title(), deleted, 15000);
        QCOMPARE(popUp->header()->background(), ui::CallHeader::neutralColor());
        for (int row : {0, 1}) {
            QCOMPARE(lineCell(row).data().toString(), deleted);
            QCOMPARE(lineCell(row).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::gray));
        }
        QVERIFY(window->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-deleted-line.png"))));
        QVERIFY(popUp->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-deleted-line.png"))));

        Russian russian;
        QVERIFY(russian.isLoaded());
        auto later = f.callsWindowFor(QStringLiteral("op2"));
        QVERIFY(later);
        CallsPanel *laterPanel = later->callsPanel();
        laterPanel->tabs()->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(listedCalls(laterPanel->historyList()), 2, 15000);
        for (int row : {0, 1})
            QCOMPARE(laterPanel->historyList()
                         ->model()
                         ->index(row, ui::CallListModel::LineColumn)
                         .data()
                         .toString(),
                QStringLiteral("Sales (удалена)"));
        QVERIFY(later->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callspanel-deleted-line-ru.png"))));
    }

    // An administrator renames an operator and a contact while op1's client has them open: the
    // task's thread (authors, the notified), its header, the call window's caller and the
    // Calls list's "Answered by" show the new names without reopening anything.
    void aRenamedPersonReachesOpenWindows()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 anna = f.callerContact();
        QVERIFY(anna && f.giveAccess(anna, QStringLiteral("anna")));
        const qint64 task = f.task(QStringLiteral("Delivery"), anna, {f.op1});
        const qint64 byOp2 = f.comment(task, QStringLiteral("On its way"),
            {{QStringLiteral("notifiedIds"), QJsonArray {anna}}},
            f.server().login(QStringLiteral("op2"), QStringLiteral("op2-password")));
        const qint64 byAnna = f.comment(task, QStringLiteral("Thanks"), {},
            f.server().login(QStringLiteral("anna"), QStringLiteral("anna-password")));
        // Boris: a contact on the task whose card nobody has open.
        const qint64 boris = f.contact(QStringLiteral("Boris Orlov"));
        QVERIFY(boris && f.giveAccess(boris, QStringLiteral("boris")));
        QCOMPARE(f.server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(task),
                         {{QStringLiteral("participantIds"), QJsonArray {boris}}}, f.adminToken())
                     .status,
            200);
        const qint64 byBoris = f.comment(task, QStringLiteral("Me too"), {},
            f.server().login(QStringLiteral("boris"), QStringLiteral("boris-password")));
        QVERIFY(task && byOp2 && byAnna && byBoris);
        QCOMPARE(
            f.event(QStringLiteral("r1"), QStringLiteral("INCOMING"), QStringLiteral("102")), 200);
        QCOMPARE(
            f.event(QStringLiteral("r1"), QStringLiteral("ACCEPTED"), QStringLiteral("102")), 200);

        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        CallsPanel *panel = window->callsPanel();
        QTRY_COMPARE_WITH_TIMEOUT(listedCalls(panel->currentList()), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(cellText(panel->currentList(), 0, ui::CallListModel::StateColumn),
            ui::CallListModel::tr("Answered by %1").arg(QStringLiteral("op2")), 15000);
        QCOMPARE(
            f.event(QStringLiteral("r2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(
            QTest::qWaitFor([&] { return window->callWindows()->windows().size() == 1; }, 15000));
        QPointer<ui::CallWindow> popUp = window->callWindows()->windows().first();
        QVERIFY(popUp->header()->caller().contains(QLatin1String("Anna Petrova")));
        window->openTask(task);
        CommentThreadModel *thread = window->taskView()->thread();
        QTRY_COMPARE_WITH_TIMEOUT(thread->rowCount(), 3, 15000);
        const auto row = [&](qint64 comment) { return thread->index(thread->rowOfId(comment), 0); };
        QCOMPARE(
            row(byOp2).data(CommentThreadModel::AuthorNameRole).toString(), QStringLiteral("op2"));
        QTRY_VERIFY_WITH_TIMEOUT(window->taskView()->header()->counterpartyLabel()->text().contains(
                                     QLatin1String("Anna Petrova")),
            15000);

        QCOMPARE(
            f.server()
                .patch(QStringLiteral("/api/v1/people/%1").arg(f.op2),
                    {{QStringLiteral("name"), QStringLiteral("Olga Smirnova")}}, f.adminToken())
                .status,
            200);
        QCOMPARE(
            f.server()
                .patch(QStringLiteral("/api/v1/contacts/%1").arg(anna),
                    {{QStringLiteral("name"), QStringLiteral("Anna Sidorova")}}, f.adminToken())
                .status,
            200);
        QCOMPARE(f.server()
                     .patch(QStringLiteral("/api/v1/contacts/%1").arg(boris),
                         {{QStringLiteral("name"), QStringLiteral("Boris Volkov")}}, f.adminToken())
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(row(byOp2).data(CommentThreadModel::AuthorNameRole).toString(),
            QStringLiteral("Olga Smirnova"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(row(byAnna).data(CommentThreadModel::AuthorNameRole).toString(),
            QStringLiteral("Anna Sidorova"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(row(byBoris).data(CommentThreadModel::AuthorNameRole).toString(),
            QStringLiteral("Boris Volkov"), 15000);
        QCOMPARE(row(byOp2).data(CommentThreadModel::NotifiedNamesRole).toStringList(),
            QStringList {QStringLiteral("Anna Sidorova")});
        QTRY_VERIFY_WITH_TIMEOUT(window->taskView()->header()->counterpartyLabel()->text().contains(
                                     QLatin1String("Anna Sidorova")),
            15000);
        QTRY_VERIFY_WITH_TIMEOUT(
            popUp->header()->caller().contains(QLatin1String("Anna Sidorova")), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(
            cellText(panel->currentList(),
                CallsPanel::rowOf(panel->currentList(), window->callCenter()->activeCalls().last()),
                ui::CallListModel::StateColumn),
            ui::CallListModel::tr("Answered by %1").arg(QStringLiteral("Olga Smirnova")), 15000);
    }

    // The main window's search box filters the calls lists while Calls is shown: by a piece
    // of the caller's name, by digits of the number whatever their punctuation, by the line;
    // a rebuild (another call) keeps the filter.
    void filtersByNameNumberAndLine()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const auto phone = [](const QString &number) {
            return QJsonObject {{QStringLiteral("phones"),
                QJsonArray {QJsonObject {{QStringLiteral("number"), number}}}}};
        };
        QVERIFY(
            f.contact(QStringLiteral("Anna Petrova"), phone(QStringLiteral("+7 916 123-45-67"))));
        QVERIFY(
            f.contact(QStringLiteral("Boris Orlov"), phone(QStringLiteral("+7 903 555-12-34"))));
        const QString boris = QStringLiteral("+79035551234");
        auto missed = [&](const QString &callId, const QString &number) {
            return f.event(callId, QStringLiteral("INCOMING"), QStringLiteral("101"), {}, number)
                == 200
                && f.event(callId, QStringLiteral("COMPLETED"), QStringLiteral("101"),
                       {{QStringLiteral("status"), QStringLiteral("Missed")}}, number)
                == 200;
        };
        QVERIFY(missed(QStringLiteral("f1"), QLatin1String(CallFixture::caller)));
        QVERIFY(missed(QStringLiteral("f2"), boris));
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        CallsPanel *panel = window->callsPanel();
        QTreeView *list = panel->missedList();
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(list) == 2; }, 15000));
        // The names of the visible rows, in the list's order.
        const auto shown = [](QTreeView *view) {
            QStringList names;
            for (int row = 0; row < view->model()->rowCount(); ++row)
                names << cellText(view, row, 3);
            return names;
        };
        const QStringList anna {QStringLiteral("Anna Petrova")};
        const QStringList borisRow {QStringLiteral("Boris Orlov")};

        QCOMPARE(window->searchBox()->placeholderText(),
            ui::MainWindow::tr("Search calls by name or number (Ctrl+F)"));
        window->searchBox()->setText(QStringLiteral("pETRo"));
        QTRY_COMPARE(shown(list), anna);
        QCOMPARE(shown(panel->historyList()), anna);
        // Digits typed another way than the PBX sent them (+79035551234).
        window->searchBox()->setText(QStringLiteral("(903) 555-1"));
        QTRY_COMPARE(shown(list), borisRow);
        QCOMPARE(shown(panel->historyList()), borisRow);
        panel->setFilterText(QStringLiteral("8 916 12 34")); // digits not in that order: none
        QCOMPARE(shown(list), QStringList());
        panel->setFilterText(QStringLiteral("sales")); // the line's name
        QCOMPARE(shown(list).size(), 2);

        // A hidden row is not selected: the buttons act on what is seen only.
        QVERIFY(selectCall(list, window->callCenter()->missedCalls().first()));
        panel->setFilterText(QStringLiteral("no such caller"));
        QVERIFY(!list->selectionModel()->hasSelection());
        QVERIFY(!panel->callBackButton()->isEnabled());

        // Another call rebuilds the lists: the filter holds for the new rows too.
        panel->setFilterText(QStringLiteral("anna"));
        QVERIFY(missed(QStringLiteral("f3"), boris));
        QVERIFY(QTest::qWaitFor([&] { return listedCalls(list) == 3; }, 15000));
        QCOMPARE(shown(list), anna);
        panel->setFilterText(QString());
        QCOMPARE(shown(list).size(), 3);
    }

    // Click-to-call from a phone number on the card: "dialling…" at once, a second click
    // ignored, the PBX asked once for the operator's extension.
    void dialsFromTheCardsPhone()
    {
        pbxsim::MakeCallListener pbx;
        const quint16 port = pbx.start(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        CallFixture f(QStringLiteral("http://127.0.0.1:%1/planfix_api.php").arg(port));
        QVERIFY(f.ready());
        const QString number = QStringLiteral("+7 916 123-45-67");
        const qint64 anna = f.contact(QStringLiteral("Anna Petrova"),
            {{QStringLiteral("phones"),
                QJsonArray {QJsonObject {{QStringLiteral("number"), number}}}}});
        auto window = f.callsWindowFor(QStringLiteral("op1"));
        QVERIFY(window);
        window->openContact(anna);
        ui::ContactDetails *details = window->contactCard()->details();
        QVERIFY(QTest::qWaitFor([&] { return window->contactCard()->person().id == anna; }, 15000));
        auto *phones = details->findChild<QLabel *>(QStringLiteral("phones"));
        QVERIFY(phones);
        QVERIFY(phones->text().contains(QLatin1String("href=\"dial:")));

        QSignalSpy received(&pbx, &pbxsim::MakeCallListener::received);
        QSignalSpy started(window->callCenter(), &CallCenter::dialStarted);
        // The link as the card wrote it (the number as stored: E.164).
        const auto href
            = QRegularExpression(QStringLiteral("href=\"dial:([^\"]+)\"")).match(phones->text());
        QVERIFY(href.hasMatch());
        const QString dialled = href.captured(1);
        emit phones->linkActivated(QStringLiteral("dial:") + dialled); // the click
        QVERIFY(details->isDialling(dialled));
        QVERIFY(details->rowText(ui::ContactDetails::tr("Phones"))
                    .contains(ui::ContactDetails::tr("dialling…")));
        phones = details->findChild<QLabel *>(QStringLiteral("phones"));
        QVERIFY(!phones->text().contains(QLatin1String("href=\"dial:"))); // nothing to click twice
        QVERIFY(!window->callCenter()->dial(dialled)); // and the service ignores it too
        QVERIFY(started.wait(15000));
        QVERIFY(!details->isDialling(dialled));
        const QString notice = window->contactCard()->noticeText();
        QVERIFY2(notice.contains(dialled) || notice.contains(number), qPrintable(notice));
        QVERIFY(QTest::qWaitFor([&] { return !received.isEmpty(); }, 15000));
        QCOMPARE(received.size(), 1);
        const QJsonObject fields
            = received.at(0).at(0).toJsonObject().value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("from")).toString(), QStringLiteral("101"));
        QCOMPARE(fields.value(QStringLiteral("to")).toString(), QStringLiteral("79161234567"));
        // The call starts: the card's notice about the phone ringing first goes.
        QCOMPARE(outgoing(f, QStringLiteral("cb2"), number), 200);
        QTRY_COMPARE_WITH_TIMEOUT(window->contactCard()->noticeText(), QString(), 15000);
    }
};

QTEST_MAIN(TestCallsPanel)
#include "tst_callspanel.moc"
