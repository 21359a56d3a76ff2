#pragma once

#include <QLayout>
#include <QList>

namespace linecard::ui {

// A row of controls (buttons, pickers) that stays one row while it fits — extra width going
// to the items by their stretch, as in a QHBoxLayout, and stretchable items giving up width
// down to their minimum first — and wraps onto further rows when it does not, so that a
// narrow panel (a card beside a task in a call window, a Russian UI) never needs more width
// than its widest item.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    void addWidget(QWidget *widget, int stretch = 0);
    // Empty room that takes the extra width of a single row (nothing when wrapped).
    void addStretch(int stretch = 1);
    void insertStretch(int index, int stretch = 1);

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return Qt::Horizontal; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSize() const override;
    void setGeometry(const QRect &rect) override;

private:
    struct Entry
    {
        QLayoutItem *item;
        int stretch;
    };
    int gap() const;
    // Lays the items out in `rect` (only measures when apply is false); the height used.
    int arrange(const QRect &rect, bool apply) const;
    bool arrangeInOneRow(
        const QRect &area, const QList<Entry> &shown, bool apply, int *height) const;

    QList<Entry> m_items;
};

} // namespace linecard::ui
