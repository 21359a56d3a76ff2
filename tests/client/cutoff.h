#pragma once

#include <QHeaderView>
#include <QStringList>
#include <QTreeView>

namespace linecard::testing {

// The columns of `view` too narrow for their header or a row's text (with its icon), as
// "header: width < needed px" — what a screenshot would show cut off with "…". Empty when
// every column fits.
inline QStringList cutOffColumns(const QTreeView *view)
{
    QStringList cut;
    const QAbstractItemView *asView = view; // where sizeHintForColumn() is public
    for (int c = 0; c < view->model()->columnCount(); ++c) {
        const int needed = qMax(asView->sizeHintForColumn(c), view->header()->sectionSizeHint(c));
        if (view->columnWidth(c) < needed)
            cut << QStringLiteral("%1: %2 < %3 px")
                       .arg(view->model()->headerData(c, Qt::Horizontal).toString())
                       .arg(view->columnWidth(c))
                       .arg(needed);
    }
    return cut;
}

} // namespace linecard::testing
