#include "clientfixture.h"

#include "app/draftstore.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "models/peopledirectory.h"
#include "ui/markdown/markdownpreview.h"
#include "ui/tasks/commentdelegate.h"
#include "ui/tasks/commentlistview.h"
#include "ui/tasks/composer.h"
#include "ui/tasks/markerstyle.h"
#include "ui/tasks/peoplepicker.h"
#include "ui/tasks/taskheader.h"
#include "ui/tasks/taskview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace linecard;
using namespace linecard::testing;

// The task view against the real server: the header and its status, the composer's
// notify/hidden/internal controls (stored by the server, drawn with the right markers), the
// PlanFix safety rule for pre-selected recipients, the "visible to" line under the account
// settings, drafts that outlive the view, a failed send, live comments, a contact's
// simplified reply box, and screenshots of all four markers in light and dark palettes.
class TestTaskView : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    qint64 olga = 0, pavel = 0, ivan = 0, task = 0;

    qint64 employee(const QString &name, const QString &login)
    {
        const HttpResult r = f->server().post(QStringLiteral("/api/v1/people"),
            {{QStringLiteral("name"), name}, {QStringLiteral("login"), login},
                {QStringLiteral("password"), QString(login + QStringLiteral("-password"))}},
            f->adminToken());
        return r.status == 201 ? qint64(r.json.value(QStringLiteral("id")).toDouble()) : 0;
    }
    client::Session *signIn(const QString &login)
    {
        client::Session *session = f->signIn(login, login + QStringLiteral("-password"));
        if (session && session->me().isEmployee())
            (void)QTest::qWaitFor(
                [session] { return !session->people()->employees().isEmpty(); }, 10000);
        return session;
    }
    QString token(const QString &login)
    {
        return f->server().login(login, login + QStringLiteral("-password"));
    }
    QJsonArray storedComments()
    {
        return f->server()
            .get(QStringLiteral("/api/v1/tasks/%1/comments").arg(task), f->adminToken())
            .json.value(QStringLiteral("items"))
            .toArray();
    }
    bool patchSettings(const QJsonObject &patch)
    {
        return f->server().patch(QStringLiteral("/api/v1/settings"), patch, f->adminToken()).status
            == 200;
    }
    static void waitLive(client::Session *session)
    {
        QTRY_VERIFY(session->events()->state() == client::EventStream::State::Connected
            && session->events()->lastSeq() >= 0);
    }
    static bool threadLoaded(ui::TaskView &view)
    {
        return view.thread()->isAtEnd() && !view.thread()->isLoading() && !view.task().isEmpty();
    }
    // Shows the test's task in `view` (at `size` when given); true once its thread is in and
    // every request of the view answered — opening a task marks it read, a write whose flush
    // would otherwise be the one a test's HeldFlushes holds first.
    bool showsTheTask(ui::TaskView &view, QSize size = {})
    {
        if (size.isValid())
            view.resize(size);
        view.show();
        view.showTask(task);
        return QTest::qWaitFor(
            [&] { return threadLoaded(view) && view.findChildren<QNetworkReply *>().isEmpty(); },
            10000);
    }
    static void check(ui::PeoplePicker *picker, qint64 id, bool on = true)
    {
        QTreeWidget *list = picker->list();
        for (int g = 0; g < list->topLevelItemCount(); ++g)
            for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i) {
                QTreeWidgetItem *item = list->topLevelItem(g)->child(i);
                if (item->data(0, Qt::UserRole + 1).toLongLong() == id) {
                    item->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
                    return;
                }
            }
        QFAIL("the person is not in the picker");
    }
    // The picker's group ("Employees"/"Contacts") holding the person, or empty.
    static QString groupOf(ui::PeoplePicker *picker, qint64 id)
    {
        QTreeWidget *list = picker->list();
        for (int g = 0; g < list->topLevelItemCount(); ++g)
            for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i)
                if (list->topLevelItem(g)->child(i)->data(0, Qt::UserRole + 1).toLongLong() == id)
                    return list->topLevelItem(g)->text(0);
        return {};
    }
    static QModelIndex last(ui::TaskView &view)
    {
        return view.thread()->index(view.thread()->rowCount() - 1, 0);
    }
    static QList<ui::CommentDelegate::Marker> kinds(const QModelIndex &index)
    {
        QList<ui::CommentDelegate::Marker> out;
        for (const auto &line : ui::CommentDelegate::markerLines(index))
            out << line.kind;
        return out;
    }
    static void type(ui::Composer *composer, const QString &text)
    {
        composer->editor()->setFocus();
        QTest::keyClicks(composer->editor(), text);
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        olga = employee(QStringLiteral("Olga Smirnova"), QStringLiteral("olga"));
        pavel = employee(QStringLiteral("Pavel Orlov"), QStringLiteral("pavel"));
        ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(olga && pavel && ivan);
        QVERIFY(f->giveAccess(ivan, QStringLiteral("ivan")));
        task = f->task(QStringLiteral("Router drops the connection"), ivan, {olga, pavel});
        QVERIFY(task);
    }
    void cleanup() { f.reset(); }

    void headerShowsTheTaskAndChangesItsStatus()
    {
        QCOMPARE(f->server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(task),
                         {{QStringLiteral("description"),
                             QStringLiteral("Since **Monday**, every evening.")}},
                         f->adminToken())
                     .status,
            200);
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QSignalSpy titles(&view, &ui::TaskView::titleChanged);
        QSignalSpy contacts(&view, &ui::TaskView::openContact);
        view.resize(900, 700);
        view.show();
        // Before a task is chosen: a word on what goes here, no thread and no reply box.
        auto *placeholder = view.findChild<QLabel *>(QStringLiteral("taskViewPlaceholder"));
        QVERIFY(placeholder && placeholder->isVisible());
        QVERIFY(!view.composer()->isVisible() && !view.header()->isVisible());
        view.showTask(task);
        QVERIFY(!placeholder->isVisible());
        QVERIFY(view.composer()->isVisible() && view.header()->isVisible());
        QCOMPARE(view.taskId(), task);
        QTRY_COMPARE(view.header()->titleText(), QStringLiteral("Router drops the connection"));
        QCOMPARE(titles.size(), 1);
        QCOMPARE(titles.at(0).at(0).toString(), QStringLiteral("Router drops the connection"));
        QTRY_VERIFY(
            view.header()->counterpartyLabel()->text().contains(QStringLiteral("Ivan Petrov")));
        QTRY_VERIFY(view.header()->rolesLabel()->text().contains(QStringLiteral("Pavel Orlov")));
        QVERIFY(view.findChild<QWidget *>(QStringLiteral("taskDescription"))->isVisible());

        // The counterparty is a link to its card.
        QLabel *counterparty = view.header()->counterpartyLabel();
        const QRegularExpression href(QStringLiteral("href=\"([^\"]+)\""));
        const QString link = href.match(counterparty->text()).captured(1);
        QCOMPARE(link, QStringLiteral("contact:%1").arg(ivan));
        emit counterparty->linkActivated(link);
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts.at(0).at(0).toLongLong(), ivan);

        // Status by keyboard: open → done, stored by the server.
        QComboBox *status = view.header()->statusBox();
        QVERIFY(status->isEnabled());
        status->setFocus();
        QTest::keyClick(status, Qt::Key_Down);
        QTRY_COMPARE(f->server()
                         .get(QStringLiteral("/api/v1/tasks/%1").arg(task), f->adminToken())
                         .json.value(QStringLiteral("status"))
                         .toString(),
            QStringLiteral("done"));
        QTRY_COMPARE(
            view.task().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
    }

    // A status change is answered once it is on the disk; a colleague's retitle made
    // meanwhile reaches the view first, and the older answer must not bring the old title back.
    void aStatusAnswerDoesNotUndoANewerChange()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        waitLive(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        QNetworkAccessManager colleague;
        const QString pavelToken = token(QStringLiteral("pavel"));
        {
            HeldFlushes held(f->server());
            QComboBox *status = view.header()->statusBox();
            status->setFocus();
            QTest::keyClick(status, Qt::Key_Down); // open → done
            QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 10000));
            QTRY_COMPARE(
                view.task().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
            f->server().send(colleague, "PATCH", QStringLiteral("/api/v1/tasks/%1").arg(task),
                pavelToken, R"({"title":"Fixed on Friday"})");
            QTRY_COMPARE(view.task().value(QStringLiteral("title")).toString(),
                QStringLiteral("Fixed on Friday")); // its event, before either answer
        }
        // Every answer in: the view's requests are its children until then.
        QTRY_VERIFY(view.findChildren<QNetworkReply *>().isEmpty());
        QCOMPARE(view.task().value(QStringLiteral("title")).toString(),
            QStringLiteral("Fixed on Friday"));
        QCOMPARE(view.task().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
    }

    void commentNotifyingAContactIsExternal()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view, QSize(900, 700)));
        ui::Composer *composer = view.composer();
        ui::PeoplePicker *notify = composer->notifyPicker();
        // Employees and contacts in their own groups; the counterparty is a contact.
        QTRY_COMPARE(groupOf(notify, ivan), QStringLiteral("Contacts"));
        QCOMPARE(groupOf(notify, pavel), QStringLiteral("Employees"));
        QVERIFY(groupOf(notify, olga).isEmpty()); // not myself
        QVERIFY(notify->selectedIds().isEmpty()); // an empty thread pre-selects nobody

        type(composer, QStringLiteral("Ivan, we opened a ticket with the provider."));
        QVERIFY(composer->audienceLine()->text().contains(QStringLiteral("Only employees")));
        // The picker opens as a popup under its button.
        QTest::mouseClick(notify->button(), Qt::LeftButton);
        QTRY_VERIFY(notify->list()->isVisible());
        check(notify, ivan);
        QTest::keyClick(notify->list(), Qt::Key_Escape);
        QTRY_VERIFY(!notify->list()->isVisible());
        QTRY_VERIFY(notify->summaryText().contains(QStringLiteral("Ivan Petrov")));
        // Before it is sent, the composer names the contact who will read it.
        QVERIFY(composer->audienceLine()->text().contains(QStringLiteral("Visible to contacts")));
        QTRY_VERIFY(composer->audienceLine()->text().contains(QStringLiteral("Ivan Petrov")));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);

        QTRY_COMPARE(view.thread()->rowCount(), 1);
        const QJsonArray stored = storedComments();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.at(0)[QStringLiteral("notifiedIds")].toArray(), QJsonArray {ivan});
        QCOMPARE(stored.at(0)[QStringLiteral("hidden")].toBool(), false);
        QCOMPARE(stored.at(0)[QStringLiteral("internal")].toBool(), false);
        const QModelIndex index = last(view);
        QTRY_VERIFY(index.data(CommentThreadModel::ExternalRole).toBool());
        QCOMPARE(ui::CommentDelegate::externalTag(index), QStringLiteral("to a contact"));
        QCOMPARE(kinds(index),
            QList<ui::CommentDelegate::Marker> {ui::CommentDelegate::Marker::Notified});
        QTRY_VERIFY(ui::CommentDelegate::markerLines(index).at(0).text.contains(
            QStringLiteral("Ivan Petrov")));
        // Once answered (the event comes first), the box is empty again and so is the draft.
        QTRY_VERIFY(composer->editor()->toPlainText().isEmpty());
        QVERIFY(session->drafts()->draft(QStringLiteral("task:%1").arg(task)).isEmpty());

        // The card is painted in the external tint.
        ui::CommentListView *list = view.threadView();
        QTRY_VERIFY(list->visualRect(index).height() > 0);
        const QImage image = list->viewport()->grab().toImage();
        const QRect rect = list->visualRect(index);
        const QColor painted = image.pixelColor(rect.left() + 8 + 4 + 4, rect.center().y());
        QCOMPARE(painted.name(), ui::markers::externalBackground(list->palette()).name());
    }

    void hiddenAndInternalComments()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view, QSize(900, 700)));
        ui::Composer *composer = view.composer();
        QTRY_COMPARE(groupOf(composer->notifyPicker(), ivan), QStringLiteral("Contacts"));

        // Hidden, visible to Pavel only.
        QVERIFY(!composer->visibleToPicker()->isVisible());
        type(composer, QStringLiteral("Same words"));
        QTest::mouseClick(composer->hiddenToggle(), Qt::LeftButton);
        QVERIFY(composer->hiddenToggle()->isChecked());
        QVERIFY(composer->visibleToPicker()->isVisible());
        check(composer->visibleToPicker(), pavel);
        QVERIFY(composer->audienceLine()->text().startsWith(QStringLiteral("Hidden")));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE(view.thread()->rowCount(), 1);
        // The event shows a comment before its answer (which waits for the disk): a person sees
        // "Sending…" meanwhile, and writes the next one once it says "Send" again.
        QTRY_COMPARE(composer->sendButton()->text(), ui::Composer::tr("Send"));
        QVERIFY(!composer->hiddenToggle()->isChecked()); // the next comment starts public again

        // Internal, even with a contact notified: no contact reads it.
        type(composer, QStringLiteral("Provider says the line is fine; probably his old router."));
        QTest::mouseClick(composer->internalToggle(), Qt::LeftButton);
        check(composer->notifyPicker(), ivan);
        QVERIFY(composer->audienceLine()->text().startsWith(QStringLiteral("Internal")));
        composer->editor()->setFocus();
        QTest::keyClick(
            composer->editor(), Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter sends
        QTRY_COMPARE(view.thread()->rowCount(), 2);

        // A plain one with the same words as the hidden one, for the heights.
        QTRY_COMPARE(composer->sendButton()->text(), ui::Composer::tr("Send"));
        type(composer, QStringLiteral("Same words"));
        check(composer->notifyPicker(), ivan, false);
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE(view.thread()->rowCount(), 3);

        const QJsonArray stored = storedComments();
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.at(0)[QStringLiteral("hidden")].toBool(), true);
        QCOMPARE(stored.at(0)[QStringLiteral("visibleToIds")].toArray(), QJsonArray {pavel});
        QCOMPARE(stored.at(0)[QStringLiteral("internal")].toBool(), false);
        QCOMPARE(stored.at(1)[QStringLiteral("internal")].toBool(), true);
        QCOMPARE(stored.at(1)[QStringLiteral("hidden")].toBool(), false);
        QCOMPARE(stored.at(1)[QStringLiteral("notifiedIds")].toArray(), QJsonArray {ivan});
        QCOMPARE(stored.at(2)[QStringLiteral("hidden")].toBool(), false);
        QCOMPARE(stored.at(2)[QStringLiteral("internal")].toBool(), false);

        CommentThreadModel *thread = view.thread();
        const QModelIndex hidden = thread->index(0, 0), internal = thread->index(1, 0),
                          plain = thread->index(2, 0);
        QVERIFY(hidden.data(CommentThreadModel::HiddenRole).toBool());
        QCOMPARE(kinds(hidden).value(0), ui::CommentDelegate::Marker::Hidden);
        QTRY_VERIFY(ui::CommentDelegate::markerLines(hidden).at(0).text.contains(
            QStringLiteral("Pavel Orlov")));
        QVERIFY(internal.data(CommentThreadModel::InternalRole).toBool());
        QVERIFY(
            !internal.data(CommentThreadModel::ExternalRole).toBool()); // internal talk is not blue
        QCOMPARE(kinds(internal),
            (QList<ui::CommentDelegate::Marker> {
                ui::CommentDelegate::Marker::Internal, ui::CommentDelegate::Marker::Notified}));
        QCOMPARE(ui::CommentDelegate::markerLines(internal).at(0).text,
            QStringLiteral("Not visible to contacts"));
        QVERIFY(kinds(plain).isEmpty());
        // The view lays the markers out: the hidden card is taller than the plain one.
        ui::CommentListView *list = view.threadView();
        QTRY_VERIFY(list->visualRect(hidden).height() > list->visualRect(plain).height());
        QCOMPARE(list->commentDelegate()->sizeHint({}, hidden).height(),
            list->visualRect(hidden).height());
    }

    void noContactIsPreselectedInAColleaguesTalk()
    {
        // Pavel talked with Ivan; Olga joins the thread.
        QVERIFY(f->comment(task, QStringLiteral("Ivan, could you restart the router?"),
            {{QStringLiteral("notifiedIds"), QJsonArray {ivan}}}, token(QStringLiteral("pavel"))));
        QVERIFY(f->comment(task, QStringLiteral("Done, still the same."),
            {{QStringLiteral("notifiedIds"), QJsonArray {pavel}}}, token(QStringLiteral("ivan"))));
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        ui::PeoplePicker *notify = view.composer()->notifyPicker();
        // PlanFix pre-selects the last comment's people — Pavel — but never the client here.
        QTRY_COMPARE(notify->selectedIds(), QList<qint64> {pavel});
        type(view.composer(), QStringLiteral("Pavel, let me look at the logs."));
        QVERIFY(view.composer()->audienceLine()->text().contains(QStringLiteral("Only employees")));
    }

    void myOwnTalkWithTheClientIsPreselected()
    {
        QVERIFY(f->comment(task, QStringLiteral("Ivan, could you restart the router?"),
            {{QStringLiteral("notifiedIds"), QJsonArray {ivan}}}, token(QStringLiteral("olga"))));
        QVERIFY(f->comment(task, QStringLiteral("Done, still the same."),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}, token(QStringLiteral("ivan"))));
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        QTRY_COMPARE(view.composer()->notifyPicker()->selectedIds(), QList<qint64> {ivan});
        type(view.composer(), QStringLiteral("Thanks, checking."));
        QTRY_VERIFY(
            view.composer()->audienceLine()->text().contains(QStringLiteral("Ivan Petrov")));
    }

    void visibleToLineFollowsTheAccountSettings()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        waitLive(session);
        ui::Composer *composer = view.composer();
        type(composer, QStringLiteral("Internal note"));
        QTRY_VERIFY(composer->audienceLine()->text().contains(QStringLiteral("Only employees")));
        // Contacts see every non-internal comment once the setting is off: the line says so
        // at once (settings.updated), naming the counterparty though nobody is notified.
        QVERIFY(patchSettings({{QStringLiteral("contactsSeeOnlyNotified"), false}}));
        QTRY_VERIFY(
            composer->audienceLine()->text().contains(QStringLiteral("Visible to contacts")));
        QTRY_VERIFY(composer->audienceLine()->text().contains(QStringLiteral("Ivan Petrov")));
        QVERIFY(composer->audienceLine()->autoFillBackground()); // tinted like an external card
        QTest::mouseClick(composer->internalToggle(), Qt::LeftButton);
        QVERIFY(composer->audienceLine()->text().startsWith(QStringLiteral("Internal")));
        QTest::mouseClick(composer->internalToggle(), Qt::LeftButton);
        QTest::mouseClick(composer->hiddenToggle(), Qt::LeftButton);
        QVERIFY(composer->audienceLine()->text().startsWith(QStringLiteral("Hidden")));
        check(composer->visibleToPicker(), ivan);
        QTRY_VERIFY(composer->audienceLine()->text().contains(QStringLiteral("Ivan Petrov")));
    }

    void aDraftOutlivesTheView()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        const QString key = QStringLiteral("task:%1").arg(task);
        session->drafts()->clear(key);
        {
            ui::TaskView view(session);
            QVERIFY(showsTheTask(view));
            QTRY_COMPARE(
                groupOf(view.composer()->notifyPicker(), ivan), QStringLiteral("Contacts"));
            type(view.composer(), QStringLiteral("Half-written answer"));
            check(view.composer()->notifyPicker(), ivan);
        }
        // On disk at once, as a restarted (or crashed) client would read it.
        const client::DraftStore fromDisk(session->drafts()->filePath());
        QCOMPARE(fromDisk.draft(key).value(QStringLiteral("text")).toString(),
            QStringLiteral("Half-written answer"));
        ui::TaskView again(session);
        again.show();
        again.showTask(task);
        QCOMPARE(again.composer()->editor()->toPlainText(), QStringLiteral("Half-written answer"));
        QTRY_VERIFY(threadLoaded(again));
        // The recipients the operator chose come back too, not the defaults.
        QCOMPARE(again.composer()->notifyPicker()->selectedIds(), QList<qint64> {ivan});
    }

    void aFailedSendKeepsTheTextAndSaysWhy()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        // More than the server takes.
        const QString tooLong = QString(100001, u'x');
        view.composer()->editor()->setPlainText(tooLong);
        QTest::mouseClick(view.composer()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY(view.composer()->errorLine()->isVisible());
        QVERIFY(view.composer()->errorLine()->text().startsWith(QStringLiteral("Not sent: ")));
        QVERIFY(view.composer()->errorLine()->text().size() > 12); // and why
        QCOMPARE(view.composer()->editor()->toPlainText(), tooLong);
        QCOMPARE(session->drafts()
                     ->draft(QStringLiteral("task:%1").arg(task))
                     .value(QStringLiteral("text"))
                     .toString(),
            tooLong);
        QVERIFY(view.composer()->sendButton()->isEnabled()); // ready to try again
        QCOMPARE(storedComments().size(), 0);
    }

    // The next comment typed while the last one is being sent stays, without the one sent: the
    // answer comes once the comment is on the disk (after its event), and used to clear both.
    void whatIsTypedWhileSendingStays()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        ui::Composer *composer = view.composer();
        {
            HeldFlushes held(f->server());
            type(composer, QStringLiteral("First"));
            QTest::mouseClick(composer->internalToggle(), Qt::LeftButton);
            QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
            QVERIFY(QTest::qWaitFor([&] { return held.flushing.available() > 0; }, 10000));
            QTRY_COMPARE(view.thread()->rowCount(), 1); // its event is in, its answer is not
            QCOMPARE(composer->sendButton()->text(), ui::Composer::tr("Sending…"));
            QTest::keyClick(composer->editor(), Qt::Key_Return); // a new line, not a send
            type(composer, QStringLiteral("Second, typed meanwhile"));
            held.release.release();
            QTRY_COMPARE(composer->sendButton()->text(), ui::Composer::tr("Send"));
        }
        QCOMPARE(composer->editor()->toPlainText(), QStringLiteral("Second, typed meanwhile"));
        QVERIFY(!composer->internalToggle()->isChecked()); // a new comment, set up as any new one
        QCOMPARE(session->drafts()
                     ->draft(QStringLiteral("task:%1").arg(task))
                     .value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("Second, typed meanwhile"));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE(view.thread()->rowCount(), 2);
        QTRY_COMPARE(composer->editor()->toPlainText(), QString()); // sent: cleared
        QCOMPARE(storedComments().size(), 2);
    }

    // "Not sent: Connection refused" while the server is away; once it is back, sending
    // again posts the comment and the error line goes.
    void theSendErrorClearsOnceSentAfterReconnecting()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        f->server().stop();
        type(view.composer(), QStringLiteral("Is the router back?"));
        QTest::mouseClick(view.composer()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view.composer()->errorLine()->isVisible(), 15000);
        f->server().restart();
        QTRY_VERIFY_WITH_TIMEOUT(
            session->events()->state() == client::EventStream::State::Connected, 30000);
        QTest::mouseClick(view.composer()->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(storedComments().size(), 1, 15000);
        QTRY_VERIFY(!view.composer()->errorLine()->isVisible());
        QTRY_COMPARE(view.composer()->editor()->toPlainText(), QString()); // once answered
    }

    // The preview is as tall as what it shows, like the editor: a long comment does not
    // hide behind a three-line box.
    void thePreviewGrowsWithItsContent()
    {
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showTask(task);
        QTRY_VERIFY(threadLoaded(view));
        ui::Composer *composer = view.composer();
        const int empty = composer->editor()->height();
        QStringList lines;
        for (int i = 1; i <= 8; ++i)
            lines << QStringLiteral("%1. Check the cable in room %1").arg(i);
        composer->editor()->setPlainText(QStringLiteral("## Steps\n\n") + lines.join(u'\n'));
        QApplication::processEvents();
        QTRY_VERIFY(composer->editor()->height() > empty + 3 * composer->fontMetrics().height());
        composer->previewToggle()->click();
        QApplication::processEvents();
        ui::MarkdownPreview *preview = composer->preview();
        QTRY_VERIFY(preview->isVisible());
        QTRY_VERIFY(preview->height() > empty + 3 * composer->fontMetrics().height());
        // All of it in view: no scrolling needed to read the preview.
        QTRY_COMPARE(preview->verticalScrollBar()->maximum(), 0);
        QVERIFY(view.grab().save(
            ClientFixture::screenshotPath(QStringLiteral("composer-preview.png"))));
    }

    void aLongThreadIsFetchedAsTheOperatorScrolls()
    {
        const QString olgaToken = token(QStringLiteral("olga"));
        for (int i = 0; i < 230; ++i)
            QVERIFY(f->comment(task, QStringLiteral("Comment number %1").arg(i), {}, olgaToken));
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        ui::TaskView view(session);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showTask(task);
        QTRY_VERIFY(!view.thread()->isLoading() && view.thread()->rowCount() > 0);
        // One page, and no more until the operator scrolls towards the newer comments.
        QCOMPARE(view.thread()->rowCount(), 100);
        QVERIFY(!view.thread()->isAtEnd());
        ui::CommentListView *list = view.threadView();
        QScrollBar *bar = list->verticalScrollBar();
        while (!view.thread()->isAtEnd()) {
            const int before = view.thread()->rowCount();
            QTRY_VERIFY(bar->maximum() > 0);
            bar->setValue(bar->maximum());
            QTRY_VERIFY(view.thread()->rowCount() > before);
        }
        QCOMPARE(view.thread()->rowCount(), 230);
        QCOMPARE(last(view).data(CommentThreadModel::TextRole).toString(),
            QStringLiteral("Comment number 229"));
    }

    void aLiveCommentAppearsWithoutReload()
    {
        const QString olgaToken = token(QStringLiteral("olga"));
        for (int i = 0; i < 12; ++i)
            QVERIFY(f->comment(task, QStringLiteral("Earlier comment %1").arg(i), {}, olgaToken));
        client::Session *session = signIn(QStringLiteral("olga"));
        client::Session *colleague = signIn(QStringLiteral("pavel"));
        QVERIFY(session && colleague);
        ui::TaskView view(session);
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showTask(task);
        QTRY_VERIFY(threadLoaded(view));
        QCOMPARE(view.thread()->rowCount(), 12);
        // A thread that fits in a page opens at its newest comment.
        QTRY_VERIFY(view.threadView()->verticalScrollBar()->maximum() > 0);
        QTRY_VERIFY(view.threadView()->isAtBottom());
        waitLive(session);
        colleague->rest()->post(QStringLiteral("/api/v1/tasks/%1/comments").arg(task),
            {{QStringLiteral("text"), QStringLiteral("Checked the line: fine.")},
                {QStringLiteral("internal"), true}},
            nullptr, {});
        QTRY_COMPARE(view.thread()->rowCount(), 13);
        QCOMPARE(last(view).data(CommentThreadModel::TextRole).toString(),
            QStringLiteral("Checked the line: fine."));
        // The operator was reading the newest comment: the view follows to the new one.
        ui::CommentListView *list = view.threadView();
        QTRY_VERIFY(list->viewport()->rect().contains(list->visualRect(last(view)).bottomLeft()));
        QTRY_COMPARE(last(view).data(CommentThreadModel::AuthorNameRole).toString(),
            QStringLiteral("Pavel Orlov"));
        QVERIFY(last(view).data(CommentThreadModel::InternalRole).toBool());
    }

    void aContactGetsTheSimpleReplyBox()
    {
        client::Session *session = signIn(QStringLiteral("ivan"));
        QVERIFY(session && session->me().isContact());
        ui::TaskView view(session);
        QVERIFY(showsTheTask(view));
        ui::Composer *composer = view.composer();
        QVERIFY(!composer->hiddenToggle()->isVisible());
        QVERIFY(!composer->internalToggle()->isVisible());
        QVERIFY(!composer->notifyPicker()->isVisible());
        QVERIFY(!view.header()->statusBox()); // contacts do not change tasks
        // The reply goes to the task's assignees.
        QCOMPARE(composer->notifyPicker()->selectedIds(), (QList<qint64> {olga, pavel}));
        QVERIFY(composer->audienceLine()->text().startsWith(QStringLiteral("Your reply goes to")));
        type(composer, QStringLiteral("It happened again at 9 pm."));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE(view.thread()->rowCount(), 1);
        const QJsonArray stored = storedComments();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(qint64(stored.at(0)[QStringLiteral("authorId")].toDouble()), ivan);
        QCOMPARE(stored.at(0)[QStringLiteral("notifiedIds")].toArray(), (QJsonArray {olga, pavel}));
        QCOMPARE(ui::CommentDelegate::externalTag(last(view)), QStringLiteral("from a contact"));
    }

    void screenshotOfAllMarkers()
    {
        const QString ivanToken = token(QStringLiteral("ivan"));
        const QString pavelToken = token(QStringLiteral("pavel"));
        const QString olgaToken = token(QStringLiteral("olga"));
        QVERIFY(f->comment(task,
            QStringLiteral("Hello! The router drops the connection every evening around 9 pm. "
                           "Could someone look at it?"),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}, ivanToken));
        QVERIFY(f->comment(task,
            QStringLiteral("Ivan, we have opened a ticket with the provider. I will call you "
                           "tomorrow morning with the results."),
            {{QStringLiteral("notifiedIds"), QJsonArray {ivan, pavel}}}, olgaToken));
        QVERIFY(f->comment(task,
            QStringLiteral("The provider says the line is fine. I suspect his old router."),
            {{QStringLiteral("internal"), true},
                {QStringLiteral("notifiedIds"), QJsonArray {olga}}},
            pavelToken));
        QVERIFY(f->comment(task,
            QStringLiteral("If it is the router, let us offer him a replacement at cost."),
            {{QStringLiteral("hidden"), true},
                {QStringLiteral("visibleToIds"), QJsonArray {pavel}}},
            olgaToken));
        QVERIFY(f->comment(task, QStringLiteral("Agreed, I will prepare the offer."),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}, pavelToken));
        client::Session *session = signIn(QStringLiteral("olga"));
        QVERIFY(session);
        session->drafts()->clear(QStringLiteral("task:%1").arg(task));
        for (const bool dark : {false, true}) {
            ui::TaskView view(session);
            if (dark) {
                QPalette p;
                p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
                p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
                p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
                p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
                p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
                p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
                p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
                p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
                p.setColor(QPalette::HighlightedText, Qt::white);
                p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
                p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf0));
                view.setPalette(p);
            }
            view.resize(900, 820);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.showTask(task);
            QTRY_VERIFY(threadLoaded(view));
            QTRY_COMPARE(view.thread()->rowCount(), 5);
            // Every name resolved (no "#id" placeholders) before the picture is taken.
            QTRY_VERIFY(
                view.header()->counterpartyLabel()->text().contains(QStringLiteral("Ivan Petrov")));
            const auto namesResolved = [&view] {
                for (int row = 0; row < 5; ++row) {
                    const QModelIndex index = view.thread()->index(row, 0);
                    if (index.data(CommentThreadModel::AuthorNameRole).toString().startsWith(u'#'))
                        return false;
                    for (const auto &line : ui::CommentDelegate::markerLines(index))
                        if (line.text.contains(u'#'))
                            return false;
                }
                return true;
            };
            QTRY_VERIFY(namesResolved());
            ui::Composer *composer = view.composer();
            composer->editor()->setPlainText(
                QStringLiteral("Ivan, the replacement router is on its way."));
            check(composer->notifyPicker(), ivan);
            QTRY_VERIFY(composer->audienceLine()->text().contains(QStringLiteral("Ivan Petrov")));
            view.threadView()->scrollToTop();
            QApplication::processEvents();
            const QString path = ClientFixture::screenshotPath(
                dark ? QStringLiteral("taskview-dark.png") : QStringLiteral("taskview.png"));
            QVERIFY(view.grab().save(path));
            qInfo() << "screenshot:" << path;
            session->drafts()->clear(QStringLiteral("task:%1").arg(task));
        }
    }
};

QTEST_MAIN(TestTaskView)
#include "tst_taskview.moc"
