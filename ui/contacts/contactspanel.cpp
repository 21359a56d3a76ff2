#include "contactspanel.h"

#include "contactdialog.h"
#include "contactitemdelegate.h"

#include "app/eventrouter.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/contactlistmodel.h"
#include "models/peopledirectory.h"
#include "protocol/jsonid.h"
#include "ui/common/timings.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace linecard::ui {

ContactsPanel::ContactsPanel(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ContactListModel(this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 4, 6, 0);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    header->addWidget(m_status, 1);
    auto *add = new QToolButton(this);
    add->setObjectName(QStringLiteral("newContactButton"));
    add->setText(tr("New contact…"));
    add->setIcon(QIcon::fromTheme(QStringLiteral("contact-new")));
    add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    add->setAutoRaise(true);
    connect(add, &QToolButton::clicked, this, &ContactsPanel::newContact);
    header->addWidget(add);
    layout->addLayout(header);

    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Contact list"));
    m_list->setItemDelegate(new ContactItemDelegate(session->people(), m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_list, 1);
    // Choosing a row shows its card, as in a mail client; activated (Enter, a double-click)
    // still opens it too, e.g. after going elsewhere with the row selected.
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(PagedListModel::IdRole).toLongLong())
            emit openContact(id);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection &selected) {
            if (!selected.isEmpty())
                if (const qint64 id
                    = selected.indexes().first().data(PagedListModel::IdRole).toLongLong())
                    emit openContact(id);
        });

    connect(m_model, &PagedListModel::loadingChanged, this, &ContactsPanel::updateStatus);
    connect(m_model, &PagedListModel::errorChanged, this, &ContactsPanel::updateStatus);
    connect(m_model, &PagedListModel::pageLoaded, this, &ContactsPanel::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContactsPanel::updateStatus);

    // One search per pause in typing; replies to an older search are dropped by the model.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(searchDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ContactsPanel::runSearch);

    m_model->setDataSource(session->rest());
    runSearch(); // everyone, in name order, until the operator types
    client::EventRouter *router = session->router();
    connect(router, &client::EventRouter::contactUpdated, this, &ContactsPanel::onContactUpdated);
    connect(router, &client::EventRouter::contactMerged, this, &ContactsPanel::onContactMerged);
}

void ContactsPanel::setSearchText(const QString &text)
{
    m_pendingText = text;
    if (text.trimmed() == m_searchedText.trimmed()) {
        m_debounce->stop(); // typed and erased again: what is shown is right
        return;
    }
    m_debounce->start();
    updateStatus();
}

void ContactsPanel::reload()
{
    m_debounce->stop();
    runSearch();
}

void ContactsPanel::runSearch()
{
    m_searchedText = m_pendingText;
    m_model->search(m_searchedText);
    m_model->fetchMore(); // the view asks for further pages as it is scrolled
    updateStatus();
}

void ContactsPanel::onContactUpdated(const QJsonObject &data)
{
    // Only rows already shown change; a new contact appears with the next search.
    if (m_model->rowOfId(protocol::idOf(data, QStringLiteral("id"))) >= 0)
        m_model->upsert(data);
}

void ContactsPanel::onContactMerged(const QJsonObject &data)
{
    for (const QJsonValue &id : data.value(QStringLiteral("mergedIds")).toArray())
        m_model->removeId(protocol::idOf(id));
    const QJsonObject survivor = data.value(QStringLiteral("contact")).toObject();
    if (m_model->rowOfId(protocol::idOf(survivor, QStringLiteral("id"))) >= 0)
        m_model->upsert(survivor);
}

void ContactsPanel::newContact()
{
    auto *dialog = new ContactDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->prefill(m_searchedText.trimmed()); // what was searched for is often what is missing
    connect(dialog, &ContactDialog::saved, this, [this](const QJsonObject &contact) {
        m_session->people()->insertJson(contact);
        reload();
        emit openContact(protocol::idOf(contact, QStringLiteral("id")));
    });
    dialog->open();
}

void ContactsPanel::updateStatus()
{
    const int rows = m_model->rowCount();
    QString status;
    if (!m_model->error().isEmpty())
        status = tr("Could not search: %1").arg(m_model->error());
    else if (m_debounce->isActive() || (m_model->isLoading() && rows == 0))
        status = tr("Searching…");
    else if (rows == 0)
        status = m_searchedText.trimmed().isEmpty()
            ? tr("No contacts yet.")
            : tr("No contact matches “%1”.").arg(m_searchedText.trimmed());
    else if (m_model->isAtEnd())
        status = rows == 1 ? tr("1 contact") : tr("%n contacts", nullptr, rows);
    else
        status = tr("%n contacts shown, more below", nullptr, rows);
    m_status->setText(status);
}

} // namespace linecard::ui
