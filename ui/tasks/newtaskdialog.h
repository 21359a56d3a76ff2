#pragma once

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class ContactField;
class PeoplePicker;

// Creates a task; from a contact card (or a call) with that contact already in place as
// the counterparty or as an assignee (PlanFix asks which after a call).
class NewTaskDialog : public QDialog
{
    Q_OBJECT
public:
    enum class ContactRole
    {
        Counterparty,
        Assignee
    };

    // contactId 0 = none
    NewTaskDialog(
        client::Session *session, qint64 contactId, ContactRole role, QWidget *parent = nullptr);

    qint64 createdTaskId() const { return m_createdId; } // after accept()

    // Opens one window-modal over `parent` (never exec(): call windows go on ringing and
    // taking clicks meanwhile); `created` gets the new task's id. The dialog deletes itself.
    static void openFor(client::Session *session, qint64 contactId, bool asCounterparty,
        QWidget *parent, std::function<void(qint64 taskId)> created);

public slots:
    void accept() override;

private:
    void fillPeople();
    void updateButtons();

    client::Session *m_session;
    qint64 m_contactId;
    ContactRole m_role;
    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    ContactField *m_counterparty;
    PeoplePicker *m_assignees;
    PeoplePicker *m_participants;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    qint64 m_createdId = 0;
    bool m_sending = false;
};

} // namespace linecard::ui
