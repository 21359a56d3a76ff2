// Call windows against the real server: PlanFix requests over real HTTP make them pop up,
// change in place and close; the operator's actions land where they should (checked over
// REST); the keyboard stays where the operator was typing; the stack keeps to its cap.
#include "callfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "models/tasklistmodel.h"
#include "ui/calls/callcommentdialog.h"
#include "ui/calls/callheader.h"
#include "ui/calls/calltaskpanel.h"
#include "ui/calls/callwindow.h"
#include "ui/calls/callwindowstack.h"
#include "ui/calls/taskpickerdialog.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contacttasksview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTest>
#include <QVBoxLayout>

using namespace linecard;
using namespace linecard::testing;
using client::CallCenter;
using ui::CallWindow;
using ui::CallWindowStack;

// One operator's client: session, call centre and window stack.
struct Operator
{
    client::Session *session = nullptr;
    std::unique_ptr<CallCenter> calls;
    std::unique_ptr<CallWindowStack> stack;

    bool start(CallFixture &f, const QString &login)
    {
        session = f.signIn(login, login + QStringLiteral("-password"));
        if (!session || !QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000))
            return false;
        calls = std::make_unique<CallCenter>(session);
        stack = std::make_unique<CallWindowStack>(session, calls.get());
        QSignalSpy loaded(calls.get(), &CallCenter::loaded);
        calls->reload();
        return loaded.wait(15000);
    }
    // The window of the call with this PBX id, once it is there.
    CallWindow *waitWindow(const QString &externalId)
    {
        CallWindow *found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (CallWindow *w : stack->windows())
                    if (calls->call(w->callId()).call.externalId == externalId)
                        found = w;
                return found != nullptr;
            },
            15000);
        return found;
    }
};

// Another application's window the operator is typing in when a call pops up.
struct TypingWindow
{
    QWidget window;
    QLineEdit *line = new QLineEdit(&window);

    // Shows it active, focuses the line and types the text there.
    bool start(const QString &typed)
    {
        (new QVBoxLayout(&window))->addWidget(line);
        window.show();
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return false;
        line->setFocus();
        QTest::keyClicks(line, typed);
        return true;
    }
};

class TestCallWindow : public QObject
{
    Q_OBJECT

    static bool waitState(CallWindow *w, const QString &text)
    {
        return QTest::qWaitFor([&] { return w && w->header()->state() == text; }, 15000);
    }
    static qint64 annaWithTask(CallFixture &f, qint64 *taskId)
    {
        const qint64 anna = f.callerContact();
        *taskId = f.task(QStringLiteral("Delivery of the blue sofa"), anna);
        return anna;
    }
    static bool actionDone(Operator &op, CallCenter::Action action)
    {
        QSignalSpy done(op.calls.get(), &CallCenter::actionSucceeded);
        return QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &args : std::as_const(done))
                    if (args.at(1).value<CallCenter::Action>() == action)
                        return true;
                return false;
            },
            15000);
    }

