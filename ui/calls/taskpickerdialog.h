#pragma once

#include <QDialog>
#include <QJsonArray>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// Finds any task the operator may see (GET /tasks?q=) to attach a call to; before anything
// is typed it offers the caller's active tasks. Non-modal: it never holds up a call window.
class TaskPickerDialog : public QDialog
{
    Q_OBJECT
public:
    // suggested: tasks to offer first (Task JSON), e.g. the caller's active ones; callerId:
    // the caller's contact, whose tasks come first in search results too (0: none known).
    TaskPickerDialog(client::Session *session, const QJsonArray &suggested, qint64 callerId = 0,
        QWidget *parent = nullptr);

    QLineEdit *searchBox() const { return m_search; }
    QListWidget *results() const { return m_results; }
    QString status() const;

public slots:
    void search(const QString &text);
    void accept() override;

signals:
    void taskChosen(qint64 taskId, const QString &title);

private:
    void showTasks(const QJsonArray &tasks, const QString &emptyText);
    // Two lines: the title and id, then counterparty · status · last activity, so that
    // tasks with the same title are told apart.
    QString describe(const QJsonObject &task) const;
    void relabel();

    client::Session *m_session;
    QJsonArray m_suggested;
    qint64 m_callerId;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_status;
    QPushButton *m_choose;
    QTimer *m_delay;
    QObject *m_request = nullptr;
};

} // namespace linecard::ui
