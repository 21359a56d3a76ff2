#pragma once

#include "codehighlighter.h"

#include <QCache>
#include <QFont>
#include <QHash>
#include <QObject>
#include <QPalette>
#include <QTextDocument>

#include <memory>

namespace linecard::ui {

// Comment text (Markdown) → QTextDocument, for the thread, the composer's preview and the
// integration log: emphasis, links, lists, quotes, tables; raw HTML stays visible text
// (MarkdownNoHTML); fenced code blocks in a monospace box, coloured by the CodeHighlighter
// once its answer is there. Documents of list rows are cached per comment id and width.
class CommentRenderer : public QObject
{
    Q_OBJECT
public:
    explicit CommentRenderer(CodeHighlighter *highlighter, QObject *parent = nullptr);

    // A new document; *complete is false while a code block waits for its colours.
    std::unique_ptr<QTextDocument> render(const QString &markdown, const QFont &font,
        const QPalette &palette, bool *complete = nullptr) const;
    // Code alone (the integration log's bodies): a monospace block in that language.
    std::unique_ptr<QTextDocument> renderCode(const QString &code, const QString &language,
        const QFont &font, const QPalette &palette, bool *complete = nullptr) const;
    // The row's document laid out to width, cached; rebuilt when its colours arrive.
    QTextDocument *document(
        qint64 id, const QString &markdown, int width, const QFont &font, const QPalette &palette);
    void clear();

    // The text without its Markdown marks (for one-line summaries).
    static QString plainText(const QString &markdown);
    static bool isOpenableLink(const QUrl &url);

    CodeHighlighter *highlighter() const { return m_highlighter; }

signals:
    // Code colours arrived for these cached rows: repaint them.
    void updated(const QList<qint64> &ids);
    // Code colours arrived for a document made by render(): render again.
    void highlightReady();

private:
    struct Entry
    {
        int width = 0;
        QString markdown;
        CodeHighlighter::Theme theme = CodeHighlighter::Theme::Light;
        std::unique_ptr<QTextDocument> document;
    };
    void highlightCode(QTextDocument *document, const QPalette &palette, bool *complete) const;
    void onHighlighted();

    CodeHighlighter *m_highlighter;
    QCache<qint64, Entry> m_documents {1000}; // a few screens of rows
    mutable QSet<qint64> m_waiting; // rows shown before their code colours arrived
};

} // namespace linecard::ui