private slots:
    void initTestCase() { QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); }

    // The caller's card is merged into another while the call is on: the window's title,
    // header and card follow the surviving contact.
    void followsAMergeOfTheCaller()
    {
        CallFixture f;
        QVERIFY(f.ready());
        qint64 task = 0;
        const qint64 anna = annaWithTask(f, &task);
        const qint64 survivor = f.contact(QStringLiteral("Anna Petrova-Smirnova"));
        QVERIFY(anna && survivor);
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("mg1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("mg1"));
        QVERIFY(w);
        QTRY_VERIFY(w->windowTitle().contains(QLatin1String("Anna Petrova")));
        QCOMPARE(f.server()
                     .post(QStringLiteral("/api/v1/contacts/%1/merge").arg(survivor),
                         {{QStringLiteral("mergeIds"), QJsonArray {anna}}}, f.adminToken())
                     .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(
            w->windowTitle().contains(QLatin1String("Anna Petrova-Smirnova")), 15000);
        QVERIFY(w->header()->caller().contains(QLatin1String("Anna Petrova-Smirnova")));
        QCOMPARE(op.calls->call(w->callId()).call.contactId, survivor);
        QTRY_COMPARE(w->card()->contactId(), survivor);
    }

    // Tasks with the same title are told apart in the picker by counterparty, status and
    // last activity, and the caller's own come first in search results too.
    void thePickerTellsTasksApart()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const qint64 boris = f.contact(QStringLiteral("Boris Lebedev"));
        const qint64 borisSofa = f.task(QStringLiteral("Delivery of the blue sofa"), boris);
        const qint64 nobodys = f.task(QStringLiteral("Delivery of the blue sofa"));
        QVERIFY(borisSofa && nobodys);
        qint64 annaSofa = 0;
        QVERIFY(annaWithTask(f, &annaSofa) && annaSofa);
        // Anna's task is not the newest: search results put it first all the same.
        QVERIFY(f.comment(borisSofa, QStringLiteral("Boris called about the legs.")));
        QCOMPARE(f.server()
                     .patch(QStringLiteral("/api/v1/tasks/%1").arg(nobodys),
                         {{QStringLiteral("status"), QStringLiteral("done")}}, f.adminToken())
                     .status,
            200);
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("p1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(
            f.event(QStringLiteral("p1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("p1"));
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(waitState(w, CallWindow::tr("On the line")));
        QTest::mouseClick(w->attachButton(), Qt::LeftButton);
        auto *picker = w->findChild<ui::TaskPickerDialog *>();
        QVERIFY(picker);
        picker->search(QStringLiteral("sofa"));
        QListWidget *results = picker->results();
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), 3, 15000);
        QCOMPARE(results->item(0)->data(Qt::UserRole + 1).toLongLong(), annaSofa);
        auto text = [results](int row) { return results->item(row)->text(); };
        QTRY_VERIFY(text(0).contains(QLatin1String("Anna Petrova")));
        QVERIFY(text(0).contains(TaskListModel::tr("Open")));
        QTRY_VERIFY(text(1).contains(QLatin1String("Boris Lebedev"))
            || text(2).contains(QLatin1String("Boris Lebedev")));
        QVERIFY(text(1).contains(TaskListModel::tr("Done"))
            || text(2).contains(TaskListModel::tr("Done")));
        QVERIFY(text(0) != text(1) && text(1) != text(2) && text(0) != text(2));
        QVERIFY(picker->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-task-picker.png"))));
    }

    // The window appears with the caller's name and the line's colour, changes in place
    // through answered and ended, is never opened twice, and stays after the hang-up.
    void popsUpAndFollowsTheCall()
    {
        CallFixture f;
        QVERIFY(f.ready());
        qint64 taskId = 0;
        QVERIFY(annaWithTask(f, &taskId));
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));

        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("c1"));
        QVERIFY(w);
        QVERIFY(w->isVisible());
        // Closing a pop-up never quits the client, even with the main window in the tray.
        QVERIFY(!w->testAttribute(Qt::WA_QuitOnClose));
        // The card comes from the ringing event itself: no request needed to name the caller.
        QCOMPARE(w->card()->person().name, QStringLiteral("Anna Petrova"));
        QCOMPARE(w->header()->background(), QColor(QStringLiteral("#2e7d32")));
        QCOMPARE(w->header()->foreground(), QColor(Qt::white));
        QCOMPARE(w->header()->title(), QStringLiteral("Sales"));
        QVERIFY2(w->header()->caller().contains(QLatin1String("+7 916 123-45-67")),
            qPrintable(w->header()->caller()));
        QVERIFY(w->header()->caller().contains(QLatin1String("Anna Petrova")));
        QCOMPARE(w->header()->state(), CallWindow::tr("Incoming call — ringing"));
        QVERIFY(w->windowTitle().contains(QLatin1String("Anna Petrova")));
        QVERIFY(QTest::qWaitFor([&] { return w->card()->tasks()->isVisible(); }, 5000));
        QTest::qWait(300); // let the card's lists arrive for the picture
        QVERIFY(w->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-ringing.png"))));

        // A repeated delivery of the same ringing (a replay after a reconnection).
        const qint64 id = w->callId();
        QJsonObject payload {{QStringLiteral("call"), f.callJson(id)}};
        payload.insert(QStringLiteral("contact"), op.calls->call(id).contact);
        payload.insert(QStringLiteral("line"), op.calls->call(id).line->toJson());
        emit op.session->events()->event(QStringLiteral("call.ringing"), payload);
        QCOMPARE(op.stack->windows().size(), 1);
        QCOMPARE(op.stack->window(id), w.data());

        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QVERIFY(waitState(w, CallWindow::tr("On the line")));
        QCOMPARE(op.stack->windows().size(), 1);
        QVERIFY(w->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-answered.png"))));

        QCOMPARE(
            f.completed(QStringLiteral("c1"), QStringLiteral("101"), QStringLiteral("Success"), 83),
            200);
        QVERIFY(waitState(w, CallWindow::tr("Ended")));
        QCOMPARE(w->header()->timerText(), QStringLiteral("1:23"));
        QVERIFY(w->isVisible()); // after the hang-up it stays until the operator closes it
        w->close();
        QVERIFY(QTest::qWaitFor([&] { return w.isNull(); }, 5000));
        QVERIFY(op.stack->windows().isEmpty());
    }

    // A group ring: a colleague answers, my window closes; theirs stays after the hang-up.
    void closesWhenAColleagueAnswers()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op1, op2;
        QVERIFY(op1.start(f, QStringLiteral("op1")));
        QVERIFY(op2.start(f, QStringLiteral("op2")));
        for (const QString &ext : {QStringLiteral("101"), QStringLiteral("102")})
            QCOMPARE(f.event(QStringLiteral("g1"), QStringLiteral("INCOMING"), ext), 200);
        QPointer<CallWindow> mine = op1.waitWindow(QStringLiteral("g1"));
        QPointer<CallWindow> theirs = op2.waitWindow(QStringLiteral("g1"));
        QVERIFY(mine && theirs);

        QCOMPARE(
            f.event(QStringLiteral("g1"), QStringLiteral("ACCEPTED"), QStringLiteral("102")), 200);
        QVERIFY(QTest::qWaitFor([&] { return mine.isNull(); }, 15000));
        QVERIFY(op1.stack->windows().isEmpty());
        QVERIFY(waitState(theirs, CallWindow::tr("On the line")));
        QCOMPARE(
            f.completed(QStringLiteral("g1"), QStringLiteral("102"), QStringLiteral("Success"), 10),
            200);
        QVERIFY(waitState(theirs, CallWindow::tr("Ended")));
        QVERIFY(theirs->isVisible());
    }

    // Attach through the task search, then "attach the call here" in a task opened from the
    // card: the record lands on the last choice, and only there.
    void attachesTheCallToATask()
    {
        CallFixture f;
        QVERIFY(f.ready());
        qint64 sofa = 0;
        const qint64 anna = annaWithTask(f, &sofa);
        QVERIFY(anna && sofa);
        const qint64 other = f.task(QStringLiteral("Invoice for March"));
        QVERIFY(other);
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("a1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QCOMPARE(
            f.event(QStringLiteral("a1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("a1"));
        QVERIFY(w);
        const qint64 id = w->callId();

        // Any task: search for it by a word of its title.
        QTest::mouseClick(w->attachButton(), Qt::LeftButton);
        auto *picker = w->findChild<ui::TaskPickerDialog *>();
        QVERIFY(picker);
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->results()->count(), 1); // the caller's active task first
        picker->search(QStringLiteral("invoice"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return picker->results()->count() == 1
                    && picker->results()->item(0)->text().contains(QLatin1String("Invoice"));
            },
            15000));
        QSignalSpy done(op.calls.get(), &CallCenter::actionSucceeded);
        picker->accept();
        QVERIFY(done.wait(15000));
        QCOMPARE(f.callJson(id).value(QStringLiteral("attachTaskId")).toInteger(), other);
        QVERIFY2(w->recordText().contains(QLatin1String("Invoice for March")),
            qPrintable(w->recordText()));

        // The card's task, opened in the side panel, and "attach the call here".
        w->openTask(sofa);
        QVERIFY(w->taskPanel()->isVisible());
        QCOMPARE(w->taskPanel()->taskId(), sofa);
        w->openTask(other);
        QVERIFY(w->taskPanel()->backAction()->isEnabled());
        w->taskPanel()->backAction()->trigger();
        QCOMPARE(w->taskPanel()->taskId(), sofa);
        QVERIFY(w->taskPanel()->forwardAction()->isEnabled());
        QVERIFY(w->taskPanel()->attachAction()->isEnabled());
        w->taskPanel()->attachAction()->trigger();
        QVERIFY(done.wait(15000));
        QCOMPARE(f.callJson(id).value(QStringLiteral("attachTaskId")).toInteger(), sofa);
        QVERIFY(!w->taskPanel()->attachAction()->isEnabled()); // it says it is attached here
        QVERIFY(w->grab().save(
            ClientFixture::screenshotPath(QStringLiteral("callwindow-task-panel.png"))));

        QCOMPARE(
            f.completed(QStringLiteral("a1"), QStringLiteral("101"), QStringLiteral("Success"), 30),
            200);
        QVERIFY(waitState(w, CallWindow::tr("Ended")));
        auto records = [&](qint64 task) {
            int n = 0;
            for (const QJsonValue &c :
                f.comments(QStringLiteral("/api/v1/tasks/%1/comments").arg(task)))
                if (c.toObject()
                        .value(QStringLiteral("call"))
                        .toObject()
                        .value(QStringLiteral("id"))
                    == QJsonValue(id))
                    ++n;
            return n;
        };
        QVERIFY(QTest::qWaitFor([&] { return records(sofa) == 1; }, 15000));
        QCOMPARE(records(other), 0);
    }

    // A comment written during the call carries the call's record.
    void newCommentCarriesTheRecord()
    {
        CallFixture f;
        QVERIFY(f.ready());
        qint64 sofa = 0;
        const qint64 anna = annaWithTask(f, &sofa);
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("n1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("n1"));
        QVERIFY(w);
        const qint64 id = w->callId();
        QCOMPARE(
            f.event(QStringLiteral("n1"), QStringLiteral("ACCEPTED"), QStringLiteral("101")), 200);

        QTest::mouseClick(w->commentButton(), Qt::LeftButton);
        auto *dialog = w->findChild<ui::CallCommentDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->target()->count(), 2); // the card and the active task
        QVERIFY(dialog->internalBox()->isChecked());
        dialog->accept(); // nothing written: refused, nothing sent
        QVERIFY(!dialog->error().isEmpty());
        QVERIFY(dialog->isVisible());
        dialog->editor()->setPlainText(QStringLiteral("Wants the sofa on Friday"));
        QSignalSpy done(op.calls.get(), &CallCenter::actionSucceeded);
        dialog->accept();
        QVERIFY(done.wait(15000));
        QCOMPARE(done.at(0).at(1).value<CallCenter::Action>(), CallCenter::Action::AttachComment);
        const qint64 commentId
            = f.callJson(id).value(QStringLiteral("attachCommentId")).toInteger();
        QVERIFY(commentId);

        QCOMPARE(
            f.completed(QStringLiteral("n1"), QStringLiteral("101"), QStringLiteral("Success"), 61),
            200);
        QVERIFY(waitState(w, CallWindow::tr("Ended")));
        const QJsonObject comment
            = f.server()
                  .get(QStringLiteral("/api/v1/comments/%1").arg(commentId), f.adminToken())
                  .json;
        QCOMPARE(comment.value(QStringLiteral("contactId")).toInteger(), anna);
        QCOMPARE(comment.value(QStringLiteral("text")).toString(),
            QStringLiteral("Wants the sofa on Friday"));
        QCOMPARE(comment.value(QStringLiteral("call")).toObject().value(QStringLiteral("id")),
            QJsonValue(id));
        QCOMPARE(f.callJson(id).value(QStringLiteral("recordCommentId")).toInteger(), commentId);
    }

    // Two contacts share the number: the operator picks the caller; the card follows.
    void picksAmongContactsSharingTheNumber()
    {
        CallFixture f;
        QVERIFY(f.ready());
        const QJsonObject phone {{QStringLiteral("phones"),
            QJsonArray {QJsonObject {{QStringLiteral("number"), QStringLiteral("+79161234567")}}}}};
        const qint64 first = f.contact(QStringLiteral("Boris Orlov"), phone);
        const qint64 second = f.contact(QStringLiteral("Vera Orlova"), phone);
        QVERIFY(first && second);
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("p1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("p1"));
        QVERIFY(w);
        QCOMPARE(w->candidateBox()->count(), 2);
        QVERIFY(w->candidateBox()->isVisibleTo(w));
        const qint64 shown = w->card()->contactId();
        const qint64 other = shown == first ? second : first;
        w->candidateBox()->setCurrentIndex(w->candidateBox()->findData(other));
        QTest::mouseClick(
            w->findChild<QPushButton *>(QStringLiteral("chooseCaller")), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return w->card()->contactId() == other; }, 15000));
        QCOMPARE(f.callJson(w->callId()).value(QStringLiteral("contactId")).toInteger(), other);
    }

    // A popping window never takes the keyboard from the line edit the operator types in.
    void keepsTheKeyboardWhereTheOperatorTypes()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        TypingWindow typing;
        QVERIFY(typing.start(QStringLiteral("half a sent")));
        QWidget &editor = typing.window;
        QLineEdit *line = typing.line;
        QVERIFY(line->hasFocus());

        QCOMPARE(
            f.event(QStringLiteral("k1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("k1"));
        QVERIFY(w);
        QVERIFY(w->testAttribute(Qt::WA_ShowWithoutActivating));
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(QTest::qWaitFor([&] { return QApplication::activeWindow() == &editor; }, 5000));
        QCOMPARE(QApplication::focusWidget(), line);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ence"));
        QCOMPARE(line->text(), QStringLiteral("half a sentence"));
        QVERIFY(w->isVisible());
    }

    // An administrator renames and recolours the line while its call rings: the open
    // window's header follows at once.
    void headerFollowsItsLine()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("l1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("l1"));
        QVERIFY(w);
        QCOMPARE(w->header()->title(), QStringLiteral("Sales"));
        const HttpResult changed = f.server().put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
            {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                {QStringLiteral("name"), QStringLiteral("Sales and returns")},
                {QStringLiteral("color"), QStringLiteral("#fdd835")}},
            f.adminToken());
        QCOMPARE(changed.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(
            w->header()->background(), QColor(QStringLiteral("#fdd835")), 15000);
        QCOMPARE(w->header()->title(), QStringLiteral("Sales and returns"));
        QCOMPARE(w->header()->foreground(), QColor(Qt::black)); // reads on yellow
    }

    // The window manager activates a pop-up when the operator clicks it, and passes the
    // click on only after that (openbox): the click is the operator's and works.
    void aClickThatActivatesThePopUpIsTaken()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QLineEdit editor;
        editor.show();
        editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&editor));

        // The pop-up is activated as it shows (this platform activates every window it
        // shows): take that for the click's activation and pass the press on right after,
        // through the window as a real one arrives (the button takes the focus and all).
        QPointer<CallWindow> w;
        QPushButton *attach = nullptr;
        QPoint onAttach;
        QMetaObject::Connection onActivation;
        onActivation = connect(qApp, &QGuiApplication::focusWindowChanged, this, [&] {
            w = qobject_cast<CallWindow *>(QApplication::activeWindow());
            if (!w)
                return;
            disconnect(onActivation);
            attach = w->findChild<QPushButton *>(QStringLiteral("attachCall"));
            onAttach = attach->mapTo(w, attach->rect().center());
            QTest::mousePress(w->windowHandle(), Qt::LeftButton, {}, onAttach);
        });
        QCOMPARE(
            f.event(QStringLiteral("c1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(QTest::qWaitFor([&] { return attach != nullptr; }, 15000));
        QSignalSpy clicked(attach, &QPushButton::clicked);
        QTest::qWait(100); // whatever the activation set going happens before the release
        QTest::mouseRelease(w->windowHandle(), Qt::LeftButton, {}, onAttach);
        QCOMPARE(clicked.size(), 1);
        // The picker it opened is the operator's to use: nothing takes the keyboard away.
        QTest::qWait(500);
        auto *picker = w->findChild<linecard::ui::TaskPickerDialog *>();
        QVERIFY(picker && picker->isVisible());
        QVERIFY(QApplication::activeWindow() != &editor);
        picker->reject();
    }

    // Activated with no click, the pop-up passes what the operator goes on typing to where
    // they typed it, and gives the keyboard back there.
    void keysTypedIntoAnActivatedPopUpGoWhereTheOperatorTyped()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        TypingWindow typing;
        QVERIFY(typing.start(QStringLiteral("half a sent")));
        QWidget &editor = typing.window;
        QLineEdit *line = typing.line;

        QCOMPARE(
            f.event(QStringLiteral("k2"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("k2"));
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QApplication::setActiveWindow(w); // the window manager's doing
        QWidget *inPopUp = w->focusWidget() ? w->focusWidget() : w.data();
        QTest::keyClicks(inPopUp, QStringLiteral("ence"));
        QCOMPARE(line->text(), QStringLiteral("half a sentence"));
        QVERIFY(QTest::qWaitFor([&] { return QApplication::activeWindow() == &editor; }, 5000));
        QCOMPARE(QApplication::focusWidget(), line);
        QVERIFY(w->isVisible());
    }

    // Past the cap, the oldest finished call's window goes first, then the oldest.
    void stackKeepsToItsCap()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        op.stack->setCap(2);
        QCOMPARE(
            f.event(QStringLiteral("s1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w1 = op.waitWindow(QStringLiteral("s1"));
        QCOMPARE(f.event(QStringLiteral("s2"), QStringLiteral("INCOMING"), QStringLiteral("101"),
                     {}, QStringLiteral("+79165550002")),
            200);
        QPointer<CallWindow> w2 = op.waitWindow(QStringLiteral("s2"));
        QVERIFY(w1 && w2);
        QCOMPARE(f.completed(QStringLiteral("s2"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
        QVERIFY(waitState(w2, CallWindow::tr("Missed")));
        QVERIFY(w1->pos() != w2->pos()); // stacked, not on top of each other

        QCOMPARE(f.event(QStringLiteral("s3"), QStringLiteral("INCOMING"), QStringLiteral("101"),
                     {}, QStringLiteral("+79165550003")),
            200);
        QPointer<CallWindow> w3 = op.waitWindow(QStringLiteral("s3"));
        QVERIFY(w3);
        QCOMPARE(op.stack->windows().size(), 2);
        QVERIFY(QTest::qWaitFor([&] { return w2.isNull(); }, 5000)); // the finished one went
        QVERIFY(w1);

        // Two stacked calls as they stand on the screen.
        const QRect screen = QApplication::primaryScreen()->availableGeometry();
        QPixmap desk(screen.size());
        desk.fill(QColor(0x30, 0x30, 0x38));
        {
            QPainter painter(&desk);
            for (CallWindow *w : op.stack->windows())
                painter.drawPixmap(w->pos() - screen.topLeft(), w->grab());
        }
        QVERIFY(
            desk.save(ClientFixture::screenshotPath(QStringLiteral("callwindows-stacked.png"))));

        QCOMPARE(f.event(QStringLiteral("s4"), QStringLiteral("INCOMING"), QStringLiteral("101"),
                     {}, QStringLiteral("+79165550004")),
            200);
        QVERIFY(op.waitWindow(QStringLiteral("s4")));
        QCOMPARE(op.stack->windows().size(), 2);
        QVERIFY(QTest::qWaitFor([&] { return w1.isNull(); }, 5000)); // all live: the oldest
        QVERIFY(w3);
    }

    // Do not disturb: no window pops up, the call is still known (and listed), and opening
    // it on purpose still shows its window.
    void heldPopUpsStayHidden()
    {
        CallFixture f;
        QVERIFY(f.ready());
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        op.stack->setPopUpsHeld(true);
        QSignalSpy ringing(op.calls.get(), &CallCenter::callRinging);
        QCOMPARE(
            f.event(QStringLiteral("q1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QVERIFY(QTest::qWaitFor([&] { return !ringing.isEmpty(); }, 15000));
        const qint64 id = ringing.at(0).at(0).toLongLong();
        QVERIFY(op.stack->windows().isEmpty());
        QCOMPARE(op.calls->activeCalls(), QList<qint64> {id});
        QVERIFY(op.stack->present(id, true));
        QCOMPARE(op.stack->windows().size(), 1);
    }

    // Dark palette: the header keeps the line's colour, the card follows the palette.
    void darkPaletteScreenshot()
    {
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x38));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0xa0));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
        dark.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
        QApplication::setPalette(dark);
        CallFixture f;
        QVERIFY(f.ready());
        QCOMPARE(f.server()
                     .put(QStringLiteral("/api/v1/lines/%1").arg(f.lineId),
                         {{QStringLiteral("number"), QStringLiteral("+7 495 120-00-01")},
                             {QStringLiteral("name"), QStringLiteral("Support")},
                             {QStringLiteral("color"), QStringLiteral("#ffd54f")}},
                         f.adminToken())
                     .status,
            200);
        qint64 task = 0;
        QVERIFY(annaWithTask(f, &task));
        Operator op;
        QVERIFY(op.start(f, QStringLiteral("op1")));
        QCOMPARE(
            f.event(QStringLiteral("d1"), QStringLiteral("INCOMING"), QStringLiteral("101")), 200);
        QPointer<CallWindow> w = op.waitWindow(QStringLiteral("d1"));
        QVERIFY(w);
        QCOMPARE(w->header()->foreground(), QColor(Qt::black)); // dark text on a light yellow
        QTest::qWait(300); // let the card's lists arrive for the picture
        QVERIFY(
            w->grab().save(ClientFixture::screenshotPath(QStringLiteral("callwindow-dark.png"))));
        QApplication::setPalette(light);
    }

    void readableTextColour()
    {
        QCOMPARE(ui::CallHeader::readableOn(QColor(QStringLiteral("#2e7d32"))), QColor(Qt::white));
        QCOMPARE(ui::CallHeader::readableOn(QColor(QStringLiteral("#ffeb3b"))), QColor(Qt::black));
        QCOMPARE(ui::CallHeader::readableOn(QColor(Qt::white)), QColor(Qt::black));
        QCOMPARE(ui::CallHeader::readableOn(QColor(Qt::black)), QColor(Qt::white));
        QCOMPARE(ui::CallHeader::formatDuration(83), QStringLiteral("1:23"));
        QCOMPARE(ui::CallHeader::formatDuration(3725), QStringLiteral("1:02:05"));
    }
};

QTEST_MAIN(TestCallWindow)
#include "tst_callwindow.moc"
