#include "clientfixture.h"

#include "app/session.h"
#include "ui/markdown/codehighlighter.h"
#include "ui/shell/mainwindow.h"
#include "ui/telephony/integrationlogwindow.h"
#include "ui/telephony/payloadformatter.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTreeWidget>
#include <QUrl>

using namespace linecard;
using namespace linecard::testing;

// The administrators' integration log window against the real server: real PlanFix and
// Zammad requests, grouped by call id, filtered, pretty-printed and highlighted; the menu
// entry only for administrators.
class TestIntegrationLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClientFixture> f;

    static QByteArray form(const QList<std::pair<QString, QString>> &fields)
    {
        QByteArray body;
        for (const auto &[key, value] : fields)
            body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '='
                + QUrl::toPercentEncoding(value);
        return body;
    }
    int planFix(const QString &callId, const QString &event, const QString &phone)
    {
        return f->server()
            .request("POST", QStringLiteral("/tel/api"), {},
                form({{QStringLiteral("cmd"), QStringLiteral("event")},
                    {QStringLiteral("type"), QStringLiteral("in")},
                    {QStringLiteral("event"), event}, {QStringLiteral("phone"), phone},
                    {QStringLiteral("ext"), QStringLiteral("101")},
                    {QStringLiteral("callid"), callId},
                    {QStringLiteral("planfix_token"), QStringLiteral("pf-secret-42")}}),
                "application/x-www-form-urlencoded")
            .status;
    }
    static bool coloured(const QTextDocument *doc)
    {
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().hasProperty(QTextFormat::ForegroundBrush))
                    return true;
        return false;
    }

