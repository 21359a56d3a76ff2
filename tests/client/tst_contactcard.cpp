#include "clientfixture.h"

#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "models/tasklistmodel.h"
#include "ui/common/elidedlabel.h"
#include "ui/contacts/activitydelegate.h"
#include "ui/contacts/activityfeedview.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contactdetails.h"
#include "ui/contacts/contactdialog.h"
#include "ui/contacts/contacttasksview.h"
#include "ui/contacts/rowlistedit.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace linecard;
using namespace linecard::testing;

// The contact card against the real server: its fields, company link, tasks (active and
// all), activity feed with task tags, the edit dialog (PATCH, errors shown), the new task
// request, a merged id followed to its survivor, and live updates from another session.
class TestContactCard : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    client::Session *session = nullptr;
    qint64 manager = 0, company = 0, olga = 0;
    qint64 deliver = 0, invoice = 0, callBack = 0, unrelated = 0;

    QString contactPath(qint64 id, const QString &tail = {}) const
    {
        return QStringLiteral("/api/v1/contacts/%1%2").arg(id).arg(tail);
    }
    static QList<qint64> taskIds(ui::ContactCard &card)
    {
        QList<qint64> ids;
        TaskListModel *m = card.tasks()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            ids << m->index(row, 0).data(PagedListModel::IdRole).toLongLong();
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    static QStringList feed(ui::ContactCard &card)
    {
        QStringList out;
        ActivityModel *m = card.activity()->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            const QModelIndex i = m->index(row, 0);
            out << i.data(CommentThreadModel::TaskTitleRole).toString() + QStringLiteral(": ")
                    + i.data(CommentThreadModel::TextRole).toString();
        }
        return out;
    }
    static QLabel *nameLabel(ui::ContactCard &card)
    {
        // The biggest label of the header is the name.
        QLabel *best = nullptr;
        for (QLabel *label : card.findChildren<QLabel *>())
            if (!best || label->font().pointSizeF() > best->font().pointSizeF())
                best = label;
        return best;
    }
    static QToolButton *button(ui::ContactCard &card, const QString &text)
    {
        for (QToolButton *b : card.findChildren<QToolButton *>())
            if (b->text().remove(u'&') == text)
                return b;
        return nullptr;
    }
    void waitLoaded(ui::ContactCard &card, qint64 id)
    {
        QTRY_COMPARE(card.person().id, id);
        QTRY_VERIFY(!card.tasks()->model()->isLoading() && !card.activity()->model()->isLoading());
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ClientFixture>();
        // An employee with a real name, as the responsible.
        const HttpResult m = f->server().post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), QStringLiteral("Svetlana Orlova")},
                {QStringLiteral("login"), QStringLiteral("sorlova")},
                {QStringLiteral("password"), QStringLiteral("sorlova-password")}},
            f->adminToken());
        QCOMPARE(m.status, 201);
        manager = qint64(m.json.value(QStringLiteral("id")).toDouble());
        session = f->signInAdmin();
        QVERIFY(session);
        company = f->contact(QStringLiteral("Acme Ltd"), {{QStringLiteral("isCompany"), true}});
        olga = f->contact(QStringLiteral("Olga Smirnova"),
            {{QStringLiteral("companyId"), company}, {QStringLiteral("responsibleId"), manager},
                {QStringLiteral("phones"),
                    QJsonArray {QJsonObject {{QStringLiteral("number"),
                                                 QStringLiteral("+7 (916) 555-12-34")},
                                    {QStringLiteral("type"), QStringLiteral("mobile")}},
                        QJsonObject {
                            {QStringLiteral("number"), QStringLiteral("+7 495 700-00-01 ext. 12")},
                            {QStringLiteral("type"), QStringLiteral("work")}}}},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("olga@acme.example")}},
                {QStringLiteral("fields"),
                    QJsonObject {{QStringLiteral("INN"), QStringLiteral("7701234567")},
                        {QStringLiteral("Segment"), QStringLiteral("Wholesale")},
                        {QStringLiteral("VIP"), true}}}});
        QVERIFY(company && olga);
        deliver = f->task(QStringLiteral("Deliver the March order"), olga, {manager});
        invoice = f->task(QStringLiteral("Old invoice #1187"), olga, {manager});
        callBack = f->task(QStringLiteral("Prepare the price list"), 0, {olga});
        unrelated = f->task(QStringLiteral("Somebody else's task"));
        QVERIFY(deliver && invoice && callBack && unrelated);
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(invoice),
                         {{QStringLiteral("status"), QStringLiteral("done")}}, f->adminToken())
                     .status,
            200);
        QVERIFY(f->comment(invoice, QStringLiteral("The invoice is paid, thank you.")));
        QVERIFY(f->comment(deliver,
            QStringLiteral("The truck leaves the warehouse on Tuesday morning; "
                           "Olga asked to call her an hour before arrival so that "
                           "the loading dock is free.")));
        QVERIFY(
            f->comment(deliver, QStringLiteral("Private note: discount agreed with the director."),
                {{QStringLiteral("hidden"), true},
                    {QStringLiteral("visibleToIds"), QJsonArray {manager}}}));
        QVERIFY(f->comment(deliver, QStringLiteral("Olga, your order is packed."),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}));
        QVERIFY(f->comment(
            callBack, QStringLiteral("Not in the feed: Olga is only the assignee here.")));
        QVERIFY(f->comment(unrelated, QStringLiteral("Not in the feed either.")));
    }
    void cleanupTestCase() { f.reset(); }

    void showsTheContactsData()
    {
        ui::ContactCard card(session);
        QSignalSpy titles(&card, &ui::ContactCard::titleChanged);
        card.showContact(olga);
        waitLoaded(card, olga);
        QCOMPARE(card.contactId(), olga);
        QCOMPARE(nameLabel(card)->text(), QStringLiteral("Olga Smirnova"));
        QCOMPARE(titles.last().at(0).toString(), QStringLiteral("Olga Smirnova"));
        const QString phones = card.details()->rowText(QStringLiteral("Phones"));
        // Stored in E.164, shown in international format.
        QVERIFY2(phones.contains(QStringLiteral("+7 916 555-12-34"))
                && phones.contains(QStringLiteral("mobile"))
                && phones.contains(QStringLiteral("+7 495 700-00-01 ext. 12"))
                && phones.contains(QStringLiteral("work")),
            qPrintable(phones));
        QCOMPARE(card.details()->rowText(QStringLiteral("E-mails")),
            QStringLiteral("olga@acme.example"));
        QCOMPARE(card.details()->rowText(QStringLiteral("INN")), QStringLiteral("7701234567"));
        QCOMPARE(card.details()->rowText(QStringLiteral("Segment")), QStringLiteral("Wholesale"));
        QCOMPARE(card.details()->rowText(QStringLiteral("VIP")), QStringLiteral("yes"));
        QTRY_COMPARE(card.details()->rowText(QStringLiteral("Responsible")),
            QStringLiteral("Svetlana Orlova"));
        // Phones are selectable text (click-to-call comes with telephony).
        auto *phoneLabel = card.details()->findChild<QLabel *>(QStringLiteral("phones"));
        QVERIFY(phoneLabel->textInteractionFlags() & Qt::TextSelectableByMouse);
    }

    // Long values elide with the whole value in a tooltip instead of being cut at the edge
    // ("henrik.2@kappa-"); custom field names show as they were typed.
    void longValuesElideWithATooltip()
    {
        const QString email
            = QStringLiteral("henrik.2@kappa-engineering-international.example.com");
        const QString address
            = QStringLiteral("Kappa Engineering, Industrial Park Nord, Building 14, Gate 3");
        const qint64 henrik = f->contact(QStringLiteral("Henrik Larsen"),
            {{QStringLiteral("emails"), QJsonArray {email, QStringLiteral("h@kappa.example")}},
                {QStringLiteral("fields"),
                    QJsonObject {{QStringLiteral("Delivery address (main)"), address},
                        {QStringLiteral("notes"), QStringLiteral("Two lines\nof notes")}}}});
        QVERIFY(henrik);
        ui::ContactCard card(session);
        card.resize(420, 600);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(henrik);
        waitLoaded(card, henrik);
        QApplication::processEvents();
        auto *emails = card.details()->findChild<ui::ElidedLabel *>(QStringLiteral("emails"));
        QVERIFY(emails);
        QTRY_VERIFY(emails->isElided());
        QVERIFY(emails->text().contains(u'…'));
        QVERIFY(emails->text().contains(QStringLiteral("henrik"))); // the start stays …
        QVERIFY(emails->text().contains(QStringLiteral(".com"))); // … and so does the end
        QCOMPARE(emails->toolTip(), email + QStringLiteral("\nh@kappa.example"));
        QVERIFY(emails->geometry().right() <= card.details()->width());
        QCOMPARE(card.details()->rowText(QStringLiteral("E-mails")), emails->toolTip());
        // The custom field: its name as typed, its value elided with a tooltip.
        auto *field = card.details()->findChild<ui::ElidedLabel *>(
            QStringLiteral("field:Delivery address (main)"));
        QVERIFY(field);
        QVERIFY(field->isElided());
        QCOMPARE(field->toolTip(), address);
        QCOMPARE(card.details()->rowText(QStringLiteral("Delivery address (main)")), address);
        QCOMPARE(card.details()->rowText(QStringLiteral("notes")),
            QStringLiteral("Two lines\nof notes"));
        QVERIFY(card.grab().save(ClientFixture::screenshotPath(QStringLiteral("card-narrow.png"))));
        // Wide enough: the whole value, no tooltip.
        card.resize(1400, 600);
        QTRY_VERIFY2(!emails->isElided(),
            qPrintable(
                QStringLiteral("%1 of %2").arg(emails->width()).arg(emails->sizeHint().width())));
        QCOMPARE(emails->toolTip(), QString());
    }

    // The company is a link to its own card.
    void companyLinkOpensTheCompany()
    {
        ui::ContactCard card(session);
        card.resize(900, 600);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(olga);
        waitLoaded(card, olga);
        QLabel *link = nullptr;
        QTRY_VERIFY((link = [&]() -> QLabel * {
            for (QLabel *l : card.findChildren<QLabel *>())
                if (l->text().contains(QStringLiteral("contact:%1").arg(company))
                    && l->text().contains(QStringLiteral("Acme Ltd")))
                    return l;
            return nullptr;
        }()));
        QSignalSpy opened(&card, &ui::ContactCard::openContact);
        QTest::mouseClick(link, Qt::LeftButton, {}, QPoint(8, link->height() / 2));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), company);
    }

    void tasksActiveOrAll()
    {
        ui::ContactCard card(session);
        card.resize(1000, 650);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(olga);
        waitLoaded(card, olga);
        QCOMPARE(taskIds(card), (QList<qint64> {deliver, callBack})); // open ones, any role
        QToolButton *all = button(card, QStringLiteral("All"));
        QVERIFY(all);
        QTest::mouseClick(all, Qt::LeftButton);
        QVERIFY(card.tasks()->showsAll());
        QTRY_COMPARE(taskIds(card), (QList<qint64> {deliver, invoice, callBack}));
        QTest::mouseClick(button(card, QStringLiteral("Active")), Qt::LeftButton);
        QTRY_COMPARE(taskIds(card), (QList<qint64> {deliver, callBack}));

        // Double-click opens the task.
        QSignalSpy opened(&card, &ui::ContactCard::openTask);
        QTreeView *view = card.tasks()->view();
        const QModelIndex first = view->model()->index(0, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        QVERIFY(opened.count() >= 1);
        QCOMPARE(opened.last().at(0).toLongLong(), first.data(PagedListModel::IdRole).toLongLong());
    }

    // The feed holds the comments of the tasks where the contact is the counterparty,
    // newest first, each tagged with its task; a tag click opens the task.
    void activityFeedWithTaskTags()
    {
        ui::ContactCard card(session);
        card.resize(1000, 650);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(olga);
        waitLoaded(card, olga);
        const QStringList expected {
            QStringLiteral("Deliver the March order: Olga, your order is packed."),
            QStringLiteral(
                "Deliver the March order: Private note: discount agreed with the director."),
            QStringLiteral("Deliver the March order: The truck leaves the warehouse on Tuesday "
                           "morning; Olga asked "
                           "to call her an hour before arrival so that the loading dock is free."),
            QStringLiteral("Old invoice #1187: The invoice is paid, thank you."),
        };
        QTRY_COMPARE(feed(card), expected);

        QSignalSpy opened(&card, &ui::ContactCard::openTask);
        QListView *view = card.activity()->view();
        const QModelIndex last = view->model()->index(3, 0);
        view->scrollTo(last);
        const QRect tag = card.activity()->delegate()->tagRect(view->visualRect(last), last);
        QVERIFY(!tag.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, tag.center());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), invoice);
        // A click on the text is not a click on the tag.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->visualRect(last).bottomLeft() + QPoint(12, -12));
        QCOMPARE(opened.count(), 1);
    }

    // A comment written while the card is open appears on top with its tag.
    void liveCommentJoinsTheFeed()
    {
        ui::ContactCard card(session);
        card.showContact(olga);
        waitLoaded(card, olga);
        const int before = card.activity()->model()->rowCount();
        QVERIFY(f->comment(deliver, QStringLiteral("Arrived safely.")));
        QTRY_COMPARE(card.activity()->model()->rowCount(), before + 1);
        QCOMPARE(feed(card).first(), QStringLiteral("Deliver the March order: Arrived safely."));
        QVERIFY(f->comment(unrelated, QStringLiteral("Elsewhere.")));
        const qint64 newTask = f->task(QStringLiteral("Live task for Olga"), olga);
        QTRY_VERIFY(taskIds(card).contains(newTask));
        QCOMPARE(card.activity()->model()->rowCount(), before + 1);
    }

    void newTaskRequestCarriesTheRole()
    {
        ui::ContactCard card(session);
        card.showContact(olga);
        waitLoaded(card, olga);
        QSignalSpy requested(&card, &ui::ContactCard::newTaskRequested);
        QToolButton *newTask = button(card, QStringLiteral("New task"));
        QVERIFY(newTask && newTask->isEnabled() && newTask->menu());
        const QList<QAction *> actions = newTask->menu()->actions();
        QCOMPARE(actions.size(), 2);
        actions.at(0)->trigger();
        actions.at(1)->trigger();
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.at(0), (QVariantList {olga, true}));
        QCOMPARE(requested.at(1), (QVariantList {olga, false}));
    }

    // Edit: the dialog shows the contact; the server's refusal is shown in it; a good edit
    // is PATCHed (only what changed) and the card shows it.
    void editChangesTheServer()
    {
        const qint64 id = f->contact(QStringLiteral("Editable Person"),
            {{QStringLiteral("fields"),
                QJsonObject {{QStringLiteral("Score"), 42},
                    {QStringLiteral("City"), QStringLiteral("Kazan")}}}});
        ui::ContactCard card(session);
        card.showContact(id);
        waitLoaded(card, id);
        QToolButton *edit = button(card, QStringLiteral("Edit…"));
        QVERIFY(edit && edit->isEnabled());
        edit->click();
        auto *dialog = card.findChild<ui::ContactDialog *>();
        QVERIFY(dialog && dialog->isEditing());
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Editable Person"));
        QCOMPARE(dialog->fieldsEdit()->rows(),
            (QList<QStringList> {{QStringLiteral("City"), QStringLiteral("Kazan")},
                {QStringLiteral("Score"), QStringLiteral("42")}}));
        QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);

        // The server refuses a 301-character name; the dialog says why and stays open.
        dialog->nameEdit()->setText(QString(301, u'x'));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(!dialog->errorText().isEmpty());
        QVERIFY2(
            dialog->errorText().contains(QStringLiteral("name")), qPrintable(dialog->errorText()));
        QVERIFY(dialog->isVisible());
        QTRY_VERIFY(save->isEnabled());

        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Edited Person"));
        // A phone field formats the number as it is typed.
        dialog->phonesEdit()->addRow({QString(), QStringLiteral("work")});
        auto *phone = qobject_cast<QLineEdit *>(dialog->phonesEdit()->editor(0, 0));
        QVERIFY(phone);
        QTest::keyClicks(phone, QStringLiteral("8800"));
        QCOMPARE(phone->text(), QStringLiteral("8 800"));
        QTest::keyClicks(phone, QStringLiteral("1002030"));
        QCOMPARE(phone->text(), QStringLiteral("8 800 100-20-30"));
        // Deleting is not undone by the formatting.
        QTest::keyClick(phone, Qt::Key_Backspace);
        QTest::keyClick(phone, Qt::Key_Backspace);
        QCOMPARE(phone->text(), QStringLiteral("8 800 100-20-"));
        QTest::keyClicks(phone, QStringLiteral("30"));
        QCOMPARE(phone->text(), QStringLiteral("8 800 100-20-30"));
        dialog->emailsEdit()->addRow({QStringLiteral("edited@example.org")});
        auto *city = qobject_cast<QLineEdit *>(dialog->fieldsEdit()->editor(0, 1));
        city->clear();
        QTest::keyClicks(city, QStringLiteral("Samara"));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(card.person().name, QStringLiteral("Edited Person"));
        QTRY_VERIFY(card.findChild<ui::ContactDialog *>() == nullptr);

        const HttpResult r = f->server().get(contactPath(id), f->adminToken());
        QCOMPARE(r.json.value(QStringLiteral("name")).toString(), QStringLiteral("Edited Person"));
        QCOMPARE(r.json.value(QStringLiteral("phones"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("number"))
                     .toString(),
            QStringLiteral("+78001002030"));
        QCOMPARE(r.json.value(QStringLiteral("emails")).toArray(),
            QJsonArray {QStringLiteral("edited@example.org")});
        // The untouched number stays a number.
        QCOMPARE(r.json.value(QStringLiteral("fields")).toObject(),
            (QJsonObject {{QStringLiteral("City"), QStringLiteral("Samara")},
                {QStringLiteral("Score"), 42}}));
        QCOMPARE(card.details()->rowText(QStringLiteral("City")), QStringLiteral("Samara"));
    }

    // A merged id answers with the survivor: the card shows it and says so.
    void mergedIdShowsTheSurvivor()
    {
        const qint64 keep = f->contact(QStringLiteral("Survivor Sam"));
        const qint64 gone = f->contact(QStringLiteral("Duplicate Sam"));
        QCOMPARE(f->server()
                     .post(contactPath(keep, QStringLiteral("/merge")),
                         {{QStringLiteral("mergeIds"), QJsonArray {gone}}}, f->adminToken())
                     .status,
            200);
        ui::ContactCard card(session);
        card.showContact(gone);
        waitLoaded(card, keep);
        QCOMPARE(card.contactId(), keep);
        QCOMPARE(nameLabel(card)->text(), QStringLiteral("Survivor Sam"));
        QVERIFY2(card.noticeText().contains(QStringLiteral("#%1 was merged").arg(gone)),
            qPrintable(card.noticeText()));
    }

    void unknownContactSaysSo()
    {
        ui::ContactCard card(session);
        card.showContact(987654);
        QTRY_VERIFY(!card.noticeText().isEmpty());
        QVERIFY(card.noticeText().contains(QStringLiteral("does not exist")));
        QVERIFY(!button(card, QStringLiteral("Edit…"))->isEnabled());
    }

    // Another operator's change reaches an open card through the event stream.
    void liveUpdateFromAnotherSession()
    {
        QVERIFY(f->employee(QStringLiteral("colleague")));
        client::Session *colleague
            = f->signIn(QStringLiteral("colleague"), QStringLiteral("colleague-password"));
        QVERIFY(colleague);
        const qint64 id = f->contact(QStringLiteral("Live Lena"));
        ui::ContactCard card(session);
        card.showContact(id);
        waitLoaded(card, id);
        bool done = false;
        colleague->rest()->patch(contactPath(id),
            {{QStringLiteral("name"), QStringLiteral("Lena Updated")},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("lena@example.org")}}},
            &card, [&done](const QJsonObject &) { done = true; });
        QTRY_VERIFY(done);
        QTRY_COMPARE(nameLabel(card)->text(), QStringLiteral("Lena Updated"));
        QCOMPARE(
            card.details()->rowText(QStringLiteral("E-mails")), QStringLiteral("lena@example.org"));
    }

    void screenshot()
    {
        ui::ContactCard card(session);
        card.resize(1100, 680);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(olga);
        waitLoaded(card, olga);
        QTRY_VERIFY(card.activity()->model()->rowCount() >= 4);
        QTRY_VERIFY(!card.details()->rowText(QStringLiteral("Responsible")).startsWith(u'#'));
        QVERIFY(card.grab().save(ClientFixture::screenshotPath(QStringLiteral("contactcard.png"))));
        // And its edit dialog, for the look of the form.
        card.editContact();
        auto *dialog = card.findChild<ui::ContactDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(dialog->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("contactdialog.png"))));
        dialog->reject();
    }
};

QTEST_MAIN(TestContactCard)
#include "tst_contactcard.moc"
