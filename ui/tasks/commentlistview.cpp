#include "commentlistview.h"

#include "commentdelegate.h"

#include "models/commentthreadmodel.h"
#include "ui/markdown/commentrenderer.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QUrl>

namespace linecard::ui {

CommentListView::CommentListView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new CommentDelegate(this))
{
    setItemDelegate(m_delegate);
    setObjectName(QStringLiteral("commentThread"));
    setUniformItemSizes(false);
    setResizeMode(QListView::Adjust); // re-wrap on resize
    setLayoutMode(QListView::Batched); // long threads lay out in slices, the UI stays live
    setBatchSize(50);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A scroll bar that comes and goes would change the width, the wrapping and the heights.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setWordWrap(true);
    setSpacing(0);
    setMouseTracking(true); // the hand over links
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &CommentListView::onRangeChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_adjusting)
            m_following = isAtBottom();
    });
}

void CommentListView::setModel(QAbstractItemModel *model)
{
    if (this->model())
        this->model()->disconnect(this);
    QListView::setModel(model);
    m_delegate->clearCache();
    m_following = false;
    if (model)
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_delegate->clearCache();
            m_following = false;
        });
}

bool CommentListView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void CommentListView::followBottom()
{
    m_following = true;
    m_adjusting = true;
    scrollToBottom();
    m_adjusting = false;
}

void CommentListView::onRangeChanged()
{
    // Only a thread loaded to its end follows: following a half-loaded one would fetch
    // page after page by itself.
    const auto *thread = qobject_cast<const CommentThreadModel *>(model());
    if (!m_following || !thread || !thread->isAtEnd())
        return;
    m_adjusting = true;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    m_adjusting = false;
}

void CommentListView::dataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    // A name that arrived may wrap differently: measure again.
    m_delegate->clearCache();
    QListView::dataChanged(topLeft, bottomRight, roles);
    scheduleDelayedItemsLayout();
}

QString CommentListView::anchorAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return m_delegate->anchorAt(option, index, pos);
}

void CommentListView::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(
        anchorAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void CommentListView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QString anchor = event->button() == Qt::LeftButton ? anchorAt(pos) : QString();
    QListView::mouseReleaseEvent(event);
    if (anchor.isEmpty())
        return;
    const QUrl url(anchor);
    const QString recording = indexAt(pos)
                                  .data(CommentThreadModel::CallRole)
                                  .toJsonObject()
                                  .value(QStringLiteral("recordingUrl"))
                                  .toString();
    if (!recording.isEmpty() && url == QUrl(recording)) {
        emit recordingActivated(url);
        return;
    }
    emit linkActivated(url);
    if (CommentRenderer::isOpenableLink(url))
        QDesktopServices::openUrl(url);
}

void CommentListView::copyCurrent()
{
    const QModelIndex index = currentIndex();
    if (index.isValid())
        QApplication::clipboard()->setText(index.data(CommentThreadModel::TextRole).toString());
}

void CommentListView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("Copy text"), this, &CommentListView::copyCurrent);
    menu.exec(event->globalPos());
}

void CommentListView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyCurrent();
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace linecard::ui
