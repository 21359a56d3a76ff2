#include "clientfixture.h"

#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "ui/markdown/commentrenderer.h"
#include "ui/markdown/markdownpreview.h"
#include "ui/markdown/processcodehighlighter.h"
#include "ui/tasks/commentdelegate.h"
#include "ui/tasks/commentlistview.h"
#include "ui/tasks/composer.h"
#include "ui/tasks/taskview.h"

#include <QApplication>
#include <QDesktopServices>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>
#include <QTextTable>
#include <QToolButton>

using namespace linecard;
using namespace linecard::testing;

// Receives the links the thread opens (QDesktopServices' URL handler), so a click opens
// nothing outside the test.
class LinkCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls.append(url); }
};

// Comment Markdown and code highlighting: the document's structure, HTML kept as text, code
// coloured by the real kate-syntax-highlighter, the cache, the fallback without the tool, and
// a thread whose rendered link opens on click.
class TestMarkdown : public QObject
{
    Q_OBJECT

    static bool hasFormat(const QTextDocument &doc, const QString &word,
        const std::function<bool(const QTextCharFormat &)> &test)
    {
        const QTextCursor found = doc.find(word);
        if (found.isNull())
            return false;
        QTextCursor at(const_cast<QTextDocument *>(&doc));
        at.setPosition(found.selectionStart() + 1);
        return test(at.charFormat());
    }
    // The distinct foreground colours in the code's text.
    static QSet<QRgb> codeColours(const QTextDocument &doc)
    {
        QSet<QRgb> colours;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
            if (b.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
                for (auto it = b.begin(); !it.atEnd(); ++it)
                    if (it.fragment().charFormat().hasProperty(QTextFormat::ForegroundBrush))
                        colours.insert(it.fragment().charFormat().foreground().color().rgb());
        return colours;
    }

private slots:
    void markdownSubsetRenders()
    {
        ui::ProcessCodeHighlighter highlighter(QStringLiteral("kate-syntax-highlighter"));
        ui::CommentRenderer renderer(&highlighter);
        const QString text = QStringLiteral(
            "Some **bold** and *slanted* words, see [the docs](https://example.org/docs).\n\n"
            "- first\n- second\n\n1. one\n2. two\n\n> quoted reply\n\n"
            "| name | phone |\n|---|---|\n| Ivan | 101 |\n");
        const auto doc = renderer.render(text, QApplication::font(), QApplication::palette());
        QVERIFY(hasFormat(*doc, QStringLiteral("bold"),
            [](const QTextCharFormat &f) { return f.fontWeight() >= QFont::Bold; }));
        QVERIFY(hasFormat(*doc, QStringLiteral("slanted"),
            [](const QTextCharFormat &f) { return f.fontItalic(); }));
        QVERIFY(hasFormat(*doc, QStringLiteral("the docs"), [](const QTextCharFormat &f) {
            return f.isAnchor() && f.anchorHref() == QLatin1String("https://example.org/docs");
        }));
        QVERIFY(!doc->toPlainText().contains(u'*'));
        int bullets = 0, numbered = 0, quotes = 0;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            if (QTextList *list = b.textList()) {
                if (list->format().style() == QTextListFormat::ListDecimal)
                    ++numbered;
                else
                    ++bullets;
            }
            if (b.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0) {
                QCOMPARE(b.text(), QStringLiteral("quoted reply"));
                ++quotes;
            }
        }
        QCOMPARE(bullets, 2);
        QCOMPARE(numbered, 2);
        QCOMPARE(quotes, 1);
        QTextTable *table = QTextCursor(doc->find(QStringLiteral("Ivan"))).currentTable();
        QVERIFY(table);
        QCOMPARE(table->rows(), 2);
        QCOMPARE(table->columns(), 2);
        QCOMPARE(table->cellAt(1, 1).firstCursorPosition().block().text(), QStringLiteral("101"));
    }

    void htmlIsNotInterpreted()
    {
        ui::ProcessCodeHighlighter highlighter(QStringLiteral("kate-syntax-highlighter"));
        ui::CommentRenderer renderer(&highlighter);
        const auto doc = renderer.render(
            QStringLiteral("<b>loud</b> <a href=\"https://evil.example\">x</a>\n\n<img "
                           "src=\"file:///etc/hosts\">"),
            QApplication::font(), QApplication::palette());
        QVERIFY(doc->toPlainText().contains(QStringLiteral("<b>loud</b>")));
        QVERIFY(doc->toPlainText().contains(QStringLiteral("<img src=")));
        QVERIFY(hasFormat(*doc, QStringLiteral("loud"), [](const QTextCharFormat &f) {
            return f.fontWeight() < QFont::Bold && !f.isAnchor();
        }));
        QVERIFY(!hasFormat(
            *doc, QStringLiteral("x</a>"), [](const QTextCharFormat &f) { return f.isAnchor(); }));
        QVERIFY(doc->allFormats().size() > 0);
        for (const QTextFormat &f : doc->allFormats())
            QVERIFY(!f.isImageFormat());
    }

