#include "clientfixture.h"

#include "app/eventstream.h"
#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "ui/tasks/composer.h"
#include "ui/tasks/previewbar.h"
#include "ui/tasks/taskview.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace linecard;
using namespace linecard::testing;

// "Preview as contact" in the task view: an employee picks one of the task's contacts and
// the thread is reloaded as the server computes it for that contact (as=), under a banner,
// without the reply box, with a way out; live comments and a settings change redraw it.
class TestPreviewAsContact : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;
    qint64 olga = 0, pavel = 0, ivan = 0, task = 0;
    QList<qint64> toIvan; // what Ivan may see while contactsSeeOnlyNotified is on
    qint64 plain = 0; // neither internal nor hidden, addressed to nobody

    QString token(const QString &login)
    {
        return f->server().login(login, login + QStringLiteral("-password"));
    }
    static bool threadLoaded(ui::TaskView &view)
    {
        return view.thread()->isAtEnd() && !view.thread()->isLoading() && !view.task().isEmpty();
    }
    static QList<qint64> ids(ui::TaskView &view)
    {
        QList<qint64> out;
        for (int row = 0; row < view.thread()->rowCount(); ++row)
            out << view.thread()->index(row, 0).data(PagedListModel::IdRole).toLongLong();
        return out;
    }
    // Picks the contact from the button's menu, as the operator does.
    static bool choose(ui::TaskView &view, const QString &name)
    {
        QMenu *menu = view.previewBar()->chooseButton()->menu();
        emit menu->aboutToShow();
        for (QAction *action : menu->actions())
            if (action->text() == name) {
                action->trigger();
                return true;
            }
        return false;
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        olga = f->employee(QStringLiteral("olga"));
        pavel = f->employee(QStringLiteral("pavel"));
        ivan = f->contact(QStringLiteral("Ivan Petrov"));
        QVERIFY(olga && pavel && ivan && f->giveAccess(ivan, QStringLiteral("ivan")));
        task = f->task(QStringLiteral("The router drops the line at night"), ivan, {olga});
        const QString olgaToken = token(QStringLiteral("olga"));
        const QString ivanToken = token(QStringLiteral("ivan"));
        toIvan.clear();
        toIvan << f->comment(task,
            QStringLiteral("Hello! The router drops the connection every "
                           "evening around 9 pm."),
            {{QStringLiteral("notifiedIds"), QJsonArray {olga}}}, ivanToken);
        toIvan << f->comment(task,
            QStringLiteral("Ivan, we have opened a ticket with the provider."),
            {{QStringLiteral("notifiedIds"), QJsonArray {ivan}}}, olgaToken);
        QVERIFY(f->comment(task, QStringLiteral("I suspect his old router."),
            {{QStringLiteral("internal"), true}}, olgaToken));
        QVERIFY(f->comment(task, QStringLiteral("Pavel, check the line card first."),
            {{QStringLiteral("hidden"), true},
                {QStringLiteral("visibleToIds"), QJsonArray {pavel}}},
            olgaToken));
        plain = f->comment(
            task, QStringLiteral("The provider answered: no faults on the line."), {}, olgaToken);
        QVERIFY(plain && !toIvan.contains(0));
    }
    void cleanup() { f.reset(); }

    void showsTheThreadExactlyAsTheContactSeesIt()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::TaskView view(session);
        view.resize(900, 640);
        view.show();
        view.showTask(task);
        QTRY_VERIFY(threadLoaded(view));
        QCOMPARE(view.thread()->rowCount(), 5); // the administrator sees everything
        ui::PreviewBar *bar = view.previewBar();
        QVERIFY(bar && bar->chooseButton()->isVisible() && !bar->banner()->isVisible());
        QTRY_COMPARE(bar->candidates(), QList<qint64> {ivan});

        QTRY_VERIFY(choose(view, QStringLiteral("Ivan Petrov")));
        QCOMPARE(view.previewContact(), ivan);
        QTRY_VERIFY(threadLoaded(view));
        QTRY_COMPARE(ids(view), toIvan);
        QVERIFY(bar->banner()->isVisible());
        QVERIFY(bar->banner()->text().contains(QStringLiteral("Ivan Petrov")));
        QVERIFY(!bar->chooseButton()->isVisible());
        QVERIFY(!view.composer()->isVisible());
        QApplication::processEvents();
        const QString path
            = ClientFixture::screenshotPath(QStringLiteral("preview-as-contact.png"));
        QVERIFY(view.grab().save(path));
        qInfo() << "screenshot:" << path;

        QTest::mouseClick(bar->exitButton(), Qt::LeftButton);
        QCOMPARE(view.previewContact(), 0);
        QTRY_COMPARE(view.thread()->rowCount(), 5);
        QVERIFY(!bar->banner()->isVisible());
        QVERIFY(view.composer()->isVisible());
    }

    void livePreviewFollowsNewCommentsAndSettings()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::TaskView view(session);
        view.show();
        view.showTask(task);
        QTRY_VERIFY(threadLoaded(view));
        view.previewAs(ivan);
        QTRY_COMPARE(ids(view), toIvan);

        // A new internal comment stays out of the preview; one addressed to Ivan comes in.
        const QString olgaToken = token(QStringLiteral("olga"));
        QVERIFY(f->comment(task, QStringLiteral("Internal again."),
            {{QStringLiteral("internal"), true}}, olgaToken));
        const qint64 addressed = f->comment(task, QStringLiteral("Ivan, please restart it."),
            {{QStringLiteral("notifiedIds"), QJsonArray {ivan}}}, olgaToken);
        QTRY_COMPARE(ids(view), toIvan + QList<qint64> {addressed});

        // The administrator lets contacts see every open comment: the preview shows the
        // plain comment at once, old as it is.
        QVERIFY(f->server()
                    .patch(QStringLiteral("/api/v1/settings"),
                        {{QStringLiteral("contactsSeeOnlyNotified"), false}}, f->adminToken())
                    .status
            == 200);
        QList<qint64> expected = toIvan + QList<qint64> {plain, addressed};
        std::sort(expected.begin(), expected.end());
        QTRY_COMPARE(ids(view), expected);

        // Another task drops the preview.
        const qint64 other = f->task(QStringLiteral("Other"), ivan, {olga});
        view.showTask(other);
        QCOMPARE(view.previewContact(), 0);
        QVERIFY(view.composer()->isVisibleTo(&view));
    }

    void aTaskWithoutContactsOffersNoPreview()
    {
        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        const qint64 internalTask = f->task(QStringLiteral("Team only"), 0, {olga, pavel});
        ui::TaskView view(session);
        view.show();
        view.showTask(internalTask);
        QTRY_VERIFY(threadLoaded(view));
        QVERIFY(view.previewBar()->candidates().isEmpty());
        QVERIFY(!view.previewBar()->chooseButton()->isEnabled());
    }
};

QTEST_MAIN(TestPreviewAsContact)
#include "tst_previewascontact.moc"
