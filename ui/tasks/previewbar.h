#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QToolButton;

namespace linecard {
class PeopleDirectory;
}

namespace linecard::ui {

// "Preview as contact" above a task's thread: a small button offering the task's contacts
// and, while previewing, an unmistakable banner saying whose eyes the thread is seen
// through, with the way out. TaskView does the loading (the server computes the view).
class PreviewBar : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewBar(PeopleDirectory *people, QWidget *parent = nullptr);

    // The task whose contacts are offered (counterparty, then contact assignees/participants).
    void setTask(const QJsonObject &task);
    void setPreviewing(qint64 contactId);
    qint64 previewing() const { return m_contactId; }
    // The contacts of the task, for the menu.
    QList<qint64> candidates() const;

    QToolButton *chooseButton() const { return m_choose; }
    QLabel *banner() const { return m_banner; }
    QPushButton *exitButton() const { return m_exit; }

signals:
    void previewRequested(qint64 contactId);
    void exitRequested();

private:
    void fillMenu();
    void updateBanner();

    PeopleDirectory *m_people;
    QJsonObject m_task;
    qint64 m_contactId = 0;
    QWidget *m_idle;
    QToolButton *m_choose;
    QMenu *m_menu;
    QWidget *m_active;
    QLabel *m_banner;
    QPushButton *m_exit;
};

} // namespace linecard::ui
