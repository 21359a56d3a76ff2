#include "clientfixture.h"
#include "cutoff.h"
#include "russian.h"

#include "app/eventstream.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "ui/admin/adminwindow.h"
#include "ui/admin/fielderrors.h"
#include "ui/admin/peoplepage.h"
#include "ui/admin/persondialog.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace linecard;
using namespace linecard::testing;

// Administration → People against the real server: adding, editing, resetting the password,
// deactivating and reactivating employees; checks before sending and the server's field
// messages; administrators only; changes showing live in another client.
class TestAdminPeople : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;

    QJsonObject employeeOnServer(const QString &login)
    {
        const QJsonArray all
            = f->server()
                  .get(QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"),
                      f->adminToken())
                  .json.value(QStringLiteral("items"))
                  .toArray();
        for (const QJsonValue &v : all)
            if (v.toObject().value(QStringLiteral("login")).toString() == login)
                return v.toObject();
        return {};
    }
    static ui::PersonDialog *openDialog(QWidget *parent)
    {
        ui::PersonDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = parent->findChild<ui::PersonDialog *>()); }))
            return nullptr;
        return dialog;
    }
    static bool waitConnected(client::Session *session)
    {
        return QTest::qWaitFor([session] {
            return session->events()->state() == client::EventStream::State::Connected;
        });
    }

