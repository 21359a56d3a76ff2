#include "peoplepage.h"

#include "persondialog.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
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
constexpr int PersonRole = Qt::UserRole + 1; // the Person as JSON
} // namespace

PeoplePage::PeoplePage(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_search(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Add employee…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_active(new QPushButton(tr("&Deactivate"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("peoplePage"));
    m_search->setPlaceholderText(tr("Search by name, login or extension"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search employees"));
    m_list->setObjectName(QStringLiteral("peopleList"));
    m_list->setAccessibleName(tr("Employees"));
    m_list->setRootIsDecorated(false);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_list->setHeaderLabels({tr("Name"), tr("Login"), tr("Role"), tr("Extensions"), tr("Status")});
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_add->setAccessibleName(tr("Add employee"));
    m_edit->setAccessibleName(tr("Edit employee"));
    m_active->setAccessibleName(tr("Deactivate or reactivate"));
    m_active->setToolTip(tr("A deactivated employee is signed out at once, leaves the pickers "
                            "and their extensions stop ringing; their tasks and comments stay."));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_active);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, &PeoplePage::applyFilter);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &PeoplePage::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &PeoplePage::editSelected);
    connect(m_add, &QPushButton::clicked, this, &PeoplePage::addPerson);
    connect(m_edit, &QPushButton::clicked, this, &PeoplePage::editSelected);
    connect(m_active, &QPushButton::clicked, this, &PeoplePage::toggleSelectedActive);
    connect(
        session->router(), &client::EventRouter::personChanged, this, &PeoplePage::onPersonChanged);
    connect(session->events(), &client::EventStream::resyncNeeded, this, &PeoplePage::reload);
    updateButtons();
    reload();
}

void PeoplePage::reload()
{
    m_session->rest()->get(
        QStringLiteral("/api/v1/people?kind=employee&includeInactive=true"), this,
        [this](const QJsonObject &json) {
            m_list->clear();
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                if (const auto person = Person::fromJson(v.toObject()))
                    show(*person);
            m_error->hide();
            m_loaded = true;
            applyFilter();
            emit loaded();
        },
        [this](const client::ApiFailure &failure) {
            m_error->setText(tr("The employees could not be loaded: %1").arg(failure.describe()));
            m_error->show();
        });
}

QTreeWidgetItem *PeoplePage::itemFor(qint64 personId) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toLongLong() == personId)
            return m_list->topLevelItem(i);
    return nullptr;
}

void PeoplePage::select(qint64 personId)
{
    if (QTreeWidgetItem *item = itemFor(personId))
        m_list->setCurrentItem(item);
}

void PeoplePage::show(const Person &p)
{
    QTreeWidgetItem *item = itemFor(p.id);
    if (!item)
        item = new QTreeWidgetItem(m_list);
    item->setData(NameColumn, Qt::UserRole, p.id);
    item->setData(NameColumn, PersonRole, p.toJson());
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
    for (int c = 0; c < m_list->columnCount(); ++c)
        item->setForeground(c, p.active ? palette().text() : palette().placeholderText());
    applyFilter();
    updateButtons();
    emit changed(p);
}

void PeoplePage::onPersonChanged(const QJsonObject &data)
{
    if (const auto person = Person::fromJson(data); person && person->isEmployee())
        show(*person);
}

void PeoplePage::applyFilter()
{
    const QString needle = m_search->text().trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        bool match = needle.isEmpty();
        for (int c : {NameColumn, LoginColumn, ExtensionsColumn})
            match = match || item->text(c).contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

std::optional<Person> PeoplePage::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return std::nullopt;
    return Person::fromJson(item->data(NameColumn, PersonRole).toJsonObject());
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
    m_error->hide();
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
            m_error->setText(failure.describe());
            m_error->show();
        });
}

QString PeoplePage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace linecard::ui