private slots:
    void init()
    {
        f = std::make_unique<ClientFixture>();
        for (const auto &[name, format, token] :
            {std::tuple {"Office PBX", "planfix", "pf-secret-42"},
                std::tuple {"sipgate", "zammad", "zm-secret-77"}})
            QCOMPARE(f->server()
                         .post(QStringLiteral("/api/v1/telephony/providers"),
                             {{QStringLiteral("name"), QLatin1String(name)},
                                 {QStringLiteral("format"), QLatin1String(format)},
                                 {QStringLiteral("token"), QLatin1String(token)}},
                             f->adminToken())
                         .status,
                201);
        QVERIFY(f->employee(QStringLiteral("olga")));
    }

    void formatsPayloads()
    {
        const ui::FormattedPayload json = ui::PayloadFormatter::format(
            QStringLiteral("{\"event\":\"newCall\",\"user\":[\"a\"]}"));
        QCOMPARE(json.language, QStringLiteral("json"));
        QVERIFY(json.text.contains(QStringLiteral("\n    \"event\": \"newCall\"")));
        const ui::FormattedPayload fields = ui::PayloadFormatter::format(
            QStringLiteral("cmd=event&phone=%2B7%20916&planfix_token=***"));
        QCOMPARE(fields.language, QStringLiteral("form"));
        QCOMPARE(fields.text, QStringLiteral("cmd = event\nphone = +7 916\nplanfix_token = ***"));
        QCOMPARE(ui::PayloadFormatter::format(QStringLiteral("just text")).language, QString());
    }

    void showsGroupedFilteredHighlightedRequests()
    {
        QCOMPARE(planFix(QStringLiteral("call-A"), QStringLiteral("INCOMING"),
                     QStringLiteral("+79161112233")),
            200);
        QCOMPARE(planFix(QStringLiteral("call-A"), QStringLiteral("ACCEPTED"),
                     QStringLiteral("+79161112233")),
            200);
        QCOMPARE(
            f->server()
                .request("POST", QStringLiteral("/api/v1/cti/zm-secret-77"), {},
                    R"({"event":"newCall","direction":"in","from":"4930555777","to":"4930123456","callId":"call-B","user":"olga"})",
                    "application/json")
                .status,
            200);

        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::IntegrationLogWindow window(session);
        QSignalSpy loaded(&window, &ui::IntegrationLogWindow::loaded);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(loaded.wait(10000));
        QTreeWidget *tree = window.requestTree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("call-B")); // newest first
        QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("call-A"));
        QCOMPARE(tree->topLevelItem(1)->childCount(), 2);
        QVERIFY(tree->topLevelItem(1)->child(0)->text(2).contains(QStringLiteral("/tel/api")));

        // The PlanFix request: one field per line, token masked, coloured by the real tool.
        tree->setCurrentItem(tree->topLevelItem(1)->child(0));
        QTextEdit *body = window.requestView();
        QVERIFY(body->toPlainText().contains(QStringLiteral("planfix_token = ***")));
        QVERIFY(body->toPlainText().contains(QStringLiteral("phone = +79161112233")));
        QVERIFY(!body->toPlainText().contains(QStringLiteral("pf-secret-42")));
        QVERIFY(window.summaryLine()->text().contains(QStringLiteral("POST /tel/api")));
        QVERIFY(window.answerView()->toPlainText().contains(QStringLiteral("\"status\": \"ok\"")));
        if (ui::CodeHighlighter::instance()->isAvailable())
            QTRY_VERIFY_WITH_TIMEOUT(coloured(window.requestView()->document()), 20000);

        // The Zammad request: JSON indented, the token out of the path.
        tree->setCurrentItem(tree->topLevelItem(0)->child(0));
        QVERIFY(body->toPlainText().contains(QStringLiteral("    \"callId\": \"call-B\"")));
        QVERIFY(window.summaryLine()->text().contains(QStringLiteral("/api/v1/cti/***")));
        QVERIFY(!window.summaryLine()->text().contains(QStringLiteral("zm-secret-77")));
        if (ui::CodeHighlighter::instance()->isAvailable())
            QTRY_VERIFY_WITH_TIMEOUT(coloured(window.requestView()->document()), 20000);
        QApplication::processEvents();
        const QString path = ClientFixture::screenshotPath(QStringLiteral("integration-log.png"));
        QVERIFY(window.grab().save(path));
        qInfo() << "screenshot:" << path;

        // Filters: by a number (any formatting), by a call id.
        window.setFilter(ui::IntegrationLogWindow::Filter::Number, QStringLiteral("916 111-22"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("call-A"));
        window.setFilter(ui::IntegrationLogWindow::Filter::CallId, QStringLiteral("call-B"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("call-B"));
        window.setFilter(ui::IntegrationLogWindow::Filter::CallId, QStringLiteral("nothing"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(tree->topLevelItemCount(), 0);
        QVERIFY(body->toPlainText().isEmpty());
    }

    // More requests than a page: "Load older" appends the next page (a call's older request
    // joins its group), goes away at the end; a new filter starts over from the newest.
    void loadsOlderPages()
    {
        qputenv("LINECARD_INTEGRATION_LOG_SIZE", "100"); // the server keeps every request here
        const QString phone = QStringLiteral("+79161112233");
        for (const auto &[callId, event] : {std::pair {"call-1", "INCOMING"},
                 std::pair {"call-2", "INCOMING"}, std::pair {"call-3", "INCOMING"},
                 std::pair {"call-1", "ACCEPTED"}, std::pair {"call-4", "INCOMING"}})
            QCOMPARE(planFix(QLatin1String(callId), QLatin1String(event), phone), 200);

        client::Session *session = f->signInAdmin();
        QVERIFY(session);
        ui::IntegrationLogWindow window(session);
        QSignalSpy loaded(&window, &ui::IntegrationLogWindow::loaded);
        QVERIFY(loaded.wait(10000)); // the first load, 200 a page: everything, nothing older
        QVERIFY(window.loadOlderButton()->isHidden());
        window.setPageSize(2);
        window.reload();
        QVERIFY(loaded.wait(10000));
        QTreeWidget *tree = window.requestTree();
        // Groups and their request counts, top to bottom.
        const auto groups = [tree] {
            QStringList out;
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                out << QStringLiteral("%1:%2")
                           .arg(tree->topLevelItem(i)->text(0))
                           .arg(tree->topLevelItem(i)->childCount());
            return out;
        };
        QCOMPARE(groups(), (QStringList {QStringLiteral("call-4:1"), QStringLiteral("call-1:1")}));
        QVERIFY(!window.loadOlderButton()->isHidden());

        QTreeWidgetItem *picked = tree->topLevelItem(1)->child(0);
        tree->setCurrentItem(picked);
        const QString pickedText = picked->text(2);
        QTest::mouseClick(window.loadOlderButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(groups(),
            (QStringList {QStringLiteral("call-4:1"), QStringLiteral("call-1:1"),
                QStringLiteral("call-3:1"), QStringLiteral("call-2:1")}));
        QVERIFY(!window.loadOlderButton()->isHidden());
        QCOMPARE(tree->currentItem()->text(2), pickedText); // still on the request picked

        QTest::mouseClick(window.loadOlderButton(), Qt::LeftButton);
        QVERIFY(loaded.wait(10000));
        // call-1's INCOMING came on the last page: in its group, first of the two.
        QCOMPARE(groups(),
            (QStringList {QStringLiteral("call-4:1"), QStringLiteral("call-1:2"),
                QStringLiteral("call-3:1"), QStringLiteral("call-2:1")}));
        tree->setCurrentItem(tree->topLevelItem(1)->child(0));
        QVERIFY(window.requestView()->toPlainText().contains(QStringLiteral("event = INCOMING")));
        QVERIFY(window.loadOlderButton()->isHidden()); // nothing older

        // A page of an older filter still on its way is dropped when the filter changes.
        window.setFilter(ui::IntegrationLogWindow::Filter::CallId, QString());
        QVERIFY(loaded.wait(10000));
        QVERIFY(!window.loadOlderButton()->isHidden());
        loaded.clear();
        window.loadOlder();
        window.setFilter(ui::IntegrationLogWindow::Filter::CallId, QStringLiteral("call-1"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(groups(), (QStringList {QStringLiteral("call-1:2")}));
        QVERIFY(window.loadOlderButton()->isHidden()); // two requests: one page
        window.reload(); // a round trip after both answers: the stale page never showed
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(groups(), (QStringList {QStringLiteral("call-1:2")}));
    }

    void cleanup() { qunsetenv("LINECARD_INTEGRATION_LOG_SIZE"); }

    void onlyAdministratorsGetTheMenuEntry()
    {
        client::Session *admin = f->signInAdmin();
        QVERIFY(admin);
        ui::MainWindow adminWindow(admin);
        QVERIFY(adminWindow.integrationLogAction());
        adminWindow.integrationLogAction()->trigger();
        auto *log = adminWindow.findChild<ui::IntegrationLogWindow *>();
        QVERIFY(log);
        QVERIFY(log->isVisible());
        adminWindow.integrationLogAction()->trigger(); // raised, not opened twice
        QCOMPARE(adminWindow.findChildren<ui::IntegrationLogWindow *>().size(), 1);

        client::Session *olga = f->signIn(QStringLiteral("olga"), QStringLiteral("olga-password"));
        QVERIFY(olga);
        ui::MainWindow operatorWindow(olga);
        QVERIFY(!operatorWindow.integrationLogAction());
        // And the server refuses it anyway.
        QCOMPARE(f->server()
                     .get(QStringLiteral("/api/v1/telephony/log"),
                         f->server().login(QStringLiteral("olga"), QStringLiteral("olga-password")))
                     .status,
            403);
    }
};

QTEST_MAIN(TestIntegrationLog)
#include "tst_integrationlog.moc"
