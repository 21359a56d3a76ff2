#include "clientfixture.h"
#include "cutoff.h"
#include "russian.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "ui/admin/adminwindow.h"
#include "ui/admin/fielderrors.h"
#include "ui/admin/linedialog.h"
#include "ui/admin/linespage.h"
#include "ui/calls/callheader.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace linecard;
using namespace linecard::testing;

// Administration → Lines against the real server: add with a colour (the call header
// preview follows), the employees a line rings, edit, delete (its calls stay); the server's
// field messages; administrators only; other clients' lines follow at once.
class TestAdminLines : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;

    QJsonArray linesOnServer()
    {
        return f->server()
            .get(QStringLiteral("/api/v1/lines"), f->adminToken())
            .json.value(QStringLiteral("items"))
            .toArray();
    }
    static ui::LineDialog *openDialog(QWidget *parent)
    {
        ui::LineDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = parent->findChild<ui::LineDialog *>()); }))
            return nullptr;
        return dialog;
    }

private slots:
    void init() { f = std::make_unique<ClientFixture>(); }
    void cleanup() { f.reset(); }

    void addEditDelete()
    {
        const qint64 olga = f->employee(QStringLiteral("olga"));
        QVERIFY(olga);
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        QTRY_VERIFY(session->people()->person(olga).has_value());
        ui::AdminWindow admin(session);
        admin.showTab(ui::AdminWindow::Tab::Lines);
        admin.show();
        ui::LinesPage *page = admin.lines();
        QTRY_VERIFY(page->isLoaded());

        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        ui::LineDialog *dialog = openDialog(page);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->numberEdit(), QStringLiteral("+7 495 120-00-01"));
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Sales"));
        dialog->colorEdit()->setText(QStringLiteral("#2e7d32"));
        // The preview is the call window's header in that colour, with that name.
        QCOMPARE(dialog->preview()->background(), QColor(QStringLiteral("#2e7d32")));
        QCOMPARE(dialog->preview()->title(), QStringLiteral("Sales"));
        dialog->setEmployeeChecked(olga, true);
        QVERIFY(
            dialog->grab().save(ClientFixture::screenshotPath(QStringLiteral("admin-line.png"))));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<ui::LineDialog *>());
        QJsonArray lines = linesOnServer();
        QCOMPARE(lines.size(), 1);
        QJsonObject line = lines.first().toObject();
        const qint64 id = line.value(QStringLiteral("id")).toInteger();
        QCOMPARE(line.value(QStringLiteral("name")).toString(), QStringLiteral("Sales"));
        QCOMPARE(line.value(QStringLiteral("color")).toString(), QStringLiteral("#2e7d32"));
        QCOMPARE(line.value(QStringLiteral("employeeIds")).toArray(), QJsonArray {olga});
        QTRY_VERIFY(page->itemFor(id));
        QVERIFY(
            admin.grab().save(ClientFixture::screenshotPath(QStringLiteral("admin-lines.png"))));

        page->select(id);
        page->editSelected();
        dialog = openDialog(page);
        QVERIFY(dialog);
        QCOMPARE(dialog->colorEdit()->text(), QStringLiteral("#2e7d32"));
        dialog->colorEdit()->setText(QStringLiteral("#AA00AA"));
        dialog->setEmployeeChecked(olga, false);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<ui::LineDialog *>());
        line = linesOnServer().first().toObject();
        QCOMPARE(line.value(QStringLiteral("color")).toString(), QStringLiteral("#aa00aa"));
        QCOMPARE(line.value(QStringLiteral("employeeIds")).toArray(), QJsonArray());

        // Delete asks first; the line's calls stay.
        page->select(id);
        QTest::mouseClick(page->deleteButton(), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page->findChild<QMessageBox *>()));
        QTest::mouseClick(
            box->findChild<QPushButton *>(QStringLiteral("confirmButton")), Qt::LeftButton);
        QTRY_COMPARE(linesOnServer().size(), 0);
        QTRY_VERIFY(!page->itemFor(id));
    }

    // A line that rings a deactivated employee says so (calls skip them), and editing the
    // line keeps them on it: they ring again once reactivated.
    void deactivatedEmployeeOnALine()
    {
        const qint64 olga = f->employee(QStringLiteral("olga"));
        const qint64 boris = f->employee(QStringLiteral("boris"));
        QVERIFY(olga && boris);
        const HttpResult created = f->server().post(QStringLiteral("/api/v1/lines"),
            {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                {QStringLiteral("name"), QStringLiteral("Sales")},
                {QStringLiteral("employeeIds"), QJsonArray {olga, boris}}},
            f->adminToken());
        QCOMPARE(created.status, 201);
        const qint64 id = created.json.value(QStringLiteral("id")).toInteger();
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/people/%1").arg(olga),
                         {{QStringLiteral("active"), false}}, f->adminToken())
                     .status,
            200);
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::AdminWindow admin(session);
        admin.showTab(ui::AdminWindow::Tab::Lines);
        admin.show();
        ui::LinesPage *page = admin.lines();
        QTRY_VERIFY(page->isLoaded() && page->itemFor(id));
        const QString olgaShown
            = ui::LinesPage::tr("%1 (deactivated, not ringing)").arg(QStringLiteral("olga"));
        QTRY_COMPARE(page->itemFor(id)->text(2), olgaShown + QStringLiteral(", boris"));

        page->select(id);
        page->editSelected();
        ui::LineDialog *dialog = openDialog(page);
        QVERIFY(dialog);
        QStringList checked;
        for (int i = 0; i < dialog->employeeList()->count(); ++i)
            if (dialog->employeeList()->item(i)->checkState() == Qt::Checked)
                checked << dialog->employeeList()->item(i)->text();
        QCOMPARE(checked.size(), 2);
        QVERIFY(checked.contains(QStringLiteral("boris")));
        QVERIFY2(checked.last().contains(QStringLiteral("olga"))
                && checked.last() != QStringLiteral("olga"),
            qPrintable(checked.join(u',')));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!page->findChild<ui::LineDialog *>());
        QCOMPARE(linesOnServer().first().toObject().value(QStringLiteral("employeeIds")).toArray(),
            (QJsonArray {olga, boris}));

        // Reactivated: the list names her plainly again, live.
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/people/%1").arg(olga),
                         {{QStringLiteral("active"), true}}, f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(page->itemFor(id)->text(2), QStringLiteral("olga, boris"));
    }

    void checksAndServerMessages()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        QVERIFY(f->server()
                    .post(QStringLiteral("/api/v1/lines"),
                        {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")}},
                        f->adminToken())
                    .status
            == 201);
        ui::LinesPage page(session);
        QTRY_VERIFY(page.isLoaded());
        page.addLine();
        ui::LineDialog *dialog = openDialog(&page);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("number")).isEmpty());
        dialog->numberEdit()->setText(QStringLiteral("84951200001"));
        dialog->colorEdit()->setText(QStringLiteral("green"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(!dialog->errors()->text(QStringLiteral("color")).isEmpty());
        // The same number in another formatting: only the server knows, and says so there.
        dialog->colorEdit()->setText(QStringLiteral("#123456"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->errors()->text(QStringLiteral("number")).isEmpty());
        QVERIFY(
            dialog->errors()->text(QStringLiteral("number")).contains(QStringLiteral("already")));
        QCOMPARE(linesOnServer().size(), 1);
        {
            Russian russian;
            QVERIFY(russian.isLoaded());
            ui::LineDialog translated(session, Line());
            translated.show();
            QTest::mouseClick(translated.saveButton(), Qt::LeftButton);
            QVERIFY(translated.grab().save(
                ClientFixture::screenshotPath(QStringLiteral("admin-line-ru.png"))));
            ui::AdminWindow admin(session);
            admin.showTab(ui::AdminWindow::Tab::Lines);
            admin.show();
            QTRY_VERIFY(admin.lines()->isLoaded());
            QTRY_VERIFY2(cutOffColumns(admin.lines()->list()).isEmpty(),
                qPrintable(cutOffColumns(admin.lines()->list()).join(u'\n')));
            QVERIFY(admin.grab().save(
                ClientFixture::screenshotPath(QStringLiteral("admin-lines-ru.png"))));
        }
    }

    void operatorsAreRefusedAndFollowLive()
    {
        QVERIFY(f->employee(QStringLiteral("olga")));
        client::Session *op = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        client::Session *session = f->signInAdmin();
        QVERIFY(op && session);
        QTRY_VERIFY(op->events()->state() == client::EventStream::State::Connected);
        client::CallCenter calls(op);
        // An operator's dialog is refused by the server, and nothing is saved.
        ui::LinesPage opPage(op);
        QTRY_VERIFY(opPage.isLoaded());
        opPage.addLine();
        ui::LineDialog *dialog = openDialog(&opPage);
        QVERIFY(dialog);
        dialog->numberEdit()->setText(QStringLiteral("+15550001"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->errors()->general()->isHidden());
        QCOMPARE(linesOnServer().size(), 0);
        dialog->reject();

        // The administrator's new line and its new colour reach the operator's client at once.
        ui::LinesPage page(session);
        QTRY_VERIFY(page.isLoaded());
        page.addLine();
        dialog = openDialog(&page);
        QVERIFY(dialog);
        dialog->numberEdit()->setText(QStringLiteral("+15550001"));
        dialog->nameEdit()->setText(QStringLiteral("Support"));
        dialog->colorEdit()->setText(QStringLiteral("#c62828"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(calls.lines().size(), 1);
        QCOMPARE(calls.lines().first().color, QStringLiteral("#c62828"));
        QTRY_COMPARE(opPage.lines().size(), 1);
        const qint64 id = calls.lines().first().id;
        page.select(id);
        page.editSelected();
        dialog = openDialog(&page);
        QVERIFY(dialog);
        dialog->colorEdit()->setText(QStringLiteral("#1565c0"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(calls.lines().first().color, QStringLiteral("#1565c0"));
        QTRY_COMPARE(opPage.lines().first().color, QStringLiteral("#1565c0"));
    }
};

QTEST_MAIN(TestAdminLines)
#include "tst_adminlines.moc"
