// Every main screen of the operator's client, in English and then in Russian, at the default
// window size (1280×800): the main window's areas, a call window with a task beside the card,
// and the dialogs. Each is saved to <build>/screenshots/screens/<language>/ for people to look
// at, and checked for cut-off text: a label or button given less width than its text needs
// (a label that elides on purpose, or wraps, is not counted).
#include "callfixture.h"

#include "app/callcenter.h"
#include "app/eventstream.h"
#include "app/translations.h"
#include "models/tasklistmodel.h"
#include "ui/calls/callspanel.h"
#include "ui/calls/callwindow.h"
#include "ui/calls/callwindowstack.h"
#include "ui/calls/taskpickerdialog.h"
#include "ui/common/elidedlabel.h"
#include "ui/contacts/accessdialog.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contactdialog.h"
#include "ui/contacts/mergedialog.h"
#include "ui/settings/accountsettingsdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/signindialog.h"
#include "ui/tasks/newtaskdialog.h"
#include "ui/tasks/taskspanel.h"
#include "ui/tasks/taskview.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QDir>
#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QStyleFactory>
#include <QTabBar>
#include <QTest>

using namespace linecard;
using namespace linecard::testing;

class TestScreens : public QObject
{
    Q_OBJECT

    std::unique_ptr<CallFixture> f;
    qint64 anna = 0, sofa = 0;

