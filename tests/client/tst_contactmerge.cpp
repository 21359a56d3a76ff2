#include "clientfixture.h"

#include "app/eventstream.h"
#include "app/session.h"
#include "models/contactlistmodel.h"
#include "models/tasklistmodel.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contactpicker.h"
#include "ui/contacts/contacttasksview.h"
#include "ui/contacts/mergedialog.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

// Merging two records of one person from the card: find the other by search, read what
// will move, confirm; the server moved everything and the card shows the survivor. Also
// the other direction, and a merge by a colleague reaching an open card live.
class TestContactMerge : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    client::Session *session = nullptr;

    static QJsonArray phone(const QString &number)
    {
        return {QJsonObject {{QStringLiteral("number"), number},
            {QStringLiteral("type"), QStringLiteral("mobile")}}};
    }
    HttpResult get(const QString &path) { return f->server().get(path, f->adminToken()); }
    QList<qint64> tasksOf(qint64 contact)
    {
        QList<qint64> ids;
        for (const QJsonValue &t : get(QStringLiteral("/api/v1/contacts/%1/tasks").arg(contact))
                                       .json.value(QStringLiteral("items"))
                                       .toArray())
            ids << qint64(t.toObject().value(QStringLiteral("id")).toDouble());
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    static int rowOf(ui::ContactPicker *picker, qint64 id)
    {
        QAbstractItemModel *m = picker->view()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            if (m->index(row, 0).data(PagedListModel::IdRole).toLongLong() == id)
                return row;
        return -1;
    }
    // Opens the merge dialog of the card and picks `other` by typing `search`.
    ui::MergeDialog *pick(
        ui::ContactCard &card, const QString &search, qint64 other, const QString &screenshot = {})
    {
        card.mergeContact();
        auto *dialog = card.findChild<ui::MergeDialog *>();
        if (!dialog)
            return nullptr;
        ui::ContactPicker *picker = dialog->picker();
        QLineEdit *edit = picker->searchEdit();
        edit->selectAll();
        QTest::keyClicks(edit, search);
        if (!QTest::qWaitFor([&] { return rowOf(picker, other) >= 0; }))
            return nullptr;
        const int row = rowOf(picker, other);
        picker->view()->setCurrentIndex(picker->view()->model()->index(row, 0));
        if (!dialog->nextButton()->isEnabled())
            return nullptr;
        if (!screenshot.isEmpty())
            dialog->grab().save(screenshot);
        QTest::mouseClick(dialog->nextButton(), Qt::LeftButton);
        return dialog;
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ClientFixture>();
        session = f->signInAdmin();
        QVERIFY(session);
    }
    void cleanupTestCase() { f.reset(); }

    void mergeThroughTheDialog()
    {
        const qint64 petr = f->contact(QStringLiteral("Petr Volkov"),
            {{QStringLiteral("phones"), phone(QStringLiteral("+7 916 200-30-40"))},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("petr@volkov.example")}}});
        const qint64 dup = f->contact(QStringLiteral("P. Volkov (caller)"),
            {{QStringLiteral("phones"),
                 QJsonArray {
                     QJsonObject {{QStringLiteral("number"), QStringLiteral("+7 903 111-22-33")},
                         {QStringLiteral("type"), QStringLiteral("mobile")}},
                     QJsonObject {{QStringLiteral("number"), QStringLiteral("8 (916) 200-30-40")},
                         {QStringLiteral("type"), QStringLiteral("work")}}}},
                {QStringLiteral("emails"), QJsonArray {QStringLiteral("pv@mail.example")}},
                {QStringLiteral("fields"),
                    QJsonObject {{QStringLiteral("Source"), QStringLiteral("incoming call")}}}});
        QVERIFY(petr && dup);
        const qint64 petrTask = f->task(QStringLiteral("Petr's open order"), petr);
        const qint64 dupTask = f->task(QStringLiteral("Callback request"), dup);
        const qint64 dupTask2 = f->task(QStringLiteral("Quote for windows"), dup);
        QVERIFY(petrTask && dupTask && dupTask2);
        QVERIFY(f->comment(dupTask, QStringLiteral("Called about the delivery.")));
        QVERIFY(f->comment(dupTask, QStringLiteral("Asked for a callback after 6 pm.")));
        QVERIFY(f->comment(dupTask2, QStringLiteral("Sent the quote.")));

        ui::ContactCard card(session);
        card.resize(1000, 640);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        card.showContact(dup);
        QTRY_COMPARE(card.person().id, dup);

        ui::MergeDialog *dialog = pick(card, QStringLiteral("volkov"), petr,
            ClientFixture::screenshotPath(QStringLiteral("merge-search.png")));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(rowOf(dialog->picker(), dup) < 0); // the contact itself is never offered
        // By default the shown record (a caller created on the fly) goes into the one found.
        QVERIFY(dialog->keepOtherButton()->isChecked());
        QCOMPARE(dialog->survivorId(), petr);
        QCOMPARE(dialog->duplicateId(), dup);
        QVERIFY(!dialog->mergeButton()->isEnabled() || !dialog->isCounting());
        QTRY_VERIFY(!dialog->isCounting());
        QVERIFY(dialog->mergeButton()->isEnabled());
        const QString summary = dialog->summaryText();
        for (const QString &part : {QStringLiteral("2 tasks"), QStringLiteral("3 comments"),
                 QStringLiteral("+7 903 111-22-33"), QStringLiteral("1 already on"),
                 QStringLiteral("pv@mail.example"), QStringLiteral("Source"),
                 QStringLiteral("P. Volkov (caller)")})
            QVERIFY2(
                summary.contains(part), qPrintable(part + QStringLiteral(" not in:\n") + summary));

        QVERIFY(dialog->grab().save(ClientFixture::screenshotPath(QStringLiteral("merge.png"))));

        QSignalSpy merged(dialog, &ui::MergeDialog::merged);
        QTest::mouseClick(dialog->mergeButton(), Qt::LeftButton);
        QTRY_COMPARE(card.contactId(), petr);
        QCOMPARE(merged.count(), 1);
        QTRY_COMPARE(card.person().name, QStringLiteral("Petr Volkov"));
        QVERIFY2(card.noticeText().contains(QStringLiteral("P. Volkov (caller)")),
            qPrintable(card.noticeText()));
        QTRY_VERIFY(card.findChild<ui::MergeDialog *>() == nullptr);

        // The server: the duplicate answers with the survivor, its tasks moved.
        const HttpResult old = get(QStringLiteral("/api/v1/contacts/%1").arg(dup));
        QCOMPARE(old.status, 200);
        QCOMPARE(qint64(old.json.value(QStringLiteral("mergedInto")).toDouble()), petr);
        QCOMPARE(qint64(old.json.value(QStringLiteral("id")).toDouble()), petr);
        QList<qint64> all {petrTask, dupTask, dupTask2};
        std::sort(all.begin(), all.end());
        QCOMPARE(tasksOf(petr), all);
        // And the card lists them.
        QTRY_COMPARE(card.tasks()->model()->rowCount(), 3);
        QCOMPARE(card.person().emails,
            (QStringList {
                QStringLiteral("petr@volkov.example"), QStringLiteral("pv@mail.example")}));
    }

    // Keeping the record shown: the other one is merged into it, the card stays.
    void mergeTheOtherIntoTheShownContact()
    {
        const qint64 keep = f->contact(QStringLiteral("Keeper Kira"));
        const qint64 other = f->contact(QStringLiteral("Kira Keeper-Dup"),
            {{QStringLiteral("phones"), phone(QStringLiteral("+7 905 000-00-01"))}});
        const qint64 otherTask = f->task(QStringLiteral("Kira's task"), other);
        ui::ContactCard card(session);
        card.showContact(keep);
        QTRY_COMPARE(card.person().id, keep);
        ui::MergeDialog *dialog = pick(card, QStringLiteral("Kira"), other);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->keepShownButton(), Qt::LeftButton);
        QCOMPARE(dialog->survivorId(), keep);
        QTRY_VERIFY(!dialog->isCounting());
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("1 task")),
            qPrintable(dialog->summaryText()));
        QTest::mouseClick(dialog->mergeButton(), Qt::LeftButton);
        QTRY_VERIFY(card.findChild<ui::MergeDialog *>() == nullptr);
        QCOMPARE(card.contactId(), keep);
        QTRY_COMPARE(card.person().phones.size(), 1);
        QCOMPARE(tasksOf(keep), QList<qint64> {otherTask});
        QTRY_COMPARE(card.tasks()->model()->rowCount(), 1);
        QCOMPARE(qint64(get(QStringLiteral("/api/v1/contacts/%1").arg(other))
                            .json.value(QStringLiteral("mergedInto"))
                            .toDouble()),
            keep);
    }

    // A colleague merges the contact shown: the card moves to the survivor on its own.
    void mergeByAColleagueReachesAnOpenCard()
    {
        const qint64 keep = f->contact(QStringLiteral("Remote Survivor"));
        const qint64 gone = f->contact(QStringLiteral("Remote Duplicate"));
        ui::ContactCard card(session);
        card.showContact(gone);
        QTRY_COMPARE(card.person().id, gone);
        QCOMPARE(f->server()
                     .post(QStringLiteral("/api/v1/contacts/%1/merge").arg(keep),
                         {{QStringLiteral("mergeIds"), QJsonArray {gone}}}, f->adminToken())
                     .status,
            200);
        QTRY_COMPARE(card.contactId(), keep);
        QTRY_COMPARE(card.person().name, QStringLiteral("Remote Survivor"));
        QVERIFY2(card.noticeText().contains(QStringLiteral("Remote Duplicate")),
            qPrintable(card.noticeText()));
    }

    // The server refuses (the other record was merged elsewhere meanwhile): the dialog says so.
    void refusedMergeIsShown()
    {
        const qint64 a = f->contact(QStringLiteral("Conflict Anna"));
        const qint64 b = f->contact(QStringLiteral("Conflict Anna B"));
        const qint64 c = f->contact(QStringLiteral("Third Record"));
        ui::ContactCard card(session);
        card.showContact(a);
        QTRY_COMPARE(card.person().id, a);
        ui::MergeDialog *dialog = pick(card, QStringLiteral("Conflict"), b);
        QVERIFY(dialog);
        QTRY_VERIFY(!dialog->isCounting());
        // Meanwhile a colleague merged b into c: a cannot be merged into b any more.
        QCOMPARE(f->server()
                     .post(QStringLiteral("/api/v1/contacts/%1/merge").arg(c),
                         {{QStringLiteral("mergeIds"), QJsonArray {b}}}, f->adminToken())
                     .status,
            200);
        QTest::mouseClick(dialog->mergeButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog->errorText().isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(card.contactId(), a);
        dialog->reject();
    }
};

QTEST_MAIN(TestContactMerge)
#include "tst_contactmerge.moc"
