#pragma once

#include <QStyledItemDelegate>

class QListView;

namespace linecard::ui {

// Paints one comment of a contact's activity feed: author and time, a tag with the task it
// belongs to (clickable, see tagRect), the text in a few lines, and the visibility marks
// (private, not visible to contacts, notified people). Comments a contact reads get the
// light-blue "external" tint.
class ActivityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ActivityDelegate(QListView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the task tag of the item in itemRect is drawn (null for a card comment).
    QRect tagRect(const QRect &itemRect, const QModelIndex &index) const;

private:
    struct Layout
    {
        QRect header; // author · time
        QRect tag;
        QStringList lines; // the text, wrapped and cut
        QRect text;
        QString marks;
        QRect marksRect;
        int height = 0;
    };
    Layout layout(const QRect &itemRect, const QModelIndex &index) const;
    QString tagText(const QModelIndex &index) const;
    static QString marks(const QModelIndex &index);

    QListView *m_view;
};

} // namespace linecard::ui
