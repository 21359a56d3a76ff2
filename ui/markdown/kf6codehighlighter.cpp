#include "kf6codehighlighter.h"

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QTimer>

namespace linecard::ui {

namespace {

// Collects the engine's formats as spans over the whole code.
class SpanCollector : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    HighlightedCode run(const QString &code)
    {
        KSyntaxHighlighting::State state;
        int offset = 0;
        for (const QString &line : code.split(u'\n')) {
            m_lineStart = offset;
            state = highlightLine(line, state);
            offset += int(line.size()) + 1;
        }
        return m_spans;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        QTextCharFormat f;
        if (format.hasTextColor(theme()))
            f.setForeground(format.textColor(theme()));
        if (format.isBold(theme()))
            f.setFontWeight(QFont::Bold);
        if (format.isItalic(theme()))
            f.setFontItalic(true);
        m_spans.append({m_lineStart + offset, length, f});
    }

private:
    HighlightedCode m_spans;
    int m_lineStart = 0;
};

} // namespace

Kf6CodeHighlighter::Kf6CodeHighlighter(QObject *parent)
    : CodeHighlighter(parent)
{ }

void Kf6CodeHighlighter::start(
    const QString &key, const QString &definition, const QString &code, Theme theme)
{
    SpanCollector collector;
    collector.setDefinition(m_repository.definitionForName(definition));
    collector.setTheme(m_repository.theme(themeName(theme)));
    const HighlightedCode spans = collector.run(code);
    QTimer::singleShot(0, this, [this, key, spans] { finish(key, spans); });
}

} // namespace linecard::ui
