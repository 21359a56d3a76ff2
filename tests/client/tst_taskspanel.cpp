#include "clientfixture.h"

#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/tasklistmodel.h"
#include "ui/tasks/contactfield.h"
#include "ui/tasks/newtaskdialog.h"
#include "ui/tasks/peoplepicker.h"
#include "ui/tasks/taskspanel.h"
#include "ui/tasks/taskview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace linecard;
using namespace linecard::testing;

// The task list against the real server: each filter shows the right tasks, the search box
// narrows them, pages are fetched only as the view scrolls, live events keep the list
// current, Enter/double-click open a task; a contact gets its simplified list; the new
// task dialog creates tasks with a contact as counterparty or assignee.
class TestTasksPanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    qint64 olga = 0, pavel = 0, ivan = 0, other = 0;
    qint64 invoice = 0, website = 0, report = 0, archive = 0;

    static QStringList titles(ui::TasksPanel &panel, bool sort = true)
    {
        QStringList out;
        for (int row = 0; row < panel.model()->rowCount(); ++row)
            out << panel.model()->index(row, 0).data(TaskListModel::TitleRole).toString();
        if (sort)
            out.sort();
        return out;
    }
    static bool settled(ui::TasksPanel &panel) { return !panel.model()->isLoading(); }
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }
    bool setStatus(qint64 task, const QString &status)
    {
        return f->server()
                   .patch(QStringLiteral("/api/v1/tasks/%1").arg(task),
                       {{QStringLiteral("status"), status}}, f->adminToken())
                   .status
            == 200;
    }
    static void choose(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
    }
    static void waitLive(client::Session *session)
    {
        QTRY_VERIFY(session->events()->state() == client::EventStream::State::Connected
            && session->events()->lastSeq() >= 0);
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        olga = f->employee(QStringLiteral("olga"));
        pavel = f->employee(QStringLiteral("pavel"));
        ivan = f->contact(QStringLiteral("Ivan Petrov"));
        other = f->contact(QStringLiteral("Maria Sidorova"));
        invoice = f->task(QStringLiteral("Invoice for Ivan"), ivan, {olga});
        website = f->task(QStringLiteral("Website redesign"), other, {pavel});
        report = f->task(QStringLiteral("Quarterly report"), 0, {olga});
        archive = f->task(QStringLiteral("Archive old mail"), ivan, {pavel});
        QVERIFY(olga && pavel && ivan && other && invoice && website && report && archive);
        QVERIFY(setStatus(report, QStringLiteral("done")));
    }
    void cleanup() { f.reset(); }

    void filtersShowTheRightTasks()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.resize(900, 500);
        panel.show();
        auto *kind = panel.findChild<QComboBox *>(QStringLiteral("taskFilter"));
        auto *assignee = panel.findChild<QComboBox *>(QStringLiteral("assigneeFilter"));
        QVERIFY(kind && assignee);

        // My active: open and assigned to me.
        QTRY_VERIFY(settled(panel) && panel.model()->isAtEnd());
        QCOMPARE(titles(panel), QStringList {QStringLiteral("Invoice for Ivan")});

        choose(kind, int(ui::TaskFilter::Kind::AllActive));
        QTRY_COMPARE(titles(panel),
            sorted({QStringLiteral("Invoice for Ivan"), QStringLiteral("Website redesign"),
                QStringLiteral("Archive old mail")}));
        // Newest activity first.
        QCOMPARE(titles(panel, false).first(), QStringLiteral("Archive old mail"));

        choose(kind, int(ui::TaskFilter::Kind::Done));
        QTRY_COMPARE(titles(panel), QStringList {QStringLiteral("Quarterly report")});

        choose(kind, int(ui::TaskFilter::Kind::ByAssignee));
        QVERIFY(assignee->isVisible());
        QTRY_VERIFY(assignee->findData(pavel) >= 0); // the colleagues have loaded
        choose(assignee, pavel);
        QTRY_COMPARE(titles(panel),
            sorted({QStringLiteral("Website redesign"), QStringLiteral("Archive old mail")}));
        QCOMPARE(panel.filter().assigneeId, pavel);

        // "By contact" from the contact card: every status, counterparty or role.
        QVERIFY(setStatus(archive, QStringLiteral("done")));
        panel.showContactTasks(ivan);
        QCOMPARE(kind->currentData().toInt(), int(ui::TaskFilter::Kind::ByContact));
        QTRY_COMPARE(titles(panel),
            sorted({QStringLiteral("Invoice for Ivan"), QStringLiteral("Archive old mail")}));

        // "By contact" chosen in the panel: the contact is found by typing a fragment.
        choose(kind, int(ui::TaskFilter::Kind::AllActive));
        QTRY_VERIFY(settled(panel));
        choose(kind, int(ui::TaskFilter::Kind::ByContact));
        auto *contactField = panel.findChild<ui::ContactField *>(QStringLiteral("contactFilter"));
        QVERIFY(contactField && contactField->isVisible());
        contactField->setContact(0, {});
        QTRY_VERIFY(settled(panel) && panel.model()->rowCount() == 0); // no contact yet: no tasks
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        contactField->lineEdit()->setFocus();
        QTest::keyClicks(contactField->lineEdit(), QStringLiteral("sidor"));
        QAbstractItemView *popup = contactField->findChild<QCompleter *>()->popup();
        QTRY_VERIFY(popup->isVisible() && popup->model()->rowCount() == 1);
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_COMPARE(contactField->contactId(), other);
        QCOMPARE(contactField->lineEdit()->text(), QStringLiteral("Maria Sidorova"));
        QTRY_COMPARE(titles(panel), QStringList {QStringLiteral("Website redesign")});

        panel.showContactTasks(ivan);
        QTRY_COMPARE(titles(panel),
            sorted({QStringLiteral("Invoice for Ivan"), QStringLiteral("Archive old mail")}));

        // The main window's search box narrows the current filter.
        panel.setSearchText(QStringLiteral("invoice"));
        QTRY_COMPARE(titles(panel), QStringList {QStringLiteral("Invoice for Ivan")});
        choose(kind, int(ui::TaskFilter::Kind::AllActive));
        QTRY_COMPARE(titles(panel), QStringList {QStringLiteral("Invoice for Ivan")});
        panel.setSearchText(QStringLiteral("nothing like this"));
        QTRY_VERIFY(settled(panel) && panel.model()->rowCount() == 0 && panel.model()->isAtEnd());
        panel.setSearchText({});
        QTRY_COMPARE(titles(panel),
            sorted({QStringLiteral("Invoice for Ivan"), QStringLiteral("Website redesign")}));
    }

    void screenshotOfTheList()
    {
        QVERIFY(f->comment(invoice, QStringLiteral("Invoice sent")));
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        choose(panel.findChild<QComboBox *>(QStringLiteral("taskFilter")),
            int(ui::TaskFilter::Kind::AllActive));
        QTRY_COMPARE(panel.model()->rowCount(), 3);
        QTRY_COMPARE(panel.model()->index(0, TaskListModel::CounterpartyColumn).data().toString(),
            QStringLiteral("Ivan Petrov"));
        QTRY_VERIFY(!panel.model()
                         ->index(1, TaskListModel::AssigneesColumn)
                         .data()
                         .toString()
                         .startsWith(u'#'));
        QVERIFY(panel.grab().save(ClientFixture::screenshotPath(QStringLiteral("taskspanel.png"))));
    }

    // A narrow list keeps the title readable: status, then assignees, then counterparty give
    // way, and come back when it widens; activity and unread always stay.
    void columnsGiveWayWhenTheListIsNarrow()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.resize(1000, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        auto shown = [&panel] {
            QList<int> out;
            for (int c = 0; c < TaskListModel::ColumnCount; ++c)
                if (!panel.view()->isColumnHidden(c))
                    out << c;
            return out;
        };
        using M = TaskListModel;
        const QList<int> all {M::TitleColumn, M::CounterpartyColumn, M::AssigneesColumn,
            M::StatusColumn, M::ActivityColumn, M::UnreadColumn};
        QCOMPARE(shown(), all);
        panel.resize(700, 300);
        QTRY_VERIFY(!shown().contains(M::StatusColumn));
        QVERIFY(shown().contains(M::CounterpartyColumn));
        panel.resize(360, 300);
        QTRY_COMPARE(shown(), (QList<int> {M::TitleColumn, M::ActivityColumn, M::UnreadColumn}));
        QVERIFY(panel.view()->columnWidth(M::TitleColumn) >= 150);
        panel.resize(1000, 300);
        QTRY_COMPARE(shown(), all);
        QVERIFY(panel.view()->columnWidth(M::StatusColumn) > 30);
    }

    void switchingFastShowsOnlyTheLastFilter()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.show();
        auto *kind = panel.findChild<QComboBox *>(QStringLiteral("taskFilter"));
        // Each choice starts a request; only the last one's reply may land.
        choose(kind, int(ui::TaskFilter::Kind::AllActive));
        choose(kind, int(ui::TaskFilter::Kind::Done));
        choose(kind, int(ui::TaskFilter::Kind::AllActive));
        choose(kind, int(ui::TaskFilter::Kind::Done));
        QTRY_VERIFY(settled(panel) && panel.model()->isAtEnd());
        QCOMPARE(titles(panel), QStringList {QStringLiteral("Quarterly report")});
    }

    void pagesAreFetchedAsTheViewScrolls()
    {
        for (int i = 0; i < 45; ++i)
            QVERIFY(
                f->task(QStringLiteral("Bulk task %1").arg(i, 2, 10, QLatin1Char('0')), 0, {olga}));
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.model()->setPageSize(10);
        panel.reload();
        panel.resize(700, 220);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(settled(panel) && panel.model()->rowCount() >= 10);
        // The viewport is full: nothing more is asked for until the operator scrolls.
        QCOMPARE(panel.model()->rowCount(), 10);
        QVERIFY(panel.model()->canFetchMore());
        QScrollBar *bar = panel.view()->verticalScrollBar();
        while (!panel.model()->isAtEnd()) {
            const int before = panel.model()->rowCount();
            bar->setValue(bar->maximum());
            QTRY_VERIFY(settled(panel) && panel.model()->rowCount() > before);
            QVERIFY(panel.model()->rowCount() <= before + 10);
        }
        QCOMPARE(panel.model()->rowCount(), 46); // 45 + "Invoice for Ivan"
    }

    void liveEventsKeepTheListCurrent()
    {
        QVERIFY(f->task(QStringLiteral("Older task"), 0, {olga}));
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.show();
        QTRY_VERIFY(settled(panel) && panel.model()->isAtEnd());
        QCOMPARE(titles(panel, false),
            (QStringList {QStringLiteral("Older task"), QStringLiteral("Invoice for Ivan")}));
        waitLive(session);

        // task.created for me: on top.
        const qint64 fresh = f->task(QStringLiteral("Call the bank"), 0, {olga});
        QTRY_COMPARE(titles(panel, false).value(0), QStringLiteral("Call the bank"));
        // task.created for someone else: not in "my active".
        QVERIFY(f->task(QStringLiteral("Pavel's errand"), 0, {pavel}));
        // comment.created bumps the task it is on.
        QVERIFY(f->comment(invoice, QStringLiteral("Sent the invoice")));
        QTRY_COMPARE(titles(panel, false).value(0), QStringLiteral("Invoice for Ivan"));
        // task.updated: done leaves "my active".
        QVERIFY(setStatus(fresh, QStringLiteral("done")));
        QTRY_COMPARE(titles(panel, false),
            (QStringList {QStringLiteral("Invoice for Ivan"), QStringLiteral("Older task")}));
        // A task handed to me joins.
        QCOMPARE(
            f->server()
                .patch(QStringLiteral("/api/v1/tasks/%1").arg(website),
                    {{QStringLiteral("assigneeIds"), QJsonArray {pavel, olga}}}, f->adminToken())
                .status,
            200);
        QTRY_COMPARE(titles(panel, false).value(0), QStringLiteral("Website redesign"));
        QVERIFY(!titles(panel).contains(QStringLiteral("Pavel's errand")));
        // A name that arrives later shows in the counterparty column.
        const int row = panel.model()->rowOfId(website);
        QTRY_COMPARE(panel.model()->index(row, TaskListModel::CounterpartyColumn).data().toString(),
            QStringLiteral("Maria Sidorova"));
    }

    // The Unread column: what others wrote since the operator last read the thread, live;
    // opening the task reads it, here and in the operator's other client.
    void unreadCountsFollowReadingAndNews()
    {
        QVERIFY(f->comment(invoice, QStringLiteral("Ivan called, wants a copy")));
        QVERIFY(f->comment(invoice, QStringLiteral("Copy sent by post")));
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        client::Session *otherClient
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session && otherClient);
        ui::TasksPanel panel(session);
        ui::TasksPanel elsewhere(otherClient);
        ui::TaskView view(session);
        panel.resize(900, 300);
        panel.show();
        elsewhere.show();
        QTRY_VERIFY(settled(panel) && panel.model()->isAtEnd() && panel.model()->rowCount() == 1);
        QTRY_VERIFY(settled(elsewhere) && elsewhere.model()->rowCount() == 1);
        waitLive(session);
        waitLive(otherClient);
        auto unread = [this](ui::TasksPanel &p) {
            const int row = p.model()->rowOfId(invoice);
            return row < 0 ? QString(QStringLiteral("(no row)"))
                           : p.model()->index(row, TaskListModel::UnreadColumn).data().toString();
        };
        QCOMPARE(unread(panel), QStringLiteral("2"));
        QCOMPARE(panel.model()->index(0, 0).data(TaskListModel::UnreadRole).toInt(), 2);
        QVERIFY(!panel.model()
                     ->index(0, TaskListModel::UnreadColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());

        // News from a colleague counts; the operator's own words do not.
        QVERIFY(f->comment(invoice, QStringLiteral("Ivan paid")));
        QTRY_COMPARE(unread(panel), QStringLiteral("3"));
        const QString olgaToken = session->rest()->token();
        QVERIFY(f->comment(invoice, QStringLiteral("Thanks, closing soon"), {}, olgaToken));
        QTRY_COMPARE(panel.model()->index(0, 0).data(TaskListModel::TitleRole).toString(),
            QStringLiteral("Invoice for Ivan"));
        QTest::qWait(200);
        QCOMPARE(unread(panel), QStringLiteral("3"));
        QTRY_COMPARE(unread(elsewhere), QStringLiteral("3"));
        QVERIFY(panel.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("taskspanel-unread.png"))));

        // Opening the task reads it: zero here and in the other client.
        view.resize(700, 500);
        view.show();
        view.showTask(invoice);
        QTRY_COMPARE(unread(panel), QString());
        QTRY_COMPARE(unread(elsewhere), QString());
        QCOMPARE(panel.model()->index(0, 0).data(TaskListModel::UnreadRole).toInt(), 0);

        // While it is open, news is counted and then read after a moment in view.
        QVERIFY(f->comment(invoice, QStringLiteral("One more thing")));
        QTRY_COMPARE(elsewhere.model()->index(0, 0).data(TaskListModel::UnreadRole).toInt(), 1);
        QTRY_COMPARE(elsewhere.model()->index(0, 0).data(TaskListModel::UnreadRole).toInt(), 0);
        QCOMPARE(unread(panel), QString());

        // Not in view: it stays unread, and the server agrees after a reload.
        view.hide();
        QVERIFY(f->comment(invoice, QStringLiteral("Are you there?")));
        QTRY_COMPARE(unread(panel), QStringLiteral("1"));
        QTest::qWait(1000);
        QCOMPARE(unread(panel), QStringLiteral("1"));
        panel.reload();
        QTRY_VERIFY(settled(panel) && panel.model()->rowCount() == 1);
        QCOMPARE(unread(panel), QStringLiteral("1"));

        // A long thread shows "99+".
        for (int i = 0; i < 100; ++i)
            QVERIFY(f->comment(invoice, QStringLiteral("Line %1").arg(i)));
        QTRY_COMPARE(unread(panel), QStringLiteral("99+"));
        panel.reload();
        QTRY_VERIFY(settled(panel) && panel.model()->rowCount() == 1);
        QCOMPARE(unread(panel), QStringLiteral("99+"));

        // "Mark all as read" (the list's context menu): here, and the other client follows.
        panel.markAllReadAction()->trigger();
        QTRY_COMPARE(unread(panel), QString());
        QTRY_COMPARE(unread(elsewhere), QString());
        QTRY_VERIFY(settled(elsewhere) && elsewhere.model()->rowCount() == 1);
    }

    // "Mark as read" is answered once on the disk; a colleague's comment written meanwhile
    // counts at once, and the older answer (nothing unread) must not hide it again.
    void aReadAnswerDoesNotHideNewerNews()
    {
        QVERIFY(f->comment(invoice, QStringLiteral("Ivan called, wants a copy")));
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.resize(900, 300);
        panel.show();
        QTRY_VERIFY(settled(panel) && panel.model()->rowCount() == 1);
        waitLive(session);
        auto unread
            = [&] { return panel.model()->index(0, 0).data(TaskListModel::UnreadRole).toInt(); };
        QCOMPARE(unread(), 1);
        auto *table = panel.findChild<QTableView *>();
        QVERIFY(table);
        QNetworkAccessManager colleague;
        {
            HeldFlushes held(f->server());
            // The row's context menu, "Mark as read".
            QTimer::singleShot(0, this, [] {
                auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                for (QAction *action : menu ? menu->actions() : QList<QAction *>())
                    if (action->text() == ui::TasksPanel::tr("Mark as read"))
                        action->trigger();
                if (menu)
                    menu->close();
            });
            emit table->customContextMenuRequested(
                table->visualRect(panel.model()->index(0, 0)).center());
            QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 10000));
            QTRY_COMPARE(unread(), 0); // its task.read event
            f->server().send(colleague, "POST",
                QStringLiteral("/api/v1/tasks/%1/comments").arg(invoice), f->adminToken(),
                R"({"text":"Copy sent by post"})");
            QTRY_COMPARE(unread(), 1); // its comment.created event, before either answer
        }
        // Every answer in: the list's requests are its model's children until then.
        QTRY_VERIFY(panel.model()->findChildren<QNetworkReply *>().isEmpty());
        QCOMPARE(unread(), 1);
    }

    void enterAndDoubleClickOpenATask()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.resize(700, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        QSignalSpy opened(&panel, &ui::TasksPanel::openTask);
        QTableView *view = panel.view();
        const QModelIndex first = panel.model()->index(0, 0);
        view->setFocus();
        // Choosing the row shows it (a mail client's habit) …
        view->setCurrentIndex(first);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), invoice);
        // … and Enter opens it again, e.g. after the operator went elsewhere.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(0).toLongLong(), invoice);
        // A real double-click: press and release (the row is already chosen: nothing new),
        // then the double-click event.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(opened.size(), 2);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QCOMPARE(opened.size(), 3);
        QCOMPARE(opened.at(2).at(0).toLongLong(), invoice);
    }

    void aContactGetsItsOwnSimpleList()
    {
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
        client::Session *session
            = f->signIn(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(session);
        ui::TasksPanel panel(session);
        panel.show();
        QVERIFY(!panel.findChild<QComboBox *>(QStringLiteral("taskFilter")));
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("newTask")));
        QVERIFY(panel.view()->isColumnHidden(TaskListModel::CounterpartyColumn));
        QTRY_VERIFY(settled(panel) && panel.model()->isAtEnd());
        // Its tasks, whatever their status; nobody else's.
        QCOMPARE(titles(panel),
            sorted({QStringLiteral("Invoice for Ivan"), QStringLiteral("Archive old mail")}));
        panel.showContactTasks(other); // no filters for a contact: nothing changes
        QCOMPARE(titles(panel),
            sorted({QStringLiteral("Invoice for Ivan"), QStringLiteral("Archive old mail")}));
    }

    void newTaskDialogPutsTheContactInItsRole()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        {
            ui::NewTaskDialog dialog(session, ivan, ui::NewTaskDialog::ContactRole::Counterparty);
            dialog.show();
            auto *buttons = dialog.findChild<QDialogButtonBox *>();
            QPushButton *create = buttons->button(QDialogButtonBox::Ok);
            QVERIFY(!create->isEnabled()); // no title yet
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("title")),
                QStringLiteral("Follow up with Ivan"));
            QVERIFY(create->isEnabled());
            QTest::mouseClick(create, Qt::LeftButton);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
            const HttpResult task = f->server().get(
                QStringLiteral("/api/v1/tasks/%1").arg(dialog.createdTaskId()), f->adminToken());
            QCOMPARE(task.status, 200);
            QCOMPARE(task.json.value(QStringLiteral("title")).toString(),
                QStringLiteral("Follow up with Ivan"));
            QCOMPARE(qint64(task.json.value(QStringLiteral("counterpartyId")).toDouble()), ivan);
            QCOMPARE(task.json.value(QStringLiteral("assigneeIds")).toArray(),
                QJsonArray {olga}); // me by default
        }
        {
            ui::NewTaskDialog dialog(session, ivan, ui::NewTaskDialog::ContactRole::Assignee);
            dialog.show();
            auto *assignees = dialog.findChild<ui::PeoplePicker *>(QStringLiteral("assignees"));
            QCOMPARE(assignees->selectedIds(), QList<qint64> {ivan});
            QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("title")),
                QStringLiteral("Ivan installs the router"));
            QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                Qt::LeftButton);
            QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
            const HttpResult task = f->server().get(
                QStringLiteral("/api/v1/tasks/%1").arg(dialog.createdTaskId()), f->adminToken());
            QCOMPARE(task.json.value(QStringLiteral("assigneeIds")).toArray(), QJsonArray {ivan});
            QVERIFY(task.json.value(QStringLiteral("counterpartyId")).isNull());
        }
    }
};

QTEST_MAIN(TestTasksPanel)
#include "tst_taskspanel.moc"
