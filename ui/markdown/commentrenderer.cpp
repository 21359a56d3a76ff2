#include "commentrenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QUrl>

namespace linecard::ui {

namespace {

// Never loads what a comment points at (images, local files): a comment is text.
class CommentDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

constexpr auto Features = QTextDocument::MarkdownFeatures(
    QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);

QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
}

bool isCode(const QTextBlock &block)
{
    return block.blockFormat().hasProperty(QTextFormat::BlockCodeFence)
        || block.blockFormat().hasProperty(QTextFormat::BlockCodeLanguage);
}

std::unique_ptr<QTextDocument> newDocument(const QFont &font)
{
    auto document = std::make_unique<CommentDocument>();
    document->setDefaultFont(font);
    document->setDocumentMargin(0);
    return document;
}

} // namespace

CommentRenderer::CommentRenderer(CodeHighlighter *highlighter, QObject *parent)
    : QObject(parent)
    , m_highlighter(highlighter)
{
    connect(m_highlighter, &CodeHighlighter::highlighted, this, &CommentRenderer::onHighlighted);
}

std::unique_ptr<QTextDocument> CommentRenderer::render(
    const QString &markdown, const QFont &font, const QPalette &palette, bool *complete) const
{
    auto document = newDocument(font);
    document->setMarkdown(markdown, Features);
    highlightCode(document.get(), palette, complete);
    return document;
}

std::unique_ptr<QTextDocument> CommentRenderer::renderCode(const QString &code,
    const QString &language, const QFont &font, const QPalette &palette, bool *complete) const
{
    auto document = newDocument(font);
    QTextCursor cursor(document.get());
    QTextBlockFormat block;
    block.setProperty(QTextFormat::BlockCodeLanguage, language);
    QTextCharFormat mono;
    mono.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    cursor.setBlockFormat(block);
    cursor.setBlockCharFormat(mono);
    cursor.insertText(code, mono);
    highlightCode(document.get(), palette, complete);
    return document;
}

void CommentRenderer::highlightCode(
    QTextDocument *document, const QPalette &palette, bool *complete) const
{
    if (complete)
        *complete = true;
    const QColor codeBackground
        = mixed(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.06);
    const CodeHighlighter::Theme theme = CodeHighlighter::themeFor(palette);
    const QColor quoteText
        = mixed(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.35);
    QTextBlock block = document->begin();
    while (block.isValid()) {
        if (block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0) {
            // A quote has only a margin in QTextDocument: dim and slant it to tell it apart.
            QTextCursor cursor(block);
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            QTextCharFormat quote;
            quote.setForeground(quoteText);
            quote.setFontItalic(true);
            cursor.mergeCharFormat(quote);
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            // Links in the palette's link colour, readable in a dark theme too.
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isAnchor())
                continue;
            QTextCursor cursor(document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            QTextCharFormat link;
            link.setForeground(palette.color(QPalette::Link));
            link.setFontUnderline(true);
            cursor.mergeCharFormat(link);
        }
        if (!isCode(block)) {
            block = block.next();
            continue;
        }
        // One fenced block is a run of blocks, one per line, with the same language.
        const QString language
            = block.blockFormat().property(QTextFormat::BlockCodeLanguage).toString();
        const int start = block.position();
        QStringList lines;
        for (; block.isValid() && isCode(block)
             && block.blockFormat().property(QTextFormat::BlockCodeLanguage).toString() == language;
             block = block.next()) {
            lines << block.text();
            QTextCursor cursor(block);
            QTextBlockFormat format;
            format.setBackground(codeBackground);
            cursor.mergeBlockFormat(format);
        }
        const QString code = lines.join(u'\n').replace(QChar::LineSeparator, u'\n');
        const std::optional<HighlightedCode> spans
            = m_highlighter->highlight(language, code, theme);
        if (!spans) {
            if (complete)
                *complete = false;
            continue;
        }
        QTextCursor cursor(document);
        for (const CodeSpan &span : *spans) {
            if (span.start < 0 || span.length <= 0 || span.start + span.length > code.size())
                continue;
            cursor.setPosition(start + span.start);
            cursor.setPosition(start + span.start + span.length, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(span.format);
        }
    }
}

QTextDocument *CommentRenderer::document(
    qint64 id, const QString &markdown, int width, const QFont &font, const QPalette &palette)
{
    const CodeHighlighter::Theme theme = CodeHighlighter::themeFor(palette);
    Entry *entry = m_documents.object(id);
    if (entry && entry->markdown == markdown && entry->theme == theme
        && entry->document->defaultFont() == font) {
        if (entry->width != width) {
            entry->document->setTextWidth(width);
            entry->width = width;
        }
        return entry->document.get();
    }
    entry = new Entry;
    bool complete = true;
    entry->markdown = markdown;
    entry->theme = theme;
    entry->width = width;
    entry->document = render(markdown, font, palette, &complete);
    entry->document->setTextWidth(width);
    if (!complete)
        m_waiting.insert(id);
    QTextDocument *document = entry->document.get();
    m_documents.insert(id, entry);
    return document;
}

void CommentRenderer::clear()
{
    m_documents.clear();
    m_waiting.clear();
}

void CommentRenderer::onHighlighted()
{
    // Rebuilt on their next paint, from the highlighter's cache.
    const QList<qint64> ids(m_waiting.cbegin(), m_waiting.cend());
    for (qint64 id : ids)
        m_documents.remove(id);
    m_waiting.clear();
    if (!ids.isEmpty())
        emit updated(ids);
    emit highlightReady();
}

QString CommentRenderer::plainText(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown, Features);
    return document.toPlainText();
}

bool CommentRenderer::isOpenableLink(const QUrl &url)
{
    static const QStringList schemes {
        QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("mailto")};
    return url.isValid() && schemes.contains(url.scheme().toLower());
}

} // namespace linecard::ui
