#include "clientfixture.h"

#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "models/phonenumber.h"
#include "ui/common/regioncombobox.h"
#include "ui/settings/accountsettingsdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/tasks/taskview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

// The administrator's account settings: reached from the main window's account menu by
// administrators only, showing the settings in force, saving a change, and the change
// holding at once in a contact's client already signed in.
class TestAccountSettings : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;

    AccountSettings onServer()
    {
        return AccountSettings::fromJson(
            f->server().get(QStringLiteral("/api/v1/settings"), f->adminToken()).json)
            .value_or(AccountSettings());
    }

private slots:
    void init() { f = std::make_unique<ClientFixture>(); }
    void cleanup() { f.reset(); }

    void anAdministratorChangesTheSettings()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::MainWindow window(session);
        QVERIFY(window.accountSettingsAction());
        window.accountSettingsAction()->trigger();
        auto *dialog = window.findChild<ui::AccountSettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isLoaded());
        QVERIFY(dialog->isVisible());
        // The defaults of SPEC section 2, as the server has them.
        QCOMPARE(dialog->settings(), AccountSettings());
        QVERIFY(dialog->onlyNotifiedBox()->isChecked());
        QVERIFY(!dialog->shareBox()->isChecked());

        dialog->shareBox()->setChecked(true);
        dialog->attachTargetBox()->setCurrentIndex(1);
        dialog->attachHiddenBox()->setChecked(true);
        dialog->createCallersBox()->setChecked(false);
        QCOMPARE(dialog->phoneRegionBox()->region(), QStringLiteral("RU"));
        dialog->phoneRegionBox()->setRegion(QStringLiteral("GB"));
        QVERIFY(dialog->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("accountsettings.png"))));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        AccountSettings expected;
        expected.shareWithinCompany = true;
        expected.callAttachTarget = AccountSettings::CallAttachTarget::LastActiveTask;
        expected.callAttachHidden = true;
        expected.createUnknownCallers = false;
        expected.phoneRegion = QStringLiteral("GB");
        QCOMPARE(onServer(), expected);
        // This client reads numbers in the new region at once.
        QCOMPARE(PhoneNumber::defaultRegion(), QStringLiteral("GB"));

        // Opened again, it shows what is in force now.
        window.openAccountSettings();
        QTRY_VERIFY(window.findChild<ui::AccountSettingsDialog *>());
        auto *again = window.findChild<ui::AccountSettingsDialog *>();
        QTRY_VERIFY(again->isLoaded());
        QCOMPARE(again->settings(), expected);
        PhoneNumber::setDefaultRegion(QStringLiteral("RU")); // as the other tests expect
    }

    void onlyAdministratorsAreOffered()
    {
        QVERIFY(f->employee(QStringLiteral("olga")));
        client::Session *olga = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(olga);
        ui::MainWindow operatorWindow(olga);
        QVERIFY(!operatorWindow.accountSettingsAction());
        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
        client::Session *contact
            = f->signIn(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(contact);
        ui::MainWindow contactWindow(contact);
        QVERIFY(!contactWindow.accountSettingsAction());
        // And the server agrees: an operator's change is refused and changes nothing.
        const QString token
            = f->server().login(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/settings"),
                         {{QStringLiteral("shareWithinCompany"), true}}, token)
                     .status,
            403);
        QCOMPARE(onServer(), AccountSettings());
    }

    void aChangeHoldsAtOnceInAContactsOpenClient()
    {
        const qint64 olga = f->employee(QStringLiteral("olga"));
        const qint64 ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(olga && ivan && f->giveAccess(ivan, QStringLiteral("ivan")));
        const qint64 task = f->task(QStringLiteral("Router"), ivan, {olga});
        QVERIFY(f->comment(
            task, QStringLiteral("To Ivan"), {{QStringLiteral("notifiedIds"), QJsonArray {ivan}}}));
        QVERIFY(f->comment(task, QStringLiteral("To nobody in particular")));
        client::Session *contact
            = f->signIn(QStringLiteral("ivan"), QStringLiteral("ivan-password"));
        QVERIFY(contact);
        ui::MainWindow window(contact);
        window.show();
        window.openTask(task);
        QTRY_COMPARE(window.taskView()->thread()->rowCount(), 1);

        // The administrator saves the change in the dialog, in a client of its own.
        client::Session *admin = f->signInAdmin();
        QVERIFY(admin);
        ui::AccountSettingsDialog dialog(admin);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.onlyNotifiedBox()->setChecked(false);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!onServer().contactsSeeOnlyNotified);
        // The contact's open thread shows the old comment without anyone reloading by hand.
        QTRY_COMPARE(window.taskView()->thread()->rowCount(), 2);
    }
};

QTEST_MAIN(TestAccountSettings)
#include "tst_accountsettings.moc"
