#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

namespace linecard::ui {

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    for (const Entry &e : std::as_const(m_items))
        delete e.item;
}

void FlowLayout::addWidget(QWidget *widget, int stretch)
{
    addChildWidget(widget);
    m_items.append({new QWidgetItem(widget), stretch});
    invalidate();
}

void FlowLayout::addStretch(int stretch)
{
    insertStretch(int(m_items.size()), stretch);
}

void FlowLayout::insertStretch(int index, int stretch)
{
    m_items.insert(index,
        {new QSpacerItem(0, 0, QSizePolicy::Expanding, QSizePolicy::Minimum), qMax(1, stretch)});
    invalidate();
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append({item, 0});
    invalidate();
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index).item : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem *item = m_items.takeAt(index).item;
    invalidate();
    return item;
}

int FlowLayout::gap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, owner)
                 : 6;
}

static bool isSpacer(const QLayoutItem *item)
{
    return dynamic_cast<const QSpacerItem *>(item) != nullptr;
}

QSize FlowLayout::sizeHint() const
{
    int width = 0, height = 0, n = 0;
    for (const Entry &e : m_items) {
        if (e.item->isEmpty() || isSpacer(e.item))
            continue;
        const QSize hint = e.item->sizeHint();
        width += hint.width();
        height = qMax(height, hint.height());
        ++n;
    }
    const QMargins m = contentsMargins();
    return {width + gap() * qMax(0, n - 1) + m.left() + m.right(), height + m.top() + m.bottom()};
}

QSize FlowLayout::minimumSize() const
{
    // The widest item alone on its row; the height follows from heightForWidth.
    int width = 0, height = 0;
    for (const Entry &e : m_items) {
        if (e.item->isEmpty() || isSpacer(e.item))
            continue;
        width = qMax(width, e.item->minimumSize().width());
        height = qMax(height, e.item->minimumSize().height());
    }
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

bool FlowLayout::arrangeInOneRow(
    const QRect &area, const QList<Entry> &shown, bool apply, int *height) const
{
    int hints = gap() * qMax(0, int(shown.size()) - 1), give = 0, stretch = 0, rowHeight = 0;
    for (const Entry &e : shown) {
        hints += isSpacer(e.item) ? 0 : e.item->sizeHint().width();
        if (e.stretch > 0 && !isSpacer(e.item))
            give += e.item->sizeHint().width() - e.item->minimumSize().width();
        stretch += e.stretch;
        rowHeight = qMax(rowHeight, e.item->sizeHint().height());
    }
    const int spare = area.width() - hints;
    if (spare < 0 && -spare > give)
        return false; // even the stretchable ones at their minimum do not fit
    *height = rowHeight;
    if (!apply)
        return true;
    int x = area.left(), gaveSoFar = 0, stretchSoFar = 0;
    for (const Entry &e : shown) {
        int width = isSpacer(e.item) ? 0 : e.item->sizeHint().width();
        if (spare >= 0 && stretch > 0 && e.stretch > 0) {
            // Extra width by stretch, rounding so that the row ends at the edge.
            const int before = spare * stretchSoFar / stretch;
            stretchSoFar += e.stretch;
            width += spare * stretchSoFar / stretch - before;
        } else if (spare < 0 && e.stretch > 0 && !isSpacer(e.item)) {
            // Too little: the stretchable items give up width in proportion to what they can.
            const int can = e.item->sizeHint().width() - e.item->minimumSize().width();
            const int before = give ? -spare * gaveSoFar / give : 0;
            gaveSoFar += can;
            const int take = give ? -spare * gaveSoFar / give - before : 0;
            width -= take;
        }
        if (!isSpacer(e.item) || width > 0)
            e.item->setGeometry(QRect(x, area.top(), width, rowHeight));
        x += width + (isSpacer(e.item) && width == 0 ? 0 : gap());
    }
    return true;
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QMargins m = contentsMargins();
    const QRect area = rect.marginsRemoved(m);
    QList<Entry> shown;
    for (const Entry &e : m_items)
        if (!e.item->isEmpty() || isSpacer(e.item))
            shown.append(e);
    int height = 0;
    if (!arrangeInOneRow(area, shown, apply, &height)) {
        // Wrapped: each item at its preferred width (never past the edge), row after row.
        int x = area.left(), y = area.top(), rowHeight = 0;
        for (const Entry &e : std::as_const(shown)) {
            if (isSpacer(e.item))
                continue;
            const QSize hint = e.item->sizeHint();
            const int width = qMax(qMin(hint.width(), area.width()), e.item->minimumSize().width());
            if (x > area.left() && x + width > area.left() + area.width()) {
                x = area.left();
                y += rowHeight + gap();
                rowHeight = 0;
            }
            if (apply)
                e.item->setGeometry(QRect(x, y, width, hint.height()));
            x += width + gap();
            rowHeight = qMax(rowHeight, hint.height());
        }
        height = y + rowHeight - area.top();
    }
    return height + m.top() + m.bottom();
}

} // namespace linecard::ui
