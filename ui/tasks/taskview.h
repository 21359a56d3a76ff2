#pragma once

#include "app/recordfreshness.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QSplitter;
class QTimer;

namespace linecard {
class CommentThreadModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class CommentListView;
class Composer;
class PreviewBar;
class RecordingPlayer;
class TaskHeader;

// One task: its header (title, status, counterparty, roles, description), the comment
// thread with its markers, fetched as the operator scrolls, and the reply box.
class TaskView : public QWidget
{
    Q_OBJECT
public:
    explicit TaskView(client::Session *session, QWidget *parent = nullptr);

    void showTask(qint64 taskId);
    qint64 taskId() const { return m_taskId; }
    void reload();
    // Shows the thread exactly as that contact sees it (the server's "as="), under a
    // banner and without the reply box; exitPreview() goes back. Employees only.
    void previewAs(qint64 contactId);
    void exitPreview();
    qint64 previewContact() const { return m_previewAs; }
    PreviewBar *previewBar() const { return m_preview; }

    QJsonObject task() const { return m_task; }
    TaskHeader *header() const { return m_header; }
    CommentThreadModel *thread() const { return m_thread; }
    CommentListView *threadView() const { return m_threadView; }
    Composer *composer() const { return m_composer; }
    // Under the thread: the call recording the operator chose in it (hidden until then).
    RecordingPlayer *recordingPlayer() const { return m_recording; }

signals:
    void openContact(qint64 contactId);
    void titleChanged(const QString &title);
    // The user's read state of the task shown changed ({id, unread, lastReadCommentId}).
    void readStateChanged(const QJsonObject &state);

private:
    // Live events (Session::router()).
    void onCommentCreated(const QJsonObject &comment);
    void onTaskUpdated(const QJsonObject &task);
    void onSettingsUpdated(const QJsonObject &settings);
    void loadTask();
    void loadThread();
    void loadSettings();
    void setTask(const QJsonObject &task);
    void changeStatus(const QString &status);
    void updateThreadStatus();
    void markRead();
    void showPlaceholder(bool on);

    client::Session *m_session;
    qint64 m_taskId = 0;
    qint64 m_previewAs = 0;
    QJsonObject m_task;
    bool m_scrollWhenLoaded = false;
    bool m_markWhenLoaded = false; // the thread is being opened: read once it is shown
    QTimer *m_markTimer; // news in the open thread is read after a moment in view
    TaskHeader *m_header;
    CommentThreadModel *m_thread;
    CommentListView *m_threadView;
    QLabel *m_threadStatus;
    RecordingPlayer *m_recording;
    Composer *m_composer;
    PreviewBar *m_preview = nullptr;
    QSplitter *m_splitter;
    QLabel *m_placeholder = nullptr;
    QObject *m_taskRequest = nullptr; // the GET in flight for the task shown
    client::RecordFreshness m_freshness; // of the task shown
};

} // namespace linecard::ui