    // Text given less room than it needs, as "widget: text (width < needed)".
    static QStringList cutOff(QWidget *top)
    {
        QStringList found;
        for (QWidget *w : top->findChildren<QWidget *>()) {
            if (!w->isVisibleTo(top) || w->width() <= 0)
                continue;
            int needed = 0;
            QString text;
            // Clipped sideways by what holds it (a card narrower than its rows), whatever
            // the kind of label: the end of its text is not on the screen.
            if (auto *label = qobject_cast<QLabel *>(w); label && !label->text().isEmpty()) {
                const QRect shown = label->visibleRegion().boundingRect();
                if (!shown.isEmpty() && shown.width() + 1 < label->width()
                    && !qobject_cast<QAbstractScrollArea *>(
                        label->parentWidget() ? label->parentWidget()->parentWidget() : nullptr))
                    found << QStringLiteral("%1 “%2” clipped (%3 of %4 shown)")
                                 .arg(QString::fromLatin1(label->metaObject()->className()),
                                     label->text().left(60))
                                 .arg(shown.width())
                                 .arg(label->width());
            }
            if (auto *label = qobject_cast<QLabel *>(w)) {
                if (label->wordWrap() || qobject_cast<ui::ElidedLabel *>(label)
                    || label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored
                    || label->text().isEmpty() || label->pixmap().isNull() == false)
                    continue;
                text = label->text();
                needed = label->sizeHint().width();
            } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                if (button->text().isEmpty() || qobject_cast<QTabBar *>(button->parentWidget()))
                    continue;
                text = button->text();
                needed = button->sizeHint().width();
            } else {
                continue;
            }
            // Given less than it needs, or clipped sideways by what holds it (a scroll area).
            const QRect shown = w->visibleRegion().boundingRect();
            const int width = shown.isEmpty() ? w->width() : shown.width();
            if (width + 1 < qMin(needed, w->width()) || w->width() + 1 < needed)
                found << QStringLiteral("%1 “%2” (%3 < %4)")
                             .arg(QString::fromLatin1(w->metaObject()->className()), text.left(60))
                             .arg(width)
                             .arg(needed);
        }
        return found;
    }

    static void check(
        QWidget *screen, const QString &language, const QString &name, QStringList *problems)
    {
        QApplication::processEvents();
        const QString dir = ClientFixture::screenshotPath(QStringLiteral("screens/") + language);
        QDir().mkpath(dir);
        screen->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
        for (const QString &p : cutOff(screen))
            *problems << QStringLiteral("%1/%2: %3").arg(language, name, p);
        // The frame shows "title — Linecard" in a bold face: the window is wide enough for it.
        if (screen->isWindow() && !screen->windowTitle().isEmpty()) {
            QFont bold = screen->font();
            bold.setBold(true);
            const QString shown = screen->windowTitle() + QStringLiteral(" — Linecard");
            const int needed = qMin(QFontMetrics(bold).horizontalAdvance(shown) + 100,
                screen->screen()->availableGeometry().width() * 9 / 10);
            if (screen->width() < needed)
                *problems << QStringLiteral("%1/%2: the title “%3” is cut (%4 < %5)")
                                 .arg(language, name, shown)
                                 .arg(screen->width())
                                 .arg(needed);
        }
    }

    void allScreens(const QString &language)
    {
        QStringList problems;
        client::Session *session = f->signIn(QStringLiteral("op1"), QStringLiteral("op1-password"));
        QVERIFY(session);
        QVERIFY(QTest::qWaitFor([&] { return session->events()->lastSeq() >= 0; }, 15000));
        {
            ui::MainWindow window(session);
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_VERIFY_WITH_TIMEOUT(window.tasksPanel()->model()->rowCount() > 0, 15000);
            window.openTask(sofa);
            QTRY_COMPARE(window.taskView()->taskId(), sofa);
            QTest::qWait(300);
            check(&window, language, QStringLiteral("tasks"), &problems);
            window.openContact(anna);
            QTRY_COMPARE_WITH_TIMEOUT(window.contactCard()->person().id, anna, 15000);
            QTest::qWait(300);
            check(&window, language, QStringLiteral("contacts"), &problems);
            window.showCallList(true);
            QTest::qWait(300);
            check(&window, language, QStringLiteral("calls-missed"), &problems);

            // A call pops up; a task opens beside the card.
            QCOMPARE(f->event(QStringLiteral("scr-") + language, QStringLiteral("INCOMING"),
                         QStringLiteral("101")),
                200);
            QTRY_VERIFY_WITH_TIMEOUT(!window.callWindows()->windows().isEmpty(), 15000);
            ui::CallWindow *call = window.callWindows()->windows().first();
            QTRY_COMPARE_WITH_TIMEOUT(call->card()->person().id, anna, 15000);
            check(call, language, QStringLiteral("call-window"), &problems);
            call->openTask(sofa);
            QTest::qWait(300);
            check(call, language, QStringLiteral("call-window-task"), &problems);
            ui::TaskPickerDialog picker(session, {}, anna, call);
            picker.show();
            QTRY_VERIFY_WITH_TIMEOUT(picker.results()->count() > 0, 15000);
            check(&picker, language, QStringLiteral("task-picker"), &problems);

            const Person person = window.contactCard()->person();
            ui::NewTaskDialog newTask(
                session, anna, ui::NewTaskDialog::ContactRole::Counterparty, &window);
            newTask.show();
            check(&newTask, language, QStringLiteral("new-task"), &problems);
            ui::ContactDialog newContact(session, &window);
            newContact.show();
            check(&newContact, language, QStringLiteral("new-contact"), &problems);
            ui::MergeDialog merge(session, person, &window);
            merge.show();
            check(&merge, language, QStringLiteral("merge"), &problems);
            ui::AccessDialog access(session, person, &window);
            access.show();
            check(&access, language, QStringLiteral("access"), &problems);
        }
        {
            client::Session *admin = f->signInAdmin();
            QVERIFY(admin);
            ui::AccountSettingsDialog settings(admin);
            settings.show();
            QTest::qWait(300);
            check(&settings, language, QStringLiteral("account-settings"), &problems);
        }
        ui::SignInDialog signIn;
        signIn.show();
        check(&signIn, language, QStringLiteral("sign-in"), &problems);
        qInfo().noquote() << "screenshots:"
                          << ClientFixture::screenshotPath(QStringLiteral("screens/") + language);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QGuiApplication::setApplicationDisplayName(QStringLiteral("Linecard"));
        f = std::make_unique<CallFixture>();
        QVERIFY(f->ready());
        anna = f->contact(QStringLiteral("Anna Petrova"),
            {{QStringLiteral("phones"),
                 QJsonArray {
                     QJsonObject {{QStringLiteral("number"), QStringLiteral("+7 916 123-45-67")},
                         {QStringLiteral("type"), QStringLiteral("mobile")}}}},
                {QStringLiteral("emails"),
                    QJsonArray {QStringLiteral("anna.petrova@kappa-engineering.example.com")}},
                {QStringLiteral("fields"),
                    QJsonObject {
                        {QStringLiteral("Position"), QStringLiteral("Purchasing manager")}}}});
        sofa = f->task(QStringLiteral("Delivery of the blue sofa"), anna, {f->op1});
        QVERIFY(anna && sofa);
        QVERIFY(f->comment(
            sofa, QStringLiteral("The truck leaves on **Tuesday**; call an hour before.")));
        QCOMPARE(f->event(QStringLiteral("scr-missed"), QStringLiteral("INCOMING"),
                     QStringLiteral("101")),
            200);
        QCOMPARE(f->completed(
                     QStringLiteral("scr-missed"), QStringLiteral("101"), QStringLiteral("Missed")),
            200);
    }
    void cleanupTestCase() { f.reset(); }

    void english() { allScreens(QStringLiteral("en")); }

    void russian()
    {
        const QLocale russian(QLocale::Russian, QLocale::Russia);
        QLocale::setDefault(russian);
        QVERIFY(client::installTranslations(qApp, russian, QStringLiteral(LINECARD_QM_DIR)) >= 2);
        allScreens(QStringLiteral("ru"));
    }
};

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
