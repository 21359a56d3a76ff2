#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QAction;
class QLabel;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class TaskView;

// The side panel of a call window: a task opened from the card, with back/forward between
// the tasks opened during the call and "attach the call here".
class CallTaskPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CallTaskPanel(client::Session *session, QWidget *parent = nullptr);

    void openTask(qint64 taskId);
    qint64 taskId() const;
    TaskView *taskView() const { return m_view; }
    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    QAction *attachAction() const { return m_attach; }
    // Marks the task the call is attached to (the button then says so).
    void setAttachedTaskId(qint64 taskId);

signals:
    void attachHere(qint64 taskId, const QString &title);
    void commentSent(const QJsonObject &comment);
    void openContact(qint64 contactId);
    void closeRequested();

private:
    void showAt(int index);
    void updateActions();

    TaskView *m_view;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_attach;
    QList<qint64> m_visited;
    int m_index = -1;
    qint64 m_attachedTaskId = 0;
};

} // namespace linecard::ui
