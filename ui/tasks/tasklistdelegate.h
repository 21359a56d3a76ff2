#pragma once

#include <QStyledItemDelegate>

namespace linecard::ui {

// The task list's rows: a task with unread comments is set in bold, as a mail client shows a
// thread with news, and its count sits in a pill in the Unread column.
class TaskListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace linecard::ui
