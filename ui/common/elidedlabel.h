#pragma once

#include <QLabel>
#include <QList>

namespace linecard::ui {

// Lines of text (each may be a link) that never get cut at the edge: a line too long for
// the width ends in "…" and the whole value is in the tooltip. It asks for the room of its
// longest line but takes less; e-mail addresses, custom field values on a narrow card.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    struct Line
    {
        QString text;
        QString href; // empty: plain text
    };

    explicit ElidedLabel(QWidget *parent = nullptr);

    void setLines(const QList<Line> &lines);
    void setElideMode(Qt::TextElideMode mode);
    // The lines in full, one per line of text.
    QString fullText() const;
    bool isElided() const { return m_elided; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();

    QList<Line> m_lines;
    Qt::TextElideMode m_mode = Qt::ElideRight;
    bool m_elided = false;
};

} // namespace linecard::ui