    void codeBlockIsHighlightedAndCached()
    {
        ui::ProcessCodeHighlighter highlighter(QStringLiteral("kate-syntax-highlighter"));
        QVERIFY(highlighter.isAvailable());
        ui::CommentRenderer renderer(&highlighter);
        const QString text = QStringLiteral(
            "Try this:\n\n```js\nfunction ring(ext) {\n  return \"<call>\" + 42; // now\n}\n```\n");
        bool complete = true;
        auto doc = renderer.render(text, QApplication::font(), QApplication::palette(), &complete);
        QVERIFY(!complete); // the tool runs in the background
        QCOMPARE(highlighter.jobsStarted(), 1);
        QSignalSpy ready(&highlighter, &ui::CodeHighlighter::highlighted);
        QVERIFY(ready.wait(20000));
        doc = renderer.render(text, QApplication::font(), QApplication::palette(), &complete);
        QVERIFY(complete);
        QVERIFY2(codeColours(*doc).size() >= 3, "keyword, string, number and comment colours");
        QVERIFY(hasFormat(*doc, QStringLiteral("42"),
            [](const QTextCharFormat &f) { return f.hasProperty(QTextFormat::ForegroundBrush); }));
        // The code text itself is unchanged, escapes included.
        QVERIFY(doc->toPlainText().contains(QStringLiteral("return \"<call>\" + 42; // now")));

        // Second time: from the cache, no second process.
        auto again
            = renderer.render(text, QApplication::font(), QApplication::palette(), &complete);
        QVERIFY(complete);
        QCOMPARE(highlighter.jobsStarted(), 1);
        QCOMPARE(codeColours(*again), codeColours(*doc));

        // The dark palette is another theme: another job, other colours.
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        renderer.render(text, QApplication::font(), dark, &complete);
        QVERIFY(!complete);
        QCOMPARE(highlighter.jobsStarted(), 2);
        QVERIFY(ready.wait(20000));
        const auto darkDoc = renderer.render(text, QApplication::font(), dark, &complete);
        QVERIFY(complete);
        QVERIFY(codeColours(*darkDoc) != codeColours(*doc));
    }

