#include "clientfixture.h"
#include "russian.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "app/session.h"
#include "ui/admin/adminwindow.h"
#include "ui/admin/fielderrors.h"
#include "ui/admin/linedialog.h"
#include "ui/admin/linespage.h"
#include "ui/admin/pbxsetupview.h"
#include "ui/admin/providerdialog.h"
#include "ui/admin/providerspage.h"
#include "ui/admin/setupdialog.h"
#include "ui/shell/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace linecard;
using namespace linecard::testing;

// Administration → PBX providers against the real server: connecting one shows its token
// once with what to paste into the PBX, per format; a new token; the test call rings the
// administrator's own extension with a real pop-up; field messages; administrators only;
// other administrators' clients follow. And the first-run set-up steps.
class TestAdminProviders : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;

    int planFixPing(const QString &token)
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("cmd"), QStringLiteral("ping"));
        form.addQueryItem(QStringLiteral("planfix_token"), token);
        return f->server()
            .request("POST", QStringLiteral("/tel/api"), {},
                form.toString(QUrl::FullyEncoded).toUtf8(), "application/x-www-form-urlencoded")
            .status;
    }
    int zammadPing(const QString &token)
    {
        return f->server()
            .request("POST", QStringLiteral("/api/v1/cti/") + token, {},
                QByteArrayLiteral(R"({"event":"newCall","callId":"ping","from":"anonymous"})"))
            .status;
    }
    static ui::ProviderDialog *openDialog(QWidget *parent)
    {
        ui::ProviderDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = parent->findChild<ui::ProviderDialog *>()); }))
            return nullptr;
        return dialog;
    }
    static void confirmIn(QWidget *parent)
    {
        QMessageBox *box = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (box = parent->findChild<QMessageBox *>()); }));
        QTest::mouseClick(
            box->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
    }

