#include "activityfeedview.h"

#include "activitydelegate.h"

#include "app/eventrouter.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/commentthreadmodel.h"
#include "ui/common/recordingplayer.h"

#include <QEvent>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace linecard::ui {

ActivityFeedView::ActivityFeedView(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_model(new ActivityModel(session->people(), this))
    , m_view(new QListView(this))
    , m_delegate(new ActivityDelegate(m_view))
    , m_status(new QLabel(this))
    , m_recording(new RecordingPlayer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *title = new QLabel(tr("Activity"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setMinimumHeight(title->sizeHint().height() + 6); // level with the tasks' toggle
    layout->addWidget(title);

    m_model->setDataSource(session->rest());
    connect(session->router(), &client::EventRouter::lineDeleted, m_model,
        &CommentThreadModel::markLineDeleted);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setResizeMode(QListView::Adjust); // rows re-wrap to the new width
    // Rows wrap to the view's width; a vertical scroll bar arriving after they were laid out
    // must not add a horizontal one for its own width.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const qint64 task = index.data(CommentThreadModel::TaskIdRole).toLongLong())
            emit openTask(task);
    });
    layout->addWidget(m_view, 1);

    m_status->setAlignment(Qt::AlignCenter);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addWidget(m_recording);
    m_recording->hide();
    connect(m_model, &PagedListModel::loadingChanged, this, &ActivityFeedView::updateStatus);
    connect(m_model, &PagedListModel::errorChanged, this, &ActivityFeedView::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityFeedView::updateStatus);
    updateStatus();
}

void ActivityFeedView::setContact(qint64 contactId)
{
    if (contactId != m_contactId) {
        m_recording->setRecording(QUrl());
        m_recording->hide();
    }
    m_contactId = contactId;
    reload();
}

void ActivityFeedView::reload()
{
    m_model->setQuery(
        m_contactId ? QStringLiteral("/api/v1/contacts/%1/activity").arg(m_contactId) : QString());
    m_model->fetchMore();
    updateStatus();
}

void ActivityFeedView::applyComment(const QJsonObject &comment)
{
    m_model->applyComment(comment);
}

qint64 ActivityFeedView::tagAt(const QPoint &pos) const
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid() || !m_delegate->tagRect(m_view->visualRect(index), index).contains(pos))
        return 0;
    return index.data(CommentThreadModel::TaskIdRole).toLongLong();
}

QUrl ActivityFeedView::recordingAt(const QPoint &pos) const
{
    return QUrl(m_view->indexAt(pos)
                    .data(CommentThreadModel::CallRole)
                    .toJsonObject()
                    .value(QStringLiteral("recordingUrl"))
                    .toString());
}

bool ActivityFeedView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            m_view->viewport()->setCursor(
                tagAt(mouse->position().toPoint()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
        } else if (event->type() == QEvent::MouseButtonRelease) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton) {
                if (const qint64 task = tagAt(mouse->position().toPoint())) {
                    emit openTask(task);
                    return true;
                }
                const QUrl recording = recordingAt(mouse->position().toPoint());
                if (!recording.isEmpty()) {
                    m_recording->setRecording(recording); // streamed once Play is pressed
                    m_recording->show();
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ActivityFeedView::updateStatus()
{
    QString status;
    if (!m_model->error().isEmpty())
        status = tr("Could not load the activity: %1").arg(m_model->error());
    else if (m_model->rowCount() == 0 && m_model->isLoading())
        status = tr("Loading…");
    else if (m_model->rowCount() == 0 && m_contactId)
        status = tr("No comments yet on this contact or its tasks.");
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

} // namespace linecard::ui
