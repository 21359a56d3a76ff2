#include "peoplepage.h"

#include "persondialog.h"

#include "app/eventrouter.h"
#include "app/restclient.h"
#include "app/session.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linecard::ui {

namespace {
enum Column
{
    NameColumn,
    LoginColumn,
    RoleColumn,
    ExtensionsColumn,
    StatusColumn
};
} // namespace

PeoplePage::PeoplePage(client::Session *session, QWidget *parent)
    : RecordListPage(session, QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"),
        tr("The employees could not be loaded: %1"), parent)
    , m_search(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add employee…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_active(new QPushButton(tr("&Deactivate"), this))
{
    setObjectName(QStringLiteral("peoplePage"));
    m_search->setPlaceholderText(tr("Search by name, login or extension"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search employees"));
    list()->setObjectName(QStringLiteral("peopleList"));
    list()->setAccessibleName(tr("Employees"));
    list()->setSortingEnabled(true);
    list()->sortByColumn(NameColumn, Qt::AscendingOrder);
    list()->setHeaderLabels({tr("Name"), tr("Login"), tr("Role"), tr("Extensions"), tr("Status")});
    fitColumns(NameColumn);
    m_add->setAccessibleName(tr("Add employee"));
    m_edit->setAccessibleName(tr("Edit employee"));
    m_active->setAccessibleName(tr("Deactivate or reactivate"));
    m_active->setToolTip(tr("A deactivated employee is signed out at once, leaves the pickers "
                            "and their extensions stop ringing; their tasks and comments stay."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(list(), 1);
    layout->addWidget(messageLine());
    layout->addLayout(buttonRow({m_add, m_edit, m_active}));

    connect(m_search, &QLineEdit::textChanged, this, &PeoplePage::applyFilter);
    connect(m_add, &QPushButton::clicked, this, &PeoplePage::addPerson);
    connect(m_edit, &QPushButton::clicked, this, &PeoplePage::editSelected);
    connect(m_active, &QPushButton::clicked, this, &PeoplePage::toggleSelectedActive);
    connect(session->router(), &client::EventRouter::personChanged, this, &PeoplePage::showRecord);
    updateButtons();
    reload();
}

void PeoplePage::showRecord(const QJsonObject &record)
{
    if (const auto person = Person::fromJson(record); person && person->isEmployee())
        show(*person);
}

void PeoplePage::show(const Person &p)
{
    QTreeWidgetItem *item = rowFor(p.id, p.toJson());
    item->setText(NameColumn, p.name);
    item->setText(LoginColumn, p.login);
    item->setText(RoleColumn, p.isAdmin ? tr("Administrator") : tr("Operator"));
    // A deactivated employee's extensions ring nobody (the server routes calls to them as
    // to an extension nobody has): the list says so rather than look as if they rang.
    const QString extensions = p.extensions.join(QStringLiteral(", "));
    const bool silent = !p.active && !p.extensions.isEmpty();
    item->setText(ExtensionsColumn, silent ? tr("%1 (not ringing)").arg(extensions) : extensions);
    item->setToolTip(ExtensionsColumn,
        silent ? tr("Deactivated: calls to these extensions go where calls to an extension "
                    "nobody has go, until the employee is reactivated.")
               : QString());
    item->setText(StatusColumn, p.active ? tr("Active") : tr("Deactivated"));
    for (int c = 0; c < list()->columnCount(); ++c)
        item->setForeground(c, p.active ? palette().text() : palette().placeholderText());
    applyFilter();
    updateButtons();
    emit changed(p);
}

void PeoplePage::applyFilter()
{
    const QString needle = m_search->text().trimmed();
    for (int i = 0; i < list()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list()->topLevelItem(i);
        bool match = needle.isEmpty();
        for (int c : {NameColumn, LoginColumn, ExtensionsColumn})
            match = match || item->text(c).contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

std::optional<Person> PeoplePage::selected() const
{
    return Person::fromJson(selectedRecord());
}

void PeoplePage::updateButtons()
{
    const auto person = selected();
    m_edit->setEnabled(person.has_value());
    m_active->setEnabled(person && person->id != m_session->me().id);
    m_active->setText(person && !person->active ? tr("&Reactivate") : tr("&Deactivate"));
}

void PeoplePage::addPerson()
{
    Person draft;
    draft.kind = Person::Kind::Employee;
    auto *dialog = new PersonDialog(m_session, draft, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonDialog::saved, this, [this](const Person &p) {
        show(p);
        select(p.id);
    });
    dialog->open();
}

void PeoplePage::editSelected()
{
    const auto person = selected();
    if (!person)
        return;
    auto *dialog = new PersonDialog(m_session, *person, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonDialog::saved, this, &PeoplePage::show);
    dialog->open();
}

void PeoplePage::toggleSelectedActive()
{
    const auto person = selected();
    if (!person)
        return;
    clearMessage();
    m_active->setEnabled(false);
    m_session->rest()->patch(
        QStringLiteral("/api/v1/people/%1").arg(person->id),
        {{QStringLiteral("active"), !person->active}}, this,
        [this](const QJsonObject &json) {
            if (const auto p = Person::fromJson(json))
                show(*p);
        },
        [this](const client::ApiFailure &failure) {
            updateButtons();
            showMessage(failure.describe(), true);
        });
}

} // namespace linecard::ui
