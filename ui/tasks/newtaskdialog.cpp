#include "newtaskdialog.h"

#include "contactfield.h"
#include "peoplepicker.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "protocol/jsonid.h"
#include "ui/common/metrics.h"
#include "ui/common/windowtitle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

NewTaskDialog::NewTaskDialog(
    client::Session *session, qint64 contactId, ContactRole role, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_contactId(contactId)
    , m_role(role)
    , m_title(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_counterparty(new ContactField(session, this))
    , m_assignees(new PeoplePicker(tr("Assignees…"), this))
    , m_participants(new PeoplePicker(tr("Participants…"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New task"));
    fitWindowTitle(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_description->setObjectName(QStringLiteral("description"));
    m_counterparty->setObjectName(QStringLiteral("counterparty"));
    m_assignees->setObjectName(QStringLiteral("assignees"));
    m_participants->setObjectName(QStringLiteral("participants"));
    m_error->setObjectName(QStringLiteral("error"));
    m_title->setPlaceholderText(tr("What needs to be done"));
    m_description->setTabChangesFocus(true);
    m_assignees->setEmptyText(tr("nobody yet"));
    m_participants->setEmptyText(tr("nobody"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Counterparty:"), m_counterparty);
    form->addRow(tr("Assignees:"), m_assignees);
    form->addRow(tr("Participants:"), m_participants);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    // A task opened about a contact is usually about it, as its counterparty; or the
    // contact (a contractor) does the work, as an assignee.
    if (contactId && role == ContactRole::Counterparty)
        m_counterparty->setContact(contactId, session->people()->name(contactId));
    QList<qint64> assignees;
    if (contactId && role == ContactRole::Assignee)
        assignees << contactId;
    else if (session->me().isEmployee())
        assignees << session->me().id;
    m_assignees->setSelectedIds(assignees);
    fillPeople();

    connect(session->people(), &PeopleDirectory::employeesLoaded, this, &NewTaskDialog::fillPeople);
    connect(session->people(), &PeopleDirectory::personChanged, this, [this](qint64 id) {
        if (id == m_contactId) {
            fillPeople();
            if (m_role == ContactRole::Counterparty && m_counterparty->contactId() == id)
                m_counterparty->setContact(id, m_session->people()->name(id));
        }
    });
    connect(m_title, &QLineEdit::textChanged, this, &NewTaskDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewTaskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewTaskDialog::reject);
    updateButtons();
    resize(formDialogWidth, sizeHint().height());
}

void NewTaskDialog::fillPeople()
{
    QList<PeoplePicker::Entry> employees;
    for (const Person &p : m_session->people()->employees())
        employees.append({p.id, p.name, {}});
    QList<PeoplePicker::Entry> contacts;
    if (m_contactId)
        contacts.append({m_contactId, m_session->people()->name(m_contactId), {}});
    m_assignees->setPeople(
        employees, m_role == ContactRole::Assignee ? contacts : QList<PeoplePicker::Entry>());
    m_participants->setPeople(employees, contacts);
}

void NewTaskDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_sending && !m_title->text().trimmed().isEmpty());
}

void NewTaskDialog::openFor(client::Session *session, qint64 contactId, bool asCounterparty,
    QWidget *parent, std::function<void(qint64 taskId)> created)
{
    auto *dialog = new NewTaskDialog(session, contactId,
        asCounterparty ? ContactRole::Counterparty : ContactRole::Assignee, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog, [dialog, created = std::move(created)] {
        if (dialog->createdTaskId())
            created(dialog->createdTaskId());
    });
    dialog->open();
}

void NewTaskDialog::accept()
{
    if (m_sending || m_title->text().trimmed().isEmpty())
        return;
    QJsonObject body {
        {QStringLiteral("title"), m_title->text().trimmed()},
        {QStringLiteral("description"), m_description->toPlainText()},
        {QStringLiteral("assigneeIds"), protocol::idArray(m_assignees->selectedIds())},
        {QStringLiteral("participantIds"), protocol::idArray(m_participants->selectedIds())},
    };
    if (m_counterparty->contactId())
        body.insert(QStringLiteral("counterpartyId"), m_counterparty->contactId());
    m_sending = true;
    m_error->setVisible(false);
    updateButtons();
    m_session->rest()->post(
        QStringLiteral("/api/v1/tasks"), body, this,
        [this](const QJsonObject &task) {
            m_sending = false;
            m_createdId = protocol::idOf(task, QStringLiteral("id"));
            QDialog::accept();
        },
        [this](const client::ApiFailure &failure) {
            m_sending = false;
            m_error->setText(tr("The task was not created: %1").arg(failure.describe()));
            m_error->setVisible(true);
            updateButtons();
        });
}

} // namespace linecard::ui