    void unknownLanguageAndMissingToolArePlain()
    {
        ui::ProcessCodeHighlighter highlighter(QStringLiteral("kate-syntax-highlighter"));
        ui::CommentRenderer renderer(&highlighter);
        bool complete = false;
        auto doc = renderer.render(QStringLiteral("```klingon\nqapla' 42\n```\n"),
            QApplication::font(), QApplication::palette(), &complete);
        QVERIFY(complete);
        QCOMPARE(highlighter.jobsStarted(), 0);
        QVERIFY(codeColours(*doc).isEmpty());

        ui::ProcessCodeHighlighter missing(QStringLiteral("/nonexistent/kate-syntax-highlighter"));
        QVERIFY(!missing.isAvailable());
        QVERIFY(
            missing.unavailableReason().contains(QStringLiteral("libkf5syntaxhighlighting-tools")));
        ui::CommentRenderer plain(&missing);
        QSignalSpy said(&missing, &ui::CodeHighlighter::unavailable);
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("code blocks show plain")));
        doc = plain.render(QStringLiteral("```json\n{\"a\": 1}\n```\n"), QApplication::font(),
            QApplication::palette(), &complete);
        QVERIFY(complete);
        QCOMPARE(missing.jobsStarted(), 0);
        QVERIFY(codeColours(*doc).isEmpty());
        QVERIFY(doc->toPlainText().contains(QStringLiteral("{\"a\": 1}")));
        // Said once: a second document logs nothing more.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("code blocks show plain")));
        plain.render(QStringLiteral("```py\nx = 1\n```\n"), QApplication::font(),
            QApplication::palette(), &complete);
        QVERIFY(complete);
        QCOMPARE(said.size(), 1); // the window's notice, once
        QVERIFY(said.at(0).at(0).toString().contains(QStringLiteral("kate-syntax-highlighter")));
    }

    void threadRendersAndOpensLinks()
    {
        ClientFixture f;
        const qint64 task = f.task(QStringLiteral("Router drops the line"));
        QVERIFY(task);
        QVERIFY(f.comment(task,
            QStringLiteral("The **router** log is at [the portal](https://portal.example/log).\n\n"
                           "```json\n{\"event\": \"INCOMING\", \"ext\": 101}\n```\n\n"
                           "- restart it\n- call back\n\n> said the client")));
        client::Session *session = f.signInAdmin();
        QVERIFY(session);
        LinkCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        ui::TaskView view(session);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showTask(task);
        QTRY_COMPARE(view.thread()->rowCount(), 1);
        ui::CommentListView *list = view.threadView();
        const QModelIndex index = view.thread()->index(0, 0);
        QTRY_VERIFY(list->visualRect(index).height() > 0);
        // The rendered text holds the link: find a point on it and click.
        QStyleOptionViewItem option;
        option.initFrom(list);
        option.rect = list->visualRect(index);
        QTextDocument *doc = list->commentDelegate()->document(option, index, option.rect.width());
        QVERIFY(!doc->toPlainText().contains(QStringLiteral("**")));
        QPoint onLink;
        for (int y = option.rect.top(); y < option.rect.bottom() && onLink.isNull(); y += 2)
            for (int x = option.rect.left(); x < option.rect.right() && onLink.isNull(); x += 3)
                if (list->anchorAt({x, y}) == QLatin1String("https://portal.example/log"))
                    onLink = {x, y};
        QVERIFY(!onLink.isNull());
        QSignalSpy activated(list, &ui::CommentListView::linkActivated);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, onLink);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://portal.example/log")));
        QCOMPARE(catcher.urls, QList<QUrl> {QUrl(QStringLiteral("https://portal.example/log"))});
        // A click beside the text opens nothing.
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, option.rect.topLeft() + QPoint(2, 2));
        QCOMPARE(activated.size(), 1);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));

        // The code block gets its colours from the application's highlighter; then the shot.
        ui::CodeHighlighter *shared = ui::CodeHighlighter::instance();
        QTRY_VERIFY_WITH_TIMEOUT(
            codeColours(*list->commentDelegate()->document(option, index, option.rect.width()))
                    .size()
                >= 2,
            20000);
        QVERIFY(shared->jobsStarted() >= 1);
        list->viewport()->update();
        QApplication::processEvents();
        const QString path = ClientFixture::screenshotPath(QStringLiteral("markdown-thread.png"));
        QVERIFY(view.grab().save(path));
        qInfo() << "screenshot:" << path;

        // A dark palette: the dark theme's colours for the code, the palette's for links.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xf0));
        const QSet<QRgb> lightColours
            = codeColours(*list->commentDelegate()->document(option, index, option.rect.width()));
        view.setPalette(dark);
        option.initFrom(list);
        option.rect = list->visualRect(index);
        const auto darkColours = [&] {
            return codeColours(
                *list->commentDelegate()->document(option, index, option.rect.width()));
        };
        QTRY_VERIFY_WITH_TIMEOUT(!darkColours().isEmpty() && darkColours() != lightColours, 20000);
        QVERIFY(hasFormat(*list->commentDelegate()->document(option, index, option.rect.width()),
            QStringLiteral("the portal"), [](const QTextCharFormat &f) {
                return f.foreground().color() == QColor(0x6c, 0xb4, 0xf0);
            }));
        list->viewport()->update();
        QApplication::processEvents();
        const QString darkPath
            = ClientFixture::screenshotPath(QStringLiteral("markdown-thread-dark.png"));
        QVERIFY(view.grab().save(darkPath));
        qInfo() << "screenshot:" << darkPath;
        view.setPalette(QApplication::palette());

        // The composer's preview renders the draft the same way, and goes back to writing.
        ui::Composer *composer = view.composer();
        composer->editor()->setPlainText(
            QStringLiteral("**Ready** for *tomorrow*:\n\n- swap the router\n- call Ivan\n\n"
                           "```sh\nping -c 3 10.0.0.1\n```\n<i>raw</i>"));
        composer->previewToggle()->click();
        QVERIFY(composer->preview()->isVisible());
        QVERIFY(!composer->editor()->isVisible());
        const QTextDocument *preview = composer->preview()->document();
        QVERIFY(hasFormat(*preview, QStringLiteral("Ready"),
            [](const QTextCharFormat &f) { return f.fontWeight() >= QFont::Bold; }));
        QVERIFY(hasFormat(*preview, QStringLiteral("tomorrow"),
            [](const QTextCharFormat &f) { return f.fontItalic(); }));
        QVERIFY(preview->toPlainText().contains(QStringLiteral("<i>raw</i>")));
        int items = 0;
        for (QTextBlock b = preview->begin(); b.isValid(); b = b.next())
            items += b.textList() ? 1 : 0;
        QCOMPARE(items, 2);
        // Typing while previewing updates it.
        composer->editor()->appendPlainText(QStringLiteral("\n> quoted"));
        QVERIFY(composer->preview()->document()->toPlainText().contains(QStringLiteral("quoted")));
        QTRY_VERIFY_WITH_TIMEOUT(codeColours(*composer->preview()->document()).size() >= 1, 20000);
        QApplication::processEvents();
        const QString previewShot
            = ClientFixture::screenshotPath(QStringLiteral("markdown-composer-preview.png"));
        QVERIFY(view.grab().save(previewShot));
        qInfo() << "screenshot:" << previewShot;
        composer->previewToggle()->click();
        QVERIFY(composer->editor()->isVisible());
        QVERIFY(!composer->preview()->isVisible());
    }
};

QTEST_MAIN(TestMarkdown)
#include "tst_markdown.moc"
