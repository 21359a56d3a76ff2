#include "elidedlabel.h"

#include <QEvent>
#include <QFontMetrics>
#include <QResizeEvent>

namespace linecard::ui {

// Rounding in the text engine: a line given exactly its advance may still elide.
static constexpr int Slack = 4;

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(false);
    // Takes the width there is (a form's field column), down to its minimum.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ElidedLabel::setLines(const QList<Line> &lines)
{
    m_lines = lines;
    updateGeometry();
    render();
}

void ElidedLabel::setElideMode(Qt::TextElideMode mode)
{
    m_mode = mode;
    render();
}

QString ElidedLabel::fullText() const
{
    QStringList texts;
    for (const Line &line : m_lines)
        texts << line.text;
    return texts.join(u'\n');
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics(font());
    int width = 0;
    for (const Line &line : m_lines)
        width = qMax(width, metrics.horizontalAdvance(line.text));
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right() + 2 * margin() + Slack,
        QLabel::sizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few characters and the ellipsis: the form gives the rest to the captions.
    const QFontMetrics metrics(font());
    return {qMin(sizeHint().width(), metrics.horizontalAdvance(QStringLiteral("mmmmm…"))),
        QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    render();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        render();
}

void ElidedLabel::render()
{
    const QFontMetrics metrics(font());
    const int width = qMax(0, contentsRect().width() - 2 * margin());
    QStringList html;
    bool elided = false;
    for (const Line &line : std::as_const(m_lines)) {
        const QString shown = metrics.elidedText(line.text, m_mode, width);
        elided = elided || shown != line.text;
        const QString escaped = shown.toHtmlEscaped();
        html << (line.href.isEmpty()
                ? escaped
                : QStringLiteral("<a href=\"%1\">%2</a>").arg(line.href.toHtmlEscaped(), escaped));
    }
    m_elided = elided;
    // white-space:pre: the rich text engine must not wrap what was just made to fit.
    setText(QStringLiteral("<span style=\"white-space:pre\">%1</span>")
                .arg(html.join(QStringLiteral("<br>"))));
    setToolTip(elided ? fullText() : QString());
}

} // namespace linecard::ui