private slots:
    void init() { f = std::make_unique<ClientFixture>(); }
    void cleanup() { f.reset(); }

    void connectPlanFixAndSendATestCall()
    {
        // The administrator's own extension, and a line in its colour.
        const QJsonObject me = f->server().get(QStringLiteral("/api/v1/me"), f->adminToken()).json;
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/people/%1")
                                .arg(me.value(QStringLiteral("id")).toInteger()),
                         {{QStringLiteral("extensions"), QJsonArray {QStringLiteral("100")}}},
                         f->adminToken())
                     .status,
            200);
        QCOMPARE(f->server()
                     .post(QStringLiteral("/api/v1/lines"),
                         {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                             {QStringLiteral("name"), QStringLiteral("Sales")},
                             {QStringLiteral("color"), QStringLiteral("#2e7d32")}},
                         f->adminToken())
                     .status,
            201);
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        QTRY_VERIFY(session->events()->state() == client::EventStream::State::Connected);
        client::CallCenter calls(session);
        calls.reload();
        QTRY_VERIFY(calls.isLoaded());
        ui::AdminWindow admin(session);
        admin.showTab(ui::AdminWindow::Tab::Providers);
        admin.show();
        ui::ProvidersPage *page = admin.providers();
        QTRY_VERIFY(page->isLoaded());
        QVERIFY(!page->testCallButton()->isEnabled());

        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        ui::ProviderDialog *dialog = openDialog(page);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Office PBX"));
        QCOMPARE(dialog->formatBox()->currentData().toString(), QStringLiteral("planfix"));
        dialog->pbxUrlEdit()->setText(QStringLiteral("https://pbx.example/planfix_api.php"));
        QVERIFY(dialog->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("admin-provider.png"))));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<ui::ProviderDialog *>());
        QTRY_COMPARE(page->count(), 1);

        // What to paste into the PBX: the address and the token, shown this once.
        ui::PbxSetupView *setup = page->setupView();
        QCOMPARE(setup->value(QStringLiteral("address")),
            f->server().url(QStringLiteral("/tel/api")).toString());
        const QString token = setup->value(QStringLiteral("token"));
        QVERIFY(token.size() >= 32);
        QCOMPARE(planFixPing(token), 200);
        QVERIFY(setup->copyButton(QStringLiteral("token"))->isEnabled());
        QTest::mouseClick(setup->copyButton(QStringLiteral("token")), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), token);
        QVERIFY(admin.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("admin-providers.png"))));

        // The test call: a real pop-up for my extension, on the line, in its colour.
        QSignalSpy ringing(&calls, &client::CallCenter::callRinging);
        QTest::mouseClick(page->testCallButton(), Qt::LeftButton);
        QTRY_VERIFY(!ringing.isEmpty());
        const client::CallInfo info = calls.call(ringing.first().first().toLongLong());
        QCOMPARE(calls.lineOf(info)->color, QStringLiteral("#2e7d32"));
        QVERIFY(page->statusText().contains(QStringLiteral("100")));
        QVERIFY(page->errorText().isEmpty());
        // ...which its provider's log shows.
        QTRY_COMPARE(f->server()
                         .get(QStringLiteral("/api/v1/telephony/log"), f->adminToken())
                         .json.value(QStringLiteral("items"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("providerName"))
                         .toString(),
            QStringLiteral("Office PBX"));

        // A page opened later knows only the hint; a new token shows once and replaces the old.
        ui::ProvidersPage later(session);
        QTRY_VERIFY(later.isLoaded());
        QVERIFY(!later.setupView()->value(QStringLiteral("token")).contains(token));
        QVERIFY(!later.setupView()->copyButton(QStringLiteral("token"))->isEnabled());
        QTest::mouseClick(later.newTokenButton(), Qt::LeftButton);
        confirmIn(&later);
        QTRY_VERIFY(later.setupView()->copyButton(QStringLiteral("token"))->isEnabled());
        const QString fresh = later.setupView()->value(QStringLiteral("token"));
        QVERIFY(fresh != token && fresh.size() >= 32);
        QCOMPARE(planFixPing(token), 401);
        QCOMPARE(planFixPing(fresh), 200);
    }

    void zammadEndpointHoldsTheToken()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::ProvidersPage page(session);
        QTRY_VERIFY(page.isLoaded());
        page.addProvider();
        ui::ProviderDialog *dialog = openDialog(&page);
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("sipgate"));
        dialog->formatBox()->setCurrentIndex(
            dialog->formatBox()->findData(QStringLiteral("zammad")));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(page.count(), 1);
        const QString endpoint = page.setupView()->value(QStringLiteral("endpoint"));
        const QString prefix = f->server().url(QStringLiteral("/api/v1/cti/")).toString();
        QVERIFY2(endpoint.startsWith(prefix), qPrintable(endpoint));
        const QString token = endpoint.mid(prefix.size());
        QCOMPARE(token, page.setupView()->value(QStringLiteral("token")));
        QCOMPARE(zammadPing(token), 200);
        QCOMPARE(planFixPing(token), 403); // a Zammad token, not a PlanFix one

        // Deleting asks first; the token is refused afterwards.
        QTest::mouseClick(page.deleteButton(), Qt::LeftButton);
        confirmIn(&page);
        QTRY_COMPARE(page.count(), 0);
        QCOMPARE(zammadPing(token), 401);
    }

    void checksAndServerMessages()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::ProvidersPage page(session);
        QTRY_VERIFY(page.isLoaded());
        page.addProvider();
        ui::ProviderDialog *dialog = openDialog(&page);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("name")).isEmpty());
        dialog->nameEdit()->setText(QStringLiteral("PBX"));
        dialog->pbxUrlEdit()->setText(QStringLiteral("ftp://pbx"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("pbxUrl")).isEmpty());
        // The server's own rule (printable ASCII) shows at the PBX key.
        dialog->pbxUrlEdit()->clear();
        dialog->pbxTokenEdit()->setText(QStringLiteral("ключ"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->errors()->text(QStringLiteral("pbxToken")).isEmpty());
        QVERIFY(dialog->errors()
                    ->text(QStringLiteral("pbxToken"))
                    .contains(QStringLiteral("printable")));
        QCOMPARE(f->server()
                     .get(QStringLiteral("/api/v1/telephony/providers"), f->adminToken())
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
            0);
        // No extension of my own: the test call says why.
        dialog->pbxTokenEdit()->clear();
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(page.count(), 1);
        QTest::mouseClick(page.testCallButton(), Qt::LeftButton);
        QTRY_VERIFY(page.errorText().contains(QStringLiteral("extension")));
        {
            Russian russian;
            QVERIFY(russian.isLoaded());
            ui::AdminWindow admin(session);
            admin.showTab(ui::AdminWindow::Tab::Providers);
            admin.show();
            QTRY_VERIFY(admin.providers()->isLoaded());
            QVERIFY(admin.grab().save(
                ClientFixture::screenshotPath(QStringLiteral("admin-providers-ru.png"))));
            ui::ProviderDialog translated(session, QJsonObject());
            translated.show();
            QTest::mouseClick(translated.saveButton(), Qt::LeftButton);
            QVERIFY(translated.grab().save(
                ClientFixture::screenshotPath(QStringLiteral("admin-provider-ru.png"))));
        }
    }

    void operatorsAreRefusedAdministratorsFollowLive()
    {
        QVERIFY(f->employee(QStringLiteral("olga")));
        QVERIFY(f->employee(QStringLiteral("boss"), true));
        client::Session *op = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        client::Session *first = f->signInAdmin();
        client::Session *second
            = f->signIn(QStringLiteral("boss"), QStringLiteral("boss-password"));
        QVERIFY(op && first && second);
        QTRY_VERIFY(second->events()->state() == client::EventStream::State::Connected);
        ui::ProvidersPage refused(op);
        QTRY_VERIFY(!refused.errorText().isEmpty());
        QCOMPARE(refused.count(), 0);

        ui::ProvidersPage watching(second);
        QTRY_VERIFY(watching.isLoaded());
        ui::ProvidersPage page(first);
        QTRY_VERIFY(page.isLoaded());
        page.addProvider();
        ui::ProviderDialog *dialog = openDialog(&page);
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("Office PBX"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(watching.count(), 1);
        // The other administrator never sees the token, only its hint.
        QVERIFY(!watching.setupView()->copyButton(QStringLiteral("token"))->isEnabled());
        page.editSelected();
        dialog = openDialog(&page);
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("Renamed PBX"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(watching.list()->topLevelItem(0)->text(0), QStringLiteral("Renamed PBX"));
        QTest::mouseClick(page.deleteButton(), Qt::LeftButton);
        confirmIn(&page);
        QTRY_COMPARE(watching.count(), 0);
    }

    void firstRunOffersTheSteps()
    {
        QVERIFY(f->employee(QStringLiteral("olga")));
        client::Session *op = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(op);
        ui::MainWindow operatorWindow(op);
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::MainWindow window(session);
        window.show();
        ui::SetupDialog *setup = nullptr;
        QTRY_VERIFY((setup = window.findChild<ui::SetupDialog *>()));
        QVERIFY(setup->isVisible());
        QTRY_VERIFY(setup->stepState(2).contains(u'1')); // olga
        QVERIFY(setup->stepState(0).isEmpty());
        QVERIFY(
            setup->grab().save(ClientFixture::screenshotPath(QStringLiteral("admin-setup.png"))));
        // Step 1 opens the Lines tab with a new line's dialog; saving it ticks the step.
        QTest::mouseClick(setup->lineButton(), Qt::LeftButton);
        auto *admin = window.findChild<ui::AdminWindow *>();
        QVERIFY(admin && admin->isVisible());
        QCOMPARE(admin->tabs()->currentWidget(), admin->lines());
        ui::LineDialog *line = admin->lines()->findChild<ui::LineDialog *>();
        QVERIFY(line);
        line->numberEdit()->setText(QStringLiteral("+15550001"));
        QTest::mouseClick(line->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!setup->stepState(0).isEmpty());
        // Step 2: the PBX dialog on the providers tab.
        QTest::mouseClick(setup->providerButton(), Qt::LeftButton);
        QCOMPARE(admin->tabs()->currentWidget(), admin->providers());
        QTRY_VERIFY(admin->providers()->findChild<ui::ProviderDialog *>());
        // Never offered to an operator; reachable later from the account menu.
        QVERIFY(!operatorWindow.findChild<ui::SetupDialog *>());
        QVERIFY(window.setupAction());
        {
            Russian russian;
            QVERIFY(russian.isLoaded());
            ui::SetupDialog translated(session, &window);
            translated.show();
            QTRY_VERIFY(!translated.stepState(0).isEmpty());
            QVERIFY(translated.grab().save(
                ClientFixture::screenshotPath(QStringLiteral("admin-setup-ru.png"))));
        }
    }
};

QTEST_MAIN(TestAdminProviders)
#include "tst_adminproviders.moc"
