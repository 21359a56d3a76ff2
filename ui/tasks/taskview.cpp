#include "taskview.h"

#include "commentdelegate.h"
#include "commentlistview.h"
#include "composer.h"
#include "previewbar.h"
#include "taskheader.h"

#include "ui/common/recordingplayer.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/accountsettings.h"
#include "models/commentthreadmodel.h"
#include "protocol/jsonid.h"

#include <QLabel>
#include <QSplitter>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace linecard::ui {

// An open thread counts as read once it has been on screen this long (not on a glance).
static constexpr int markReadDelayMs = 700;

TaskView::TaskView(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_markTimer(new QTimer(this))
    , m_header(new TaskHeader(session, this))
    , m_thread(new CommentThreadModel(session->people(), this))
    , m_threadView(new CommentListView(this))
    , m_threadStatus(new QLabel(this))
    , m_recording(new RecordingPlayer(this))
    , m_composer(new Composer(session, this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_thread->setPageSize(100);
    m_thread->setDataSource(session->rest());
    m_markTimer->setSingleShot(true);
    m_markTimer->setInterval(markReadDelayMs);
    connect(m_markTimer, &QTimer::timeout, this, &TaskView::markRead);
    m_threadView->setModel(m_thread);
    m_threadView->commentDelegate()->setMarksExternal(!session->me().isContact());
    m_composer->setThread(m_thread);
    m_threadStatus->setObjectName(QStringLiteral("threadStatus"));
    m_threadStatus->setContentsMargins(10, 2, 10, 2);
    m_threadStatus->setTextInteractionFlags(Qt::LinksAccessibleByMouse);

    auto *threadBox = new QWidget(m_splitter);
    auto *threadLayout = new QVBoxLayout(threadBox);
    threadLayout->setContentsMargins(0, 0, 0, 0);
    threadLayout->setSpacing(0);
    threadLayout->addWidget(m_threadView, 1);
    threadLayout->addWidget(m_threadStatus);
    threadLayout->addWidget(m_recording);
    m_recording->setContentsMargins(8, 4, 8, 4);
    m_recording->hide();
    connect(m_threadView, &CommentListView::recordingActivated, this, [this](const QUrl &url) {
        m_recording->setRecording(url);
        m_recording->show();
        m_recording->play();
    });
    m_splitter->addWidget(threadBox);
    m_splitter->addWidget(m_composer);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(false);
    // The thread gets the room; the reply box starts at its minimum and can be dragged taller.
    m_splitter->setSizes({1000, 1});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    if (session->me().isEmployee()) {
        m_preview = new PreviewBar(session->people(), this);
        layout->addWidget(m_preview);
        connect(m_preview, &PreviewBar::previewRequested, this, &TaskView::previewAs);
        connect(m_preview, &PreviewBar::exitRequested, this, &TaskView::exitPreview);
    }
    layout->addWidget(m_splitter, 1);
    // Before a task is chosen: a word on what goes here, not an empty thread and a reply box
    // that would answer nothing.
    m_placeholder
        = new QLabel(tr("Choose a task in the list to read and answer its thread."), this);
    m_placeholder->setObjectName(QStringLiteral("taskViewPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false); // the palette's quiet text colour
    layout->addWidget(m_placeholder, 1);

    connect(m_header, &TaskHeader::openContact, this, &TaskView::openContact);
    connect(m_header, &TaskHeader::statusChosen, this, &TaskView::changeStatus);
    connect(m_composer, &Composer::sent, this, [this](const QJsonObject &comment) {
        // Shown at once; the live event for it is the same id and changes nothing.
        if (protocol::idOf(comment, QStringLiteral("taskId")) == m_taskId)
            m_thread->applyComment(comment);
        m_threadView->followBottom();
    });
    connect(session->router(), &client::EventRouter::lineDeleted, m_thread,
        &CommentThreadModel::markLineDeleted);
    connect(m_thread, &CommentThreadModel::pageLoaded, this, [this] {
        // A thread that fits in one page opens at its newest comment; a long one at its
        // start, fetching further pages only as the operator scrolls.
        if (m_scrollWhenLoaded && m_thread->isAtEnd())
            m_threadView->followBottom();
        m_scrollWhenLoaded = false;
        if (m_markWhenLoaded) {
            m_markWhenLoaded = false;
            markRead();
        }
    });
    connect(m_thread, &CommentThreadModel::loadingChanged, this, &TaskView::updateThreadStatus);
    connect(m_thread, &CommentThreadModel::errorChanged, this, &TaskView::updateThreadStatus);
    connect(m_thread, &CommentThreadModel::atEndChanged, this, &TaskView::updateThreadStatus);
    connect(m_thread, &CommentThreadModel::rowsInserted, this, &TaskView::updateThreadStatus);
    connect(m_threadStatus, &QLabel::linkActivated, this, [this] { m_thread->fetchMore(); });

    if (session->me().isEmployee())
        loadSettings();
    updateThreadStatus();
    showPlaceholder(true);
    client::EventRouter *router = session->router();
    connect(router, &client::EventRouter::commentCreated, this, &TaskView::onCommentCreated);
    connect(router, &client::EventRouter::taskUpdated, this, &TaskView::onTaskUpdated);
    connect(router, &client::EventRouter::settingsUpdated, this, &TaskView::onSettingsUpdated);
}

void TaskView::showPlaceholder(bool on)
{
    m_placeholder->setVisible(on);
    m_header->setVisible(!on);
    m_splitter->setVisible(!on);
    if (m_preview)
        m_preview->setVisible(!on);
}

void TaskView::showTask(qint64 taskId)
{
    if (taskId == m_taskId)
        return;
    m_taskId = taskId;
    m_task = {};
    m_freshness.clear();
    m_recording->setRecording(QUrl()); // a recording belongs to the thread it was chosen in
    m_recording->hide();
    showPlaceholder(taskId == 0);
    m_previewAs = 0; // a preview is of one task
    if (m_preview)
        m_preview->setPreviewing(0);
    m_composer->show();
    m_header->setTask({});
    m_header->setError({});
    m_composer->setTaskId(taskId); // the draft is back before the task has loaded
    reload();
}

void TaskView::reload()
{
    if (!m_taskId)
        return;
    loadThread();
    loadTask();
    if (m_session->me().isEmployee())
        loadSettings();
}

void TaskView::loadThread()
{
    m_scrollWhenLoaded = true;
    m_markWhenLoaded = !m_previewAs; // what a contact would see is not what the operator read
    QUrlQuery query;
    if (m_previewAs)
        query.addQueryItem(QStringLiteral("as"), QString::number(m_previewAs));
    m_thread->setQuery(QStringLiteral("/api/v1/tasks/%1/comments").arg(m_taskId), query);
    m_thread->fetchMore();
}

void TaskView::previewAs(qint64 contactId)
{
    if (!m_preview || !m_taskId || contactId == m_previewAs)
        return;
    m_previewAs = contactId;
    m_preview->setPreviewing(contactId);
    m_composer->hide(); // a reply written "as" the preview would confuse who said what
    loadThread();
}

void TaskView::exitPreview()
{
    if (!m_previewAs)
        return;
    m_previewAs = 0;
    m_preview->setPreviewing(0);
    m_composer->show();
    loadThread();
}

void TaskView::loadTask()
{
    delete m_taskRequest; // an answer about the task shown before is of no use
    m_taskRequest = new QObject(this);
    const qint64 id = m_taskId;
    m_session->rest()->request(
        "GET", QStringLiteral("/api/v1/tasks/%1").arg(id), {}, m_taskRequest,
        [this, id](const QJsonObject &task, qint64 eventSeq) {
            if (m_freshness.admitAnswer(id, eventSeq))
                setTask(task);
        },
        [this](const client::ApiFailure &failure) {
            m_header->setError(failure.status == 404
                    ? tr("This task does not exist or is not shared with you.")
                    : tr("The task could not be loaded: %1").arg(failure.describe()));
        });
}

// The thread is read up to its newest comment: the task list's unread count goes to zero
// here and in the user's other clients (task.read).
void TaskView::markRead()
{
    m_markTimer->stop();
    if (!m_taskId || m_previewAs)
        return;
    m_session->rest()->post(QStringLiteral("/api/v1/tasks/%1/read").arg(m_taskId), {}, this,
        [this](const QJsonObject &state) { emit readStateChanged(state); });
}

void TaskView::loadSettings()
{
    m_session->rest()->get(
        QStringLiteral("/api/v1/settings"), this, [this](const QJsonObject &json) {
            if (const auto settings = AccountSettings::fromJson(json))
                m_composer->setAccountSettings(*settings);
        });
}

void TaskView::setTask(const QJsonObject &task)
{
    const QString before = m_task.value(QStringLiteral("title")).toString();
    m_task = task;
    m_header->setError({});
    m_header->setTask(task);
    m_composer->setTask(task);
    if (m_preview)
        m_preview->setTask(task);
    const QString title = task.value(QStringLiteral("title")).toString();
    if (title != before)
        emit titleChanged(title);
}

void TaskView::changeStatus(const QString &status)
{
    const qint64 id = m_taskId;
    m_session->rest()->request(
        "PATCH", QStringLiteral("/api/v1/tasks/%1").arg(id), {{QStringLiteral("status"), status}},
        this,
        [this, id](const QJsonObject &task, qint64 eventSeq) {
            if (id == m_taskId && m_freshness.admitAnswer(id, eventSeq))
                setTask(task);
        },
        [this, id](const client::ApiFailure &failure) {
            if (id != m_taskId)
                return;
            m_header->setTask(m_task); // back to what the server has
            m_header->setError(tr("The status was not changed: %1").arg(failure.describe()));
        });
}

void TaskView::onCommentCreated(const QJsonObject &data)
{
    if (!m_taskId || protocol::idOf(data, QStringLiteral("taskId")) != m_taskId)
        return;
    if (m_previewAs)
        loadThread(); // only the server knows whether the contact sees it
    else
        m_thread->applyComment(data);
    if (!m_previewAs && isVisible()
        && protocol::idOf(data, QStringLiteral("authorId")) != m_session->me().id)
        m_markTimer->start();
}

void TaskView::onTaskUpdated(const QJsonObject &data)
{
    if (!m_taskId || protocol::idOf(data, QStringLiteral("id")) != m_taskId)
        return;
    m_freshness.eventApplied(m_taskId, m_session->events()->lastSeq()); // the one being routed
    if (m_session->me().isContact())
        loadTask(); // it may have been taken away from this contact
    else
        setTask(data);
}

void TaskView::onSettingsUpdated(const QJsonObject &data)
{
    if (const auto settings = AccountSettings::fromJson(data))
        m_composer->setAccountSettings(*settings);
    // Who sees which comment changed, for old comments too: draw the thread anew.
    if (m_taskId)
        loadThread();
}

void TaskView::updateThreadStatus()
{
    QString text;
    if (!m_thread->error().isEmpty())
        text = tr("Comments could not be loaded: %1 <a href=\"retry\">Retry</a>")
                   .arg(m_thread->error().toHtmlEscaped());
    else if (m_thread->isLoading())
        text = tr("Loading comments…");
    else if (!m_thread->isAtEnd())
        text = tr("Scroll down for newer comments.");
    else if (m_taskId && m_thread->rowCount() == 0)
        text = tr("No comments yet.");
    m_threadStatus->setText(text);
    m_threadStatus->setVisible(!text.isEmpty());
}

} // namespace linecard::ui