private slots:
    void init() { f = std::make_unique<ClientFixture>(); }
    void cleanup() { f.reset(); }

    void addEditDeactivateReactivate()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::MainWindow window(session);
        QVERIFY(window.administrationAction());
        window.administrationAction()->trigger();
        auto *admin = window.findChild<ui::AdminWindow *>();
        QVERIFY(admin && admin->isVisible());
        ui::PeoplePage *page = admin->people();
        QTRY_VERIFY(page->isLoaded());
        QCOMPARE(page->list()->topLevelItemCount(), 1);

        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        ui::PersonDialog *dialog = openDialog(page);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Olga Petrova"));
        QTest::keyClicks(dialog->loginEdit(), QStringLiteral("olga"));
        QTest::mouseClick(dialog->generateButton(), Qt::LeftButton);
        const QString password = dialog->passwordEdit()->text();
        QCOMPARE(password.size(), 12);
        QTest::keyClicks(dialog->extensionsEdit(), QStringLiteral("150, 151"));
        QVERIFY(
            dialog->grab().save(ClientFixture::screenshotPath(QStringLiteral("admin-person.png"))));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<ui::PersonDialog *>());

        QJsonObject olga = employeeOnServer(QStringLiteral("olga"));
        QCOMPARE(olga.value(QStringLiteral("name")).toString(), QStringLiteral("Olga Petrova"));
        QCOMPARE(olga.value(QStringLiteral("extensions")).toArray(),
            (QJsonArray {QStringLiteral("150"), QStringLiteral("151")}));
        QCOMPARE(olga.value(QStringLiteral("isAdmin")).toBool(), false);
        QVERIFY(!f->server().login(QStringLiteral("olga"), password).isEmpty());
        const qint64 id = olga.value(QStringLiteral("id")).toInteger();
        QTRY_VERIFY(page->itemFor(id));
        QCOMPARE(page->list()->currentItem(), page->itemFor(id));
        QVERIFY(
            admin->grab().save(ClientFixture::screenshotPath(QStringLiteral("admin-people.png"))));

        // Edit: rename, new password, one extension less.
        page->editSelected();
        dialog = openDialog(page);
        QVERIFY(dialog);
        QCOMPARE(dialog->extensionsEdit()->text(), QStringLiteral("150, 151"));
        dialog->nameEdit()->setText(QStringLiteral("Olga Sidorova"));
        dialog->extensionsEdit()->setText(QStringLiteral("150"));
        dialog->passwordEdit()->setText(QStringLiteral("changed-password"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<ui::PersonDialog *>());
        olga = employeeOnServer(QStringLiteral("olga"));
        QCOMPARE(olga.value(QStringLiteral("name")).toString(), QStringLiteral("Olga Sidorova"));
        QCOMPARE(
            olga.value(QStringLiteral("extensions")).toArray(), QJsonArray {QStringLiteral("150")});
        QVERIFY(f->server().login(QStringLiteral("olga"), password).isEmpty());
        const QString token
            = f->server().login(QStringLiteral("olga"), QStringLiteral("changed-password"));
        QVERIFY(!token.isEmpty());
        QTRY_COMPARE(page->itemFor(id)->text(0), QStringLiteral("Olga Sidorova"));

        // Deactivate: her token stops at once; reactivate: she signs in again.
        page->select(id);
        QCOMPARE(page->activeButton()->text(), ui::PeoplePage::tr("&Deactivate"));
        QTest::mouseClick(page->activeButton(), Qt::LeftButton);
        QTRY_VERIFY(
            !employeeOnServer(QStringLiteral("olga")).value(QStringLiteral("active")).toBool());
        QCOMPARE(f->server().get(QStringLiteral("/api/v1/me"), token).status, 401);
        QTRY_COMPARE(page->itemFor(id)->text(4), ui::PeoplePage::tr("Deactivated"));
        // Her extension rings nobody meanwhile (the server routes around it): the list says so.
        QCOMPARE(page->itemFor(id)->text(3),
            ui::PeoplePage::tr("%1 (not ringing)").arg(QStringLiteral("150")));
        QVERIFY(!page->itemFor(id)->toolTip(3).isEmpty());
        QCOMPARE(page->activeButton()->text(), ui::PeoplePage::tr("&Reactivate"));
        QTest::mouseClick(page->activeButton(), Qt::LeftButton);
        QTRY_VERIFY(
            employeeOnServer(QStringLiteral("olga")).value(QStringLiteral("active")).toBool());
        QVERIFY(!f->server()
                     .login(QStringLiteral("olga"), QStringLiteral("changed-password"))
                     .isEmpty());

        // The search narrows the list by name, login or extension.
        page->searchEdit()->setText(QStringLiteral("150"));
        QVERIFY(!page->itemFor(id)->isHidden());
        QVERIFY(
            page->list()->topLevelItem(0)->isHidden() != page->list()->topLevelItem(1)->isHidden());
    }

    void checksBeforeSendingAndShowsTheServersFieldMessage()
    {
        QVERIFY(f->employee(QStringLiteral("taken")));
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::PeoplePage page(session);
        QTRY_VERIFY(page.isLoaded());
        const QByteArray before
            = f->server()
                  .get(QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"),
                      f->adminToken())
                  .raw;
        page.addPerson();
        ui::PersonDialog *dialog = openDialog(&page);
        QVERIFY(dialog);
        // Checked here: nothing goes out.
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("name")).isEmpty());
        dialog->nameEdit()->setText(QStringLiteral("New"));
        dialog->loginEdit()->setText(QStringLiteral("has space"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(dialog->errors()->text(QStringLiteral("name")).isEmpty());
        QVERIFY(!dialog->errors()->text(QStringLiteral("login")).isEmpty());
        dialog->loginEdit()->setText(QStringLiteral("new"));
        dialog->passwordEdit()->setText(QStringLiteral("short"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("password")).isEmpty());
        // Only the server knows the login is taken: its message shows under the login.
        dialog->loginEdit()->setText(QStringLiteral("TAKEN"));
        dialog->passwordEdit()->setText(QStringLiteral("long-enough"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->errors()->text(QStringLiteral("login")).isEmpty());
        QVERIFY(dialog->errors()->text(QStringLiteral("login")).contains(QStringLiteral("taken")));
        QVERIFY(dialog->isVisible() || !dialog->result());
        QVERIFY(dialog->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("admin-person-error.png"))));
        QCOMPARE(f->server()
                     .get(QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"),
                         f->adminToken())
                     .raw,
            before);

        // The last administrator cannot step down: the server's 409 shows at the role.
        dialog->reject();
        const qint64 me = session->me().id;
        page.select(me);
        QVERIFY(!page.activeButton()->isEnabled()); // nobody deactivates themselves
        page.editSelected();
        QTRY_VERIFY(page.findChildren<ui::PersonDialog *>().size() >= 1);
        ui::PersonDialog *self = nullptr;
        for (ui::PersonDialog *d : page.findChildren<ui::PersonDialog *>())
            if (d->loginEdit()->text() == QLatin1String("admin"))
                self = d;
        QVERIFY(self);
        self->roleBox()->setCurrentIndex(0);
        QTest::mouseClick(self->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!self->errors()->text(QStringLiteral("isAdmin")).isEmpty());
        QVERIFY(self->errors()
                    ->text(QStringLiteral("isAdmin"))
                    .contains(QStringLiteral("last active administrator")));
        QVERIFY(
            employeeOnServer(QStringLiteral("admin")).value(QStringLiteral("isAdmin")).toBool());
    }

    void russianScreens()
    {
        Russian russian;
        QVERIFY(russian.isLoaded());
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::AdminWindow admin(session);
        admin.show();
        QTRY_VERIFY(admin.people()->isLoaded());
        QCOMPARE(admin.tabs()->tabText(0), QStringLiteral("&Люди"));
        QTRY_VERIFY2(cutOffColumns(admin.people()->list()).isEmpty(),
            qPrintable(cutOffColumns(admin.people()->list()).join(u'\n')));
        QVERIFY(admin.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("admin-people-ru.png"))));
        admin.people()->addPerson();
        ui::PersonDialog *dialog = openDialog(admin.people());
        QVERIFY(dialog);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("name")).isEmpty());
        QVERIFY(dialog->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("admin-person-ru.png"))));
    }

    void onlyAdministratorsSeeIt()
    {
        const qint64 olga = f->employee(QStringLiteral("olga"));
        QVERIFY(olga);
        client::Session *op = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(op);
        ui::MainWindow operatorWindow(op);
        QVERIFY(!operatorWindow.administrationAction());
        QVERIFY(!operatorWindow.setupAction());
        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
        client::Session *contact
            = f->signIn(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(contact);
        ui::MainWindow contactWindow(contact);
        QVERIFY(!contactWindow.administrationAction());
        // Even built by hand, the page gets nothing from the server.
        ui::PeoplePage page(op);
        QTRY_VERIFY(!page.errorText().isEmpty());
        QCOMPARE(page.list()->topLevelItemCount(), 0);
        const QString token
            = f->server().login(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/people/%1").arg(olga),
                         {{QStringLiteral("isAdmin"), true}}, token)
                     .status,
            403);
    }

    void changesShowLiveInAnotherClient()
    {
        const qint64 olga = f->employee(QStringLiteral("olga"));
        QVERIFY(olga && f->employee(QStringLiteral("boss"), true));
        client::Session *first = f->signInAdmin();
        client::Session *second
            = f->signIn(QStringLiteral("boss"), QStringLiteral("boss-password"));
        client::Session *op = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(first && second && op);
        QVERIFY(waitConnected(second) && waitConnected(op));
        ui::PeoplePage watching(second);
        QTRY_VERIFY(watching.isLoaded());
        QTRY_COMPARE(op->people()->name(olga), QStringLiteral("olga"));

        ui::PeoplePage page(first);
        QTRY_VERIFY(page.isLoaded());
        page.select(olga);
        page.editSelected();
        ui::PersonDialog *dialog = openDialog(&page);
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("Olga Renamed"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(watching.itemFor(olga)->text(0), QStringLiteral("Olga Renamed"));
        // Names in the other clients' windows follow.
        QTRY_COMPARE(op->people()->name(olga), QStringLiteral("Olga Renamed"));
        // An employee added elsewhere appears; one deactivated leaves the pickers.
        const qint64 newcomer = f->employee(QStringLiteral("newcomer"));
        QTRY_VERIFY(watching.itemFor(newcomer));
        QTRY_VERIFY(op->people()->person(newcomer).has_value());
        page.select(newcomer);
        QTest::mouseClick(page.activeButton(), Qt::LeftButton);
        QTRY_COMPARE(watching.itemFor(newcomer)->text(4), ui::PeoplePage::tr("Deactivated"));
        QTRY_VERIFY(!op->people()->person(newcomer)->active);
        for (const Person &p : op->people()->employees())
            QVERIFY(p.id != newcomer);
    }
};

QTEST_MAIN(TestAdminPeople)
#include "tst_adminpeople.moc"
