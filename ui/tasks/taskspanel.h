#pragma once

#include "taskfilter.h"

#include "app/recordfreshness.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QModelIndex;
class QPushButton;
class QTimer;
class QTableView;

namespace linecard {
class TaskListModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class ContactField;

// The task list: a filter (my active, all active, done, by contact, by assignee), the main
// window's text search, and the tasks fetched page by page as the operator scrolls, kept
// current by live events. A contact gets its own tasks with no filters to get lost in.
class TasksPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TasksPanel(client::Session *session, QWidget *parent = nullptr);

    void setSearchText(const QString &text); // the main window's search box
    void showContactTasks(qint64 contactId); // filter "by contact"
    // task.created/updated/read, comment.created
    void reload(); // after a resync
    void markAllRead();
    QAction *markAllReadAction() const { return m_markAllRead; }

    TaskFilter filter() const { return m_filter; }
    TaskListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void openTask(qint64 taskId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Live events (Session::router()).
    void onTaskUpdated(const QJsonObject &task);
    void onTaskRead(const QJsonObject &read);
    void buildFilterBar(QWidget *bar);
    void fillAssignees();
    void onKindChosen();
    void applyFilter();
    void updateStatusLine();
    void showColumnMenu(const QPoint &pos);
    void showRowMenu(const QPoint &pos);
    void markRead(qint64 taskId);
    // An event about the task is being routed: answers older than it are not applied.
    void noteEvent(qint64 taskId);
    void fitColumns();
    void bumpForComment(const QJsonObject &comment);
    void refetchTask(qint64 taskId);
    void newTask();

    client::Session *m_session;
    TaskListModel *m_model;
    client::RecordFreshness m_freshness; // of the listed tasks, against answers
    TaskFilter m_filter;
    QComboBox *m_kind = nullptr;
    QComboBox *m_assignee = nullptr;
    ContactField *m_contact = nullptr;
    QPushButton *m_new = nullptr;
    QTableView *m_view;
    QLabel *m_statusLine;
    QTimer *m_searchTimer;
    QAction *m_markAllRead = nullptr;
    QString m_pendingText;
    bool m_fitsColumns = false; // an employee's list: columns give way when narrow
    QHash<int, int> m_columnWidths; // each column's width when shown
    QHash<int, bool> m_chosenColumns; // shown/hidden by the operator from the header menu
};

} // namespace linecard::ui
