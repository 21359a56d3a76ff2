// A comment's Markdown as the client shows it (ui/markdown/commentrenderer): parsed into a
// QTextDocument, quotes, links and fenced code styled, laid out to a width; also the plain
// one-line summary and the integration log's code view. Offscreen platform, no window.
#include "fuzzinput.h"

#include "ui/markdown/commentrenderer.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

using namespace linecard::ui;

namespace {

// The renderer's collaborator, answering at once: every run of word characters coloured,
// so that the renderer's own span handling runs on every code block. (The real engines
// answer later, from a process or KF6; the renderer is what is under test here.)
class WordHighlighter : public CodeHighlighter
{
public:
    bool isAvailable() const override { return true; }
    QString unavailableReason() const override { return {}; }

protected:
    void start(const QString &key, const QString &, const QString &code, Theme) override
    {
        static const QRegularExpression word(QStringLiteral("\\w+"));
        HighlightedCode spans;
        for (auto it = word.globalMatch(code); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            CodeSpan span;
            span.start = int(match.capturedStart());
            span.length = int(match.capturedLength());
            span.format.setFontWeight(QFont::Bold);
            spans.append(span);
        }
        finish(key, spans);
    }
};

struct Renderer
{
    WordHighlighter highlighter;
    CommentRenderer renderer {&highlighter};
    QFont font;
    QPalette palette;
};

Renderer *renderer = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    renderer = new Renderer;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString markdown
        = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    CommentRenderer &r = renderer->renderer;
    // Twice: the first asks for the code colours, the second applies them from the cache.
    (void)r.render(markdown, renderer->font, renderer->palette);
    (void)r.render(markdown, renderer->font, renderer->palette);
    QTextDocument *laidOut = r.document(1, markdown, 320, renderer->font, renderer->palette);
    (void)laidOut->size();
    (void)CommentRenderer::plainText(markdown);
    const qsizetype newline = markdown.indexOf(u'\n');
    (void)r.renderCode(markdown.mid(newline + 1), markdown.left(qMax<qsizetype>(newline, 0)),
        renderer->font, renderer->palette);
    r.clear();
    return 0;
}
