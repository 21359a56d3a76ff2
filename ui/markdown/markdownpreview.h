#pragma once

#include <QTextBrowser>

#include <memory>

namespace linecard::ui {

class CommentRenderer;

// A comment as it will read once sent (the composer's preview): the same CommentRenderer
// as the thread, code colours filled in when they arrive, links opened in the browser.
class MarkdownPreview : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MarkdownPreview(QWidget *parent = nullptr);

    void setMarkdownText(const QString &markdown);
    QString markdownText() const { return m_markdown; }

private:
    void render();

    CommentRenderer *m_renderer;
    QString m_markdown;
};

} // namespace linecard::ui
