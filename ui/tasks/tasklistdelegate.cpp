#include "tasklistdelegate.h"

#include "models/tasklistmodel.h"

#include <QApplication>
#include <QPainter>

namespace linecard::ui {

static bool hasUnread(const QModelIndex &index)
{
    return index.data(TaskListModel::UnreadRole).toInt() > 0;
}

void TaskListDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (hasUnread(index))
        option->font.setBold(true);
}

void TaskListDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != TaskListModel::UnreadColumn || !hasUnread(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The row's background and selection as usual, then the count in a pill.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QString count = background.text;
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const QFontMetrics metrics(background.font);
    const int height = metrics.height() + 2;
    const int width = qMax(height, metrics.horizontalAdvance(count) + height / 2 + 4);
    QRect pill(0, 0, width, height);
    pill.moveCenter(option.rect.center());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    painter->setBrush(
        selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Highlight));
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(
        selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::HighlightedText));
    painter->setFont(background.font);
    painter->drawText(pill, Qt::AlignCenter, count);
    painter->restore();
}

} // namespace linecard::ui
