#pragma once

#include <QListView>

namespace linecard::ui {

class CommentDelegate;

// The comment thread: cards of variable height, laid out in batches; it fetches further
// pages through the model as the operator scrolls down, and stays at the bottom when a new
// comment arrives while the operator was reading the newest.
class CommentListView : public QListView
{
    Q_OBJECT
public:
    explicit CommentListView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    CommentDelegate *commentDelegate() const { return m_delegate; }
    bool isAtBottom() const;
    // Keeps the newest comment in view as cards are laid out and live ones arrive, until
    // the operator scrolls away from the bottom.
    void followBottom();
    // The link under pos (viewport coordinates), empty when none.
    QString anchorAt(const QPoint &pos) const;

signals:
    // A link in a comment was clicked; http(s) and mailto links also open in the browser.
    void linkActivated(const QUrl &url);
    // The recording link of a call's record was clicked: it plays in the client instead.
    void recordingActivated(const QUrl &url);

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
        const QList<int> &roles = QList<int>()) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void onRangeChanged();
    void copyCurrent();

    CommentDelegate *m_delegate;
    bool m_following = false;
    bool m_adjusting = false; // our own scrolling, not the operator's
};

} // namespace linecard::ui
