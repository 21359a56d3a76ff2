#include "markdownpreview.h"

#include "commentrenderer.h"

#include <QDesktopServices>

namespace linecard::ui {

MarkdownPreview::MarkdownPreview(QWidget *parent)
    : QTextBrowser(parent)
    , m_renderer(new CommentRenderer(CodeHighlighter::instance(), this))
{
    setObjectName(QStringLiteral("markdownPreview"));
    setOpenLinks(false); // never navigate inside the preview
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        if (CommentRenderer::isOpenableLink(url))
            QDesktopServices::openUrl(url);
    });
    connect(m_renderer, &CommentRenderer::highlightReady, this, [this] {
        if (isVisible())
            render();
    });
}

void MarkdownPreview::setMarkdownText(const QString &markdown)
{
    m_markdown = markdown;
    render();
}

void MarkdownPreview::render()
{
    // The browser owns the document it shows; the one it showed before goes.
    QTextDocument *old = document();
    const bool ours = old->parent() == this;
    std::unique_ptr<QTextDocument> next = m_renderer->render(m_markdown, font(), palette());
    next->setDocumentMargin(6);
    next->setParent(this);
    setDocument(next.release());
    if (ours)
        delete old;
}

} // namespace linecard::ui
