#include "companyfield.h"

#include "contactitemdelegate.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/contactlistmodel.h"
#include "ui/common/timings.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace linecard::ui {

CompanyField::CompanyField(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_model(new ContactListModel(this))
    , m_companies(new QSortFilterProxyModel(this))
    , m_edit(new QLineEdit(this))
    , m_completer(new QCompleter(this))
    , m_debounce(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    m_edit->setPlaceholderText(tr("Type to find a company"));
    m_edit->setClearButtonEnabled(true);

    m_model->setDataSource(session->rest());
    m_model->setPageSize(20);
    // The search API finds people and companies alike; only companies can be chosen.
    m_companies->setSourceModel(m_model);
    m_companies->setFilterRole(ContactListModel::IsCompanyRole);
    m_companies->setFilterFixedString(QStringLiteral("true"));

    m_completer->setModel(m_companies);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion); // the server filtered
    m_completer->setCompletionRole(ContactListModel::NameRole);
    m_completer->popup()->setItemDelegate(
        new ContactItemDelegate(session->people(), m_completer->popup()));
    m_edit->setCompleter(m_completer);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        [this](const QModelIndex &index) {
            setCompany(index.data(PagedListModel::IdRole).toLongLong(),
                index.data(ContactListModel::NameRole).toString());
        });

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(searchDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &CompanyField::search);
    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_companyId && text != m_companyName) {
            m_companyId = 0; // edited away from the chosen company
            emit companyChanged(0);
        }
        m_debounce->start();
    });
    connect(m_model, &PagedListModel::pageLoaded, this, [this] {
        // Few companies among the people found: look further before showing nothing.
        if (m_companies->rowCount() < 5 && m_model->canFetchMore() && m_extraPages < 3) {
            ++m_extraPages;
            m_model->fetchMore();
        }
        if (m_edit->hasFocus() && m_companies->rowCount() > 0)
            m_completer->complete();
    });
}

void CompanyField::search()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty() || text == m_companyName)
        return;
    m_extraPages = 0;
    m_model->search(text);
    m_model->fetchMore();
}

void CompanyField::setCompany(qint64 id, const QString &name)
{
    m_debounce->stop();
    m_companyName = id ? name : QString();
    m_edit->setText(m_companyName);
    if (m_companyId != id) {
        m_companyId = id;
        emit companyChanged(id);
    }
}

bool CompanyField::isUnresolved() const
{
    return !m_companyId && !m_edit->text().trimmed().isEmpty();
}

} // namespace linecard::ui
