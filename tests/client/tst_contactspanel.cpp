#include "clientfixture.h"

#include "app/eventstream.h"
#include "app/session.h"
#include "models/contactlistmodel.h"
#include "ui/contacts/companyfield.h"
#include "ui/contacts/contactdialog.h"
#include "ui/contacts/contactspanel.h"
#include "ui/contacts/rowlistedit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace linecard;
using namespace linecard::testing;

// The contacts panel against the real server: search as you type by any fragment, stale
// answers never shown, pages fetched on scroll, Enter/double-click open a contact, the new
// contact dialog creates one (with its company picked by search), live updates of rows.
class TestContactsPanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    client::Session *session = nullptr;
    qint64 company = 0, ivan = 0, sidorov = 0, maria = 0;

    static QJsonArray phones(const QString &number, const QString &type = QStringLiteral("mobile"))
    {
        return {QJsonObject {{QStringLiteral("number"), number}, {QStringLiteral("type"), type}}};
    }
    static QListView *list(ui::ContactsPanel &panel) { return panel.findChild<QListView *>(); }
    static ContactListModel *model(ui::ContactsPanel &panel)
    {
        return qobject_cast<ContactListModel *>(list(panel)->model());
    }
    static QStringList names(ui::ContactsPanel &panel)
    {
        QStringList out;
        ContactListModel *m = model(panel);
        for (int row = 0; row < m->rowCount(); ++row)
            out << m->index(row, 0).data(ContactListModel::NameRole).toString();
        out.sort();
        return out;
    }
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ClientFixture>();
        session = f->signInAdmin();
        QVERIFY(session);
        company
            = f->contact(QStringLiteral("Glavstroy LLC"), {{QStringLiteral("isCompany"), true}});
        ivan = f->contact(QStringLiteral("Ivan Petrovsky"),
            {{QStringLiteral("phones"), phones(QStringLiteral("+7 (916) 123-45-67"))},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("ivan.p@example.org")}},
                {QStringLiteral("companyId"), company}});
        sidorov = f->contact(QStringLiteral("Иван Сидоров"),
            {{QStringLiteral("phones"),
                phones(QStringLiteral("8 495 765 43 21"), QStringLiteral("work"))}});
        maria = f->contact(QStringLiteral("Maria Ivanova"),
            {{QStringLiteral("emails"), QJsonArray {QStringLiteral("maria@shop.example")}}});
        QVERIFY(company && ivan && sidorov && maria);
    }
    void cleanupTestCase() { f.reset(); }

    // Everyone is listed before anything is typed; the status says how many.
    void listsEveryoneAtFirst()
    {
        ui::ContactsPanel panel(session);
        panel.resize(400, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(names(panel),
            sorted({QStringLiteral("Glavstroy LLC"), QStringLiteral("Ivan Petrovsky"),
                QStringLiteral("Иван Сидоров"), QStringLiteral("Maria Ivanova")}));
        QVERIFY(
            panel.grab().save(ClientFixture::screenshotPath(QStringLiteral("contactspanel.png"))));
    }

    void searchesByAnyFragment_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("name fragment")
            << QStringLiteral("Petrov") << QStringList {QStringLiteral("Ivan Petrovsky")};
        QTest::newRow("cyrillic") << QStringLiteral("Сидор")
                                  << QStringList {QStringLiteral("Иван Сидоров")};
        QTest::newRow("cyrillic, lower case")
            << QStringLiteral("иван") << QStringList {QStringLiteral("Иван Сидоров")};
        QTest::newRow("phone digits, other formatting")
            << QStringLiteral("123-45-67") << QStringList {QStringLiteral("Ivan Petrovsky")};
        QTest::newRow("phone with country code")
            << QStringLiteral("+7 495 765") << QStringList {QStringLiteral("Иван Сидоров")};
        QTest::newRow("e-mail fragment")
            << QStringLiteral("shop.exa") << QStringList {QStringLiteral("Maria Ivanova")};
        QTest::newRow("company") << QStringLiteral("glavstroy")
                                 << QStringList {QStringLiteral("Glavstroy LLC"),
                                        QStringLiteral("Ivan Petrovsky")};
        QTest::newRow("name and digits")
            << QStringLiteral("ivan 4567") << QStringList {QStringLiteral("Ivan Petrovsky")};
    }
    void searchesByAnyFragment()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        ui::ContactsPanel panel(session);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setSearchText(text);
        QTRY_COMPARE(names(panel), sorted(expected));
        QCOMPARE(model(panel)->isLoading(), false);
    }

    // Typing quickly sends one search, for the last text (the debounce).
    void typingQuicklySearchesOnce()
    {
        ui::ContactsPanel panel(session);
        QTRY_VERIFY(model(panel)->rowCount() > 0);
        QSignalSpy resets(model(panel), &QAbstractItemModel::modelReset);
        panel.setSearchText(QStringLiteral("Iv"));
        panel.setSearchText(QStringLiteral("Iva"));
        panel.setSearchText(QStringLiteral("Maria"));
        QTRY_COMPARE(names(panel), QStringList {QStringLiteral("Maria Ivanova")});
        QCOMPARE(resets.count(), 1);
    }

    // A search sent while an older one is in flight: the older answer never lands.
    void staleRepliesAreDropped()
    {
        ui::ContactsPanel panel(session);
        QTRY_VERIFY(model(panel)->rowCount() > 0);
        QSignalSpy pages(model(panel), &PagedListModel::pageLoaded);
        panel.setSearchText(QStringLiteral("Ivan"));
        panel.reload(); // sent now, without the pause
        QVERIFY(model(panel)->isLoading());
        panel.setSearchText(QStringLiteral("Maria"));
        panel.reload(); // the "Ivan" request is still in flight
        QTRY_COMPARE(names(panel), QStringList {QStringLiteral("Maria Ivanova")});
        QCOMPARE(pages.count(), 1); // only the answer for "Maria" was shown
        // And the results stay those of the last text once everything settled.
        QTRY_VERIFY(!model(panel)->isLoading());
        QCOMPARE(names(panel), QStringList {QStringLiteral("Maria Ivanova")});
    }

    // Pages beyond the first come as the list is scrolled to its end.
    void fetchesMoreOnScroll()
    {
        for (int i = 0; i < 25; ++i)
            QVERIFY(
                f->contact(QStringLiteral("Scrollwell Person %1").arg(i, 2, 10, QLatin1Char('0'))));
        ui::ContactsPanel panel(session);
        panel.resize(360, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        model(panel)->setPageSize(10); // a few contacts make several pages
        panel.setSearchText(QStringLiteral("Scrollwell"));
        const auto allScrollwell = [&] {
            const QStringList shown = names(panel);
            return !shown.isEmpty()
                && shown.filter(QStringLiteral("Scrollwell")).size() == shown.size();
        };
        QTRY_VERIFY(allScrollwell() && !model(panel)->isLoading());
        QVERIFY(model(panel)->rowCount() < 25); // not everything at once
        QVERIFY(!model(panel)->isAtEnd());
        // Scrolling to the end, again and again, brings the rest.
        QScrollBar *bar = list(panel)->verticalScrollBar();
        while (!model(panel)->isAtEnd()) {
            const int before = model(panel)->rowCount();
            QTRY_VERIFY(bar->maximum() > 0); // laid out: there is somewhere to scroll
            bar->setValue(bar->maximum()); // what dragging the scroll bar to the end does
            QTRY_VERIFY(model(panel)->rowCount() > before);
            QTRY_VERIFY(!model(panel)->isLoading());
        }
        QCOMPARE(model(panel)->rowCount(), 25);
        QVERIFY(allScrollwell());
    }

    void enterAndDoubleClickOpenAContact()
    {
        ui::ContactsPanel panel(session);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy opened(&panel, &ui::ContactsPanel::openContact);
        panel.setSearchText(QStringLiteral("Petrovsky"));
        QTRY_COMPARE(model(panel)->rowCount(), 1);
        QListView *view = list(panel);
        view->setFocus();
        // Choosing the row shows the card, as a mail client shows a message …
        view->setCurrentIndex(view->model()->index(0, 0));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.takeFirst().at(0).toLongLong(), ivan);
        // … and Enter opens it again.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.takeFirst().at(0).toLongLong(), ivan);

        // A double-click is a press and release, then a press that is the double-click.
        const QPoint center = view->visualRect(view->model()->index(0, 0)).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);
        QVERIFY(opened.count() >= 1);
        QCOMPARE(opened.last().at(0).toLongLong(), ivan);
    }

    // The new contact dialog: a name is required; the company is picked by search; the
    // contact is created with everything entered and opened.
    void newContactDialogCreatesAContact()
    {
        ui::ContactsPanel panel(session);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy opened(&panel, &ui::ContactsPanel::openContact);
        panel.findChild<QToolButton *>(QStringLiteral("newContactButton"))->click();
        auto *dialog = panel.findChild<ui::ContactDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(!dialog->isEditing());

        dialog->accept(); // no name yet
        QVERIFY(!dialog->errorText().isEmpty());
        QVERIFY(dialog->isVisible());

        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Pavel Novikov"));
        // The company: type part of its name and take it from the completer.
        ui::CompanyField *companyField = dialog->companyField();
        companyField->lineEdit()->setFocus();
        QTest::keyClicks(companyField->lineEdit(), QStringLiteral("Glavs"));
        QCompleter *completer = companyField->completer();
        QTRY_COMPARE(completer->completionModel()->rowCount(), 1);
        QTRY_VERIFY(completer->popup()->isVisible());
        completer->popup()->setCurrentIndex(completer->completionModel()->index(0, 0));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(companyField->companyId(), company);
        QCOMPARE(companyField->lineEdit()->text(), QStringLiteral("Glavstroy LLC"));

        ui::RowListEdit *phoneRows = dialog->phonesEdit();
        QCOMPARE(phoneRows->rowCount(), 1); // a new contact starts with a phone line
        QTest::keyClicks(
            qobject_cast<QLineEdit *>(phoneRows->editor(0, 0)), QStringLiteral("+7 999 000-11-22"));
        auto *type = qobject_cast<QComboBox *>(phoneRows->editor(0, 1));
        type->setCurrentIndex(type->findData(QStringLiteral("work")));
        dialog->emailsEdit()->addRow();
        QTest::keyClicks(qobject_cast<QLineEdit *>(dialog->emailsEdit()->editor(0, 0)),
            QStringLiteral("pavel@glavstroy.example"));
        dialog->fieldsEdit()->addRow({QStringLiteral("Position"), QStringLiteral("Foreman")});

        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
            Qt::LeftButton);
        QTRY_COMPARE(opened.count(), 1);
        const qint64 id = opened.first().at(0).toLongLong();
        QTRY_VERIFY(panel.findChild<ui::ContactDialog *>() == nullptr); // closed and gone

        const HttpResult r
            = f->server().get(QStringLiteral("/api/v1/contacts/%1").arg(id), f->adminToken());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Pavel Novikov"));
        QCOMPARE(qint64(r.json.value(QStringLiteral("companyId")).toDouble()), company);
        QCOMPARE(r.json.value(QStringLiteral("phones")).toArray(),
            phones(QStringLiteral("+79990001122"), QStringLiteral("work"))); // stored in E.164
        QCOMPARE(r.json.value(QStringLiteral("emails")).toArray(),
            QJsonArray {QStringLiteral("pavel@glavstroy.example")});
        QCOMPARE(r.json.value(QStringLiteral("fields")).toObject(),
            (QJsonObject {{QStringLiteral("Position"), QStringLiteral("Foreman")}}));
    }

    // What was searched for goes where it belongs in a new contact.
    void newContactIsPrefilledFromTheSearch()
    {
        ui::ContactDialog byName(session);
        byName.prefill(QStringLiteral("Anna Kuznetsova"));
        QCOMPARE(byName.nameEdit()->text(), QStringLiteral("Anna Kuznetsova"));
        ui::ContactDialog byPhone(session);
        byPhone.prefill(QStringLiteral("+7 903 555-66-77"));
        QVERIFY(byPhone.nameEdit()->text().isEmpty());
        QCOMPARE(
            byPhone.phonesEdit()->rows().value(0).value(0), QStringLiteral("+7 903 555-66-77"));
        ui::ContactDialog byEmail(session);
        byEmail.prefill(QStringLiteral("anna@example.org"));
        QCOMPARE(
            byEmail.emailsEdit()->rows().value(0).value(0), QStringLiteral("anna@example.org"));
    }

    // A contact changed elsewhere is redrawn in the results; a merged one leaves them.
    void liveEventsUpdateTheRows()
    {
        ui::ContactsPanel panel(session);
        const qint64 a = f->contact(QStringLiteral("Livewire Alpha"));
        const qint64 b = f->contact(QStringLiteral("Livewire Beta"));
        panel.setSearchText(QStringLiteral("Livewire"));
        QTRY_COMPARE(names(panel),
            sorted({QStringLiteral("Livewire Alpha"), QStringLiteral("Livewire Beta")}));

        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/contacts/%1").arg(a),
                         {{QStringLiteral("name"), QStringLiteral("Livewire Alpha Renamed")}},
                         f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(names(panel),
            sorted({QStringLiteral("Livewire Alpha Renamed"), QStringLiteral("Livewire Beta")}));

        QCOMPARE(f->server()
                     .post(QStringLiteral("/api/v1/contacts/%1/merge").arg(a),
                         {{QStringLiteral("mergeIds"), QJsonArray {b}}}, f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(names(panel), QStringList {QStringLiteral("Livewire Alpha Renamed")});
    }
};

QTEST_MAIN(TestContactsPanel)
#include "tst_contactspanel.moc"
