#include "clientfixture.h"

#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "models/peopledirectory.h"
#include "models/tasklistmodel.h"
#include "ui/contacts/accessdialog.h"
#include "ui/contacts/contactcard.h"
#include "ui/shell/mainwindow.h"
#include "ui/tasks/commentdelegate.h"
#include "ui/tasks/commentlistview.h"
#include "ui/tasks/previewbar.h"
#include "ui/tasks/taskheader.h"
#include "ui/tasks/taskspanel.h"
#include "ui/tasks/taskview.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

// Contacts with access, end to end: an employee gives and takes a contact's sign-in from the
// card, the contact reads the names of the people on its tasks (and no others), and signs
// in to the simplified interface: its tasks and threads, a reply box, nothing else.
class TestContactAccess : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    qint64 olga = 0, pavel = 0, stranger = 0, ivan = 0, maria = 0, task = 0;

    QString token(const QString &login)
    {
        return f->server().login(login, login + QStringLiteral("-password"));
    }
    static bool threadLoaded(ui::TaskView &view)
    {
        return view.thread()->isAtEnd() && !view.thread()->isLoading() && !view.task().isEmpty();
    }
    QJsonObject contactOnServer(qint64 id)
    {
        return f->server().get(QStringLiteral("/api/v1/contacts/%1").arg(id), f->adminToken()).json;
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        olga = f->employee(QStringLiteral("olga"));
        pavel = f->employee(QStringLiteral("pavel"));
        stranger = f->employee(QStringLiteral("stranger"));
        ivan = f->contact(QStringLiteral("Ivan Petrov"));
        // Olga looks after Maria: only she (and administrators) may set Maria's password.
        maria = f->contact(QStringLiteral("Maria Ivanova"),
            {{QStringLiteral("emails"), QJsonArray {QStringLiteral("maria@example.com")}},
                {QStringLiteral("responsibleId"), olga}});
        QVERIFY(olga && pavel && stranger && ivan && maria);
        task = f->task(QStringLiteral("The router drops the line at night"), ivan, {olga, pavel});
        QVERIFY(task);
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
    }
    void cleanup() { f.reset(); }

    void aContactReadsOnlyTheNamesOnItsTasks()
    {
        client::Session *session
            = f->signIn(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(session && session->me().isContact());
        PeopleDirectory *people = session->people();
        // Asked together, answered together: once Olga's name is in, the stranger's answer
        // (none) is in too.
        QVERIFY(people->name(olga).startsWith(u'#'));
        QVERIFY(people->name(pavel).startsWith(u'#'));
        QVERIFY(people->name(stranger).startsWith(u'#'));
        QTRY_COMPARE(people->name(olga), QStringLiteral("olga"));
        QCOMPARE(people->name(pavel), QStringLiteral("pavel"));
        QVERIFY(!people->person(stranger));
        QVERIFY(people->name(stranger).startsWith(u'#'));
        // Names only: the contact learns nothing else about a colleague.
        QVERIFY(people->person(olga)->login.isEmpty());
        QVERIFY(people->person(olga)->extensions.isEmpty());
    }

    void anEmployeeGivesAndTakesAccess()
    {
        client::Session *session
            = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(session);
        ui::ContactCard card(session);
        card.resize(900, 600);
        card.show();
        card.showContact(maria);
        QTRY_COMPARE(card.person().id, maria);
        card.manageAccess();
        auto *dialog = card.findChild<ui::AccessDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->revokeButton()->isVisible()); // nothing to take away yet
        QCOMPARE(dialog->loginEdit()->text(), QStringLiteral("maria@example.com"));

        // Bad input is said at once and changes nothing.
        dialog->loginEdit()->setText(QStringLiteral("maria"));
        dialog->passwordEdit()->setText(QStringLiteral("short"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(dialog->errorText().contains(QStringLiteral("8 characters")));
        QVERIFY(!contactOnServer(maria).value(QStringLiteral("hasAccess")).toBool());
        // A login someone has is refused by the server, and said so.
        dialog->loginEdit()->setText(QStringLiteral("ivan"));
        dialog->passwordEdit()->setText(QStringLiteral("maria-secret-1"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(dialog->errorText().contains(QStringLiteral("taken")));
        QVERIFY(!contactOnServer(maria).value(QStringLiteral("hasAccess")).toBool());

        dialog->loginEdit()->setText(QStringLiteral("maria"));
        QVERIFY(
            dialog->grab().save(ClientFixture::screenshotPath(QStringLiteral("accessdialog.png"))));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(contactOnServer(maria).value(QStringLiteral("hasAccess")).toBool());
        QTRY_VERIFY(card.person().hasAccess); // the card follows
        QTRY_VERIFY(dialog->revokeButton()->isVisible());
        QVERIFY(dialog->passwordEdit()->text().isEmpty());
        QCOMPARE(contactOnServer(maria).value(QStringLiteral("login")).toString(),
            QStringLiteral("maria"));
        QVERIFY(!f->server()
                     .login(QStringLiteral("maria"), QStringLiteral("maria-secret-1"))
                     .isEmpty());

        QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
        QTRY_VERIFY(!contactOnServer(maria).value(QStringLiteral("hasAccess")).toBool());
        QTRY_VERIFY(!dialog->revokeButton()->isVisible());
        QVERIFY(
            f->server().login(QStringLiteral("maria"), QStringLiteral("maria-secret-1")).isEmpty());
    }

    void generatedPasswordsAreLongAndPlain()
    {
        const QString a = ui::AccessDialog::generatePassword();
        QCOMPARE(a.size(), 12);
        QVERIFY(a != ui::AccessDialog::generatePassword());
        for (QChar c : a)
            QVERIFY(c.isLower() || c.isDigit());
        QVERIFY(!a.contains(u'0') && !a.contains(u'1') && !a.contains(u'l') && !a.contains(u'o'));
    }

    void aContactGetsTheSimplifiedInterface()
    {
        const QString ivanToken = token(QStringLiteral("ivan"));
        const QString olgaToken = token(QStringLiteral("olga"));
        QVERIFY(f->comment(task,
            QStringLiteral("Hello! The router drops the connection every evening around 9 pm."),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}, ivanToken));
        QVERIFY(f->comment(task,
            QStringLiteral("Ivan, we have opened a ticket with the provider. I will call you "
                           "tomorrow morning."),
            {{QStringLiteral("notifiedIds"), QJsonArray {ivan, pavel}}}, olgaToken));
        QVERIFY(f->comment(task, QStringLiteral("I suspect his old router. Internal only."),
            {{QStringLiteral("internal"), true}}, olgaToken));
        QVERIFY(f->comment(task, QStringLiteral("Pavel, check the line card first."),
            {{QStringLiteral("hidden"), true},
                {QStringLiteral("visibleToIds"), QJsonArray {pavel}}},
            olgaToken));
        QVERIFY(f->comment(
            task, QStringLiteral("Noted, will do."), {}, token(QStringLiteral("pavel"))));
        // A task of someone else's, which Ivan never sees.
        QVERIFY(f->task(QStringLiteral("Maria's invoice"), maria, {olga}));

        client::Session *session
            = f->signIn(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(session);
        ui::MainWindow window(session);
        window.resize(1100, 640);
        window.show();
        QVERIFY(!window.contactsPanel() && !window.contactCard()); // no contact directory
        QVERIFY(!window.accountSettingsAction()); // no settings
        // Its list: the title, the status and the last activity, the title readable.
        QTRY_COMPARE(window.tasksPanel()->view()->model()->rowCount(), 1);
        QVERIFY(window.tasksPanel()->view()->isColumnHidden(TaskListModel::AssigneesColumn));
        QVERIFY(window.tasksPanel()->view()->columnWidth(TaskListModel::TitleColumn) > 150);
        window.openTask(task);
        ui::TaskView *view = window.taskView();
        QTRY_VERIFY(threadLoaded(*view));
        QVERIFY(!view->previewBar()); // contacts preview nothing
        // Exactly the two comments addressed to or written by Ivan.
        QTRY_COMPARE(view->thread()->rowCount(), 2);
        // Every name on screen resolved, none left as "#id".
        QTRY_VERIFY(!view->thread()
                         ->index(1, 0)
                         .data(CommentThreadModel::AuthorNameRole)
                         .toString()
                         .startsWith(u'#'));
        QTRY_VERIFY(!view->thread()
                         ->index(1, 0)
                         .data(CommentThreadModel::NotifiedNamesRole)
                         .toStringList()
                         .join(u',')
                         .contains(u'#'));
        // Every comment here is to or from Ivan: no "from a contact" / "to a contact" tags.
        ui::CommentDelegate *delegate = view->threadView()->commentDelegate();
        for (int row = 0; row < view->thread()->rowCount(); ++row) {
            const QModelIndex comment = view->thread()->index(row, 0);
            QVERIFY(comment.data(CommentThreadModel::ExternalRole).toBool());
            QCOMPARE(delegate->tagShown(comment), QString());
        }
        QApplication::processEvents();
        const QString path = ClientFixture::screenshotPath(QStringLiteral("contact-interface.png"));
        QVERIFY(window.grab().save(path));
        qInfo() << "screenshot:" << path;
    }
};

QTEST_MAIN(TestContactAccess)
#include "tst_contactaccess.moc"
