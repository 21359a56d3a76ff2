#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QToolButton;
class QTreeView;

namespace linecard {
class TaskListModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// The tasks a contact takes part in (as counterparty, assignee or participant): the
// active ones, or all with a toggle. A double-click opens a task.
class ContactTasksView : public QWidget
{
    Q_OBJECT
public:
    explicit ContactTasksView(client::Session *session, QWidget *parent = nullptr);

    void setContact(qint64 contactId); // 0 shows nothing
    void reload();
    bool showsAll() const;
    void setShowAll(bool all);
    // Live: a task.created / task.updated event.
    void applyTask(const QJsonObject &task);
    // The title of a loaded task whose counterparty is the contact (its comments belong to
    // the activity feed); empty when there is no such task here.
    QString counterpartyTaskTitle(qint64 taskId) const;

    TaskListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

signals:
    void openTask(qint64 taskId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateStatus();

    TaskListModel *m_model;
    QTreeView *m_view;
    QToolButton *m_active;
    QToolButton *m_all;
    QLabel *m_status;
    qint64 m_contactId = 0;
};

} // namespace linecard::ui
