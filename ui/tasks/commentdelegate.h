#pragma once

#include <QHash>
#include <QStyledItemDelegate>

class QAbstractItemView;
class QTextDocument;

namespace linecard::ui {

class CommentRenderer;

// Draws one comment of a CommentThreadModel as a card: author and time, the word-wrapped
// text, and the SPEC section 3 markers — the light-blue "external" card, the lock with who
// may see a hidden comment, "not visible to contacts", the notified people, a call record.
// Heights are cached per comment and width, so long threads scroll without re-measuring.
class CommentDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // One line of markers under the text, as drawn (tests read them through markerLines()).
    enum class Marker
    {
        Hidden,
        Internal,
        Notified,
        Call
    };
    struct MarkerLine
    {
        Marker kind;
        QString text;
    };

    explicit CommentDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QList<MarkerLine> markerLines(const QModelIndex &index);
    // "from a contact" / "to a contact" for an external comment, else empty.
    static QString externalTag(const QModelIndex &index);
    // The link under pos (view coordinates) in the comment's rendered text, if any.
    QString anchorAt(
        const QStyleOptionViewItem &option, const QModelIndex &index, const QPoint &pos) const;
    // The comment's Markdown as drawn in a row of that width.
    QTextDocument *document(
        const QStyleOptionViewItem &option, const QModelIndex &index, int rowWidth) const;
    CommentRenderer *renderer() const { return m_renderer; }
    // Names changed or rows were replaced: measure again.
    void clearCache();
    // Off for a contact reading its own thread: every comment there is to or from it, so
    // the "from a contact" / "to a contact" tags and colours would only be noise.
    void setMarksExternal(bool marks)
    {
        m_marksExternal = marks;
        clearCache();
    }
    bool marksExternal() const { return m_marksExternal; }
    // The tag this delegate draws on the comment's card (empty: none).
    QString tagShown(const QModelIndex &index) const
    {
        return m_marksExternal ? externalTag(index) : QString();
    }

private:
    struct Metrics;
    int layoutHeight(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;

    QAbstractItemView *m_view;
    CommentRenderer *m_renderer;
    mutable QHash<qint64, QPair<int, int>> m_heights; // id → (width, height)
    bool m_marksExternal = true;
};

} // namespace linecard::ui
