// The operator's main window against the real server: the task list loads, a task and a
// card open in their areas, back/forward walk the places visited left to right, the search
// box searches the area shown, and the connection state is in the status bar. Screenshots of
// the window with a thread (every marker) and with a card: offscreen, and as a real X11
// window when the test runs under Xvfb (the tst_mainwindow_xvfb entry).
#include "callfixture.h"
#include "clientfixture.h"

#include "app/eventstream.h"
#include "models/commentthreadmodel.h"
#include "models/pagedlistmodel.h"
#include "models/tasklistmodel.h"
#include "ui/calls/callspanel.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contactspanel.h"
#include "ui/shell/mainwindow.h"
#include "ui/tasks/commentdelegate.h"
#include "ui/tasks/commentlistview.h"
#include "ui/tasks/taskspanel.h"
#include "ui/tasks/taskview.h"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace linecard;
using namespace linecard::testing;
using ui::Place;

class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    qint64 olga = 0, pavel = 0, ivan = 0, router = 0, invoice = 0;

    // Under Xvfb the picture is what the X server shows; offscreen, what the widget paints.
    static bool screenshot(QWidget &window, const QString &name)
    {
        QApplication::processEvents();
        const bool x11 = QGuiApplication::platformName() == QLatin1String("xcb");
        const QPixmap picture = x11 ? window.screen()->grabWindow(window.winId()) : window.grab();
        return !picture.isNull()
            && picture.save(ClientFixture::screenshotPath(
                x11 ? QStringLiteral("%1-xvfb.png").arg(name) : name + QStringLiteral(".png")));
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ClientFixture>();
        olga = f->employee(QStringLiteral("olga"));
        pavel = f->employee(QStringLiteral("pavel"));
        ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
        router = f->task(QStringLiteral("Router drops the connection"), ivan, {olga, pavel});
        invoice = f->task(QStringLiteral("Invoice for March"), ivan, {olga});
        QVERIFY(router && invoice);
        const QString ivanToken
            = f->server().login(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(f->comment(router, QStringLiteral("The router drops the connection every evening."),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}, ivanToken));
        QVERIFY(
            f->comment(router, QStringLiteral("Ivan, we have opened a ticket with the provider."),
                {{QStringLiteral("notifiedIds"), QJsonArray {ivan, pavel}}}));
        QVERIFY(f->comment(router, QStringLiteral("I suspect his old router."),
            {{QStringLiteral("internal"), true},
                {QStringLiteral("notifiedIds"), QJsonArray {olga}}}));
        QVERIFY(f->comment(router, QStringLiteral("Offer him a replacement at cost."),
            {{QStringLiteral("hidden"), true},
                {QStringLiteral("visibleToIds"), QJsonArray {olga}}}));
    }

    void cleanupTestCase() { f.reset(); }

    void navigatesBackAndForwardAndSearches()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::MainWindow window(session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The task list: olga's active tasks, newest activity first.
        QCOMPARE(window.currentPlace().area, Place::Area::Tasks);
        TaskListModel *tasks = window.tasksPanel()->model();
        QTRY_COMPARE_WITH_TIMEOUT(tasks->rowCount(), 2, 15000);
        QTRY_VERIFY(session->events()->state() == client::EventStream::State::Connected);
        QTRY_VERIFY(window.statusBar()->findChildren<QWidget *>().size() > 0);

        // A task, then a card: two places; back and forward walk between them.
        window.openTask(router);
        QCOMPARE(window.currentPlace(), (Place {Place::Area::Tasks, router}));
        QTRY_VERIFY(window.taskView()->thread()->rowCount() == 4);
        QVERIFY(screenshot(window, QStringLiteral("mainwindow-thread")));

        window.openContact(ivan);
        QCOMPARE(window.currentPlace(), (Place {Place::Area::Contacts, ivan}));
        QTRY_COMPARE(window.contactCard()->person().name, QStringLiteral("Ivan Petrov"));
        QVERIFY(screenshot(window, QStringLiteral("mainwindow-card")));

        QVERIFY(window.backAction()->isEnabled());
        window.backAction()->trigger();
        QCOMPARE(window.currentPlace(), (Place {Place::Area::Tasks, router}));
        QVERIFY(window.forwardAction()->isEnabled());
        window.forwardAction()->trigger();
        QCOMPARE(window.currentPlace(), (Place {Place::Area::Contacts, ivan}));
        QVERIFY(!window.forwardAction()->isEnabled());

        // A new place drops the forward part, as in a browser.
        window.backAction()->trigger();
        window.openTask(invoice);
        QVERIFY(!window.forwardAction()->isEnabled());
        QCOMPARE(window.currentPlace(), (Place {Place::Area::Tasks, invoice}));

        // The search box searches the area shown: tasks here…
        window.showArea(Place::Area::Tasks);
        window.searchBox()->setText(QStringLiteral("router"));
        QTRY_COMPARE(tasks->rowCount(), 1);
        QCOMPARE(tasks->index(0, 0).data(TaskListModel::TitleRole).toString(),
            QStringLiteral("Router drops the connection"));
        window.searchBox()->clear();
        QTRY_COMPARE(tasks->rowCount(), 2);
    }

    // What a new operator meets at the default size: the title without "Linecard" twice,
    // the counterparty in the list (assignees and status gave way), a row shown by choosing
    // it, and the thread's tags saying who reads each comment.
    void theDefaultWindowAsANewOperatorMeetsIt()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Linecard"));
        ui::MainWindow window(session);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Qt adds " — Linecard" in the frame; the title itself must not say it again.
        QCOMPARE(window.windowTitle(), session->me().name);

        ui::TasksPanel *panel = window.tasksPanel();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 2, 15000);
        QTableView *list = panel->view();
        QVERIFY(!list->isColumnHidden(TaskListModel::CounterpartyColumn));
        QVERIFY(list->columnWidth(TaskListModel::CounterpartyColumn) >= 100);
        QVERIFY(list->columnWidth(TaskListModel::TitleColumn) >= 150);
        QVERIFY(list->isColumnHidden(TaskListModel::StatusColumn));
        QVERIFY(list->isColumnHidden(TaskListModel::AssigneesColumn));

        // One click on a row shows its task, as a mail client shows a message.
        const int routerRow = panel->model()->rowOfId(router);
        QVERIFY(routerRow >= 0);
        const QModelIndex index = panel->model()->index(routerRow, TaskListModel::TitleColumn);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
        QTRY_COMPARE(window.taskView()->taskId(), router);
        QCOMPARE(window.currentPlace(), (Place {Place::Area::Tasks, router}));
        QTRY_COMPARE(window.taskView()->thread()->rowCount(), 4);
        // The operator sees who a comment is from or to.
        ui::CommentDelegate *delegate = window.taskView()->threadView()->commentDelegate();
        QStringList tags;
        for (int row = 0; row < window.taskView()->thread()->rowCount(); ++row)
            tags << delegate->tagShown(window.taskView()->thread()->index(row, 0));
        QVERIFY2(
            tags.contains(ui::CommentDelegate::tr("from a contact")), qPrintable(tags.join(u'|')));
        QVERIFY(tags.contains(ui::CommentDelegate::tr("to a contact")));

        // The keyboard walks the list and each row shows as it is reached.
        list->setFocus();
        const int other = routerRow == 0 ? 1 : 0;
        QTest::keyClick(list, other > routerRow ? Qt::Key_Down : Qt::Key_Up);
        QTRY_COMPARE(window.taskView()->taskId(),
            panel->model()->index(other, 0).data(TaskListModel::IdRole).toLongLong());

        // Contacts too: choosing a contact shows its card.
        window.showArea(Place::Area::Contacts);
        QListView *contacts = window.contactsPanel()->findChild<QListView *>();
        QVERIFY(contacts);
        QTRY_VERIFY(contacts->model()->rowCount() > 0);
        const QModelIndex contact = contacts->model()->index(0, 0);
        QTest::mouseClick(
            contacts->viewport(), Qt::LeftButton, {}, contacts->visualRect(contact).center());
        QTRY_COMPARE(
            window.contactCard()->contactId(), contact.data(PagedListModel::IdRole).toLongLong());
        screenshot(window, QStringLiteral("mainwindow-default-size"));
    }

    // In Calls the search box filters the calls and leaves the task list's query alone;
    // back in Tasks, the tasks get what is in the box.
    void searchFollowsTheAreaShown()
    {
        CallFixture calls; // a server of its own, with a PBX and operators on extensions
        QVERIFY(calls.ready());
        QVERIFY(calls.callerContact());
        QVERIFY(calls.task(QStringLiteral("Router drops the connection"), 0, {calls.op1}));
        QCOMPARE(
            calls.event(QStringLiteral("s1"), QStringLiteral("INCOMING"), QStringLiteral("101")),
            200);
        QCOMPARE(
            calls.completed(QStringLiteral("s1"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        client::Session *session
            = calls.signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        ui::MainWindow window(session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::TasksPanel *tasks = window.tasksPanel();
        QTRY_COMPARE_WITH_TIMEOUT(tasks->model()->rowCount(), 1, 15000);
        window.searchBox()->setText(QStringLiteral("router"));
        QTRY_COMPARE(tasks->filter().text, QStringLiteral("router"));

        // To Calls: the text in the box applies to the calls at once.
        window.showArea(Place::Area::Calls);
        ui::CallsPanel *panel = window.callsPanel();
        QTreeView *missed = panel->missedList();
        QTRY_COMPARE_WITH_TIMEOUT(listedCalls(missed), 1, 15000);
        QCOMPARE(panel->filterText(), QStringLiteral("router"));
        QCOMPARE(missed->model()->rowCount(), 0); // the search hides it
        window.searchBox()->setText(QStringLiteral("916 123"));
        QTRY_COMPARE(missed->model()->rowCount(), 1);
        // Past both debounces (the box's and the task list's): the task query stayed.
        QTest::qWait(700);
        QCOMPARE(tasks->filter().text, QStringLiteral("router"));

        // Back to Tasks: the box's text, not the one typed here before.
        window.showArea(Place::Area::Tasks);
        QCOMPARE(
            window.searchBox()->placeholderText(), ui::MainWindow::tr("Search tasks (Ctrl+F)"));
        QTRY_COMPARE(tasks->filter().text, QStringLiteral("916 123"));
        QTRY_COMPARE_WITH_TIMEOUT(tasks->model()->rowCount(), 0, 15000);
        window.searchBox()->clear();
        QTRY_COMPARE_WITH_TIMEOUT(tasks->model()->rowCount(), 1, 15000);
        QCOMPARE(panel->filterText(), QStringLiteral("916 123")); // Calls did not hear it
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
