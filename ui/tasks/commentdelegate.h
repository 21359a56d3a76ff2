#pragma once

#include <QHash>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace linecard::ui {

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
    // Names changed or rows were replaced: measure again.
    void clearCache() { m_heights.clear(); }

private:
    struct Metrics;
    int layoutHeight(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;

    QAbstractItemView *m_view;
    mutable QHash<qint64, QPair<int, int>> m_heights; // id → (width, height)
};

} // namespace linecard::ui
