#pragma once

#include <QJsonObject>
#include <QUrl>
#include <QWidget>

class QLabel;
class QListView;

namespace linecard {
class ActivityModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class ActivityDelegate;
class RecordingPlayer;

// A contact's activity feed: the comments of its card and of every task where it is the
// counterparty, newest first, each tagged with its task; clicking a tag (or double-clicking
// a comment) opens the task; clicking a call's record that has a recording offers it in the
// player under the feed. Older comments load as the operator scrolls.
class ActivityFeedView : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityFeedView(client::Session *session, QWidget *parent = nullptr);

    void setContact(qint64 contactId); // 0 shows nothing
    void reload();
    // Live: a comment that belongs to this feed, with its "task" tag filled in.
    void applyComment(const QJsonObject &comment);

    ActivityModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    ActivityDelegate *delegate() const { return m_delegate; }
    // Under the feed: the recording of the call record last clicked (hidden until then).
    RecordingPlayer *recordingPlayer() const { return m_recording; }

signals:
    void openTask(qint64 taskId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    qint64 tagAt(const QPoint &pos) const;
    QUrl recordingAt(const QPoint &pos) const;
    void updateStatus();

    ActivityModel *m_model;
    QListView *m_view;
    ActivityDelegate *m_delegate;
    QLabel *m_status;
    RecordingPlayer *m_recording;
    qint64 m_contactId = 0;
};

} // namespace linecard::ui
