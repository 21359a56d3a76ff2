#include "contactfield.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/contactlistmodel.h"
#include "ui/common/timings.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTimer>

namespace linecard::ui {

ContactField::ContactField(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_results(new ContactListModel(this))
    , m_completer(new QCompleter(this))
    , m_searchTimer(new QTimer(this))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit);
    m_edit->setClearButtonEnabled(true);
    m_edit->setPlaceholderText(tr("Name, company, phone or email"));

    m_results->setPageSize(20);
    m_results->setDataSource(session->rest());
    // The server does the matching; the completer only shows what it found.
    m_completer->setModel(m_results);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(ContactListModel::NameRole);
    m_completer->setWidget(m_edit);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        &ContactField::choose);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDebounceMs);
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_results->search(m_edit->text());
        m_results->fetchMore();
    });
    connect(m_results, &ContactListModel::pageLoaded, this, [this] {
        if (m_edit->hasFocus() && m_results->rowCount() > 0)
            m_completer->complete();
    });
    connect(m_edit, &QLineEdit::textEdited, this, &ContactField::onEdited);
}

void ContactField::setContact(qint64 id, const QString &name)
{
    m_searchTimer->stop();
    m_edit->setText(name);
    if (m_contactId != id) {
        m_contactId = id;
        emit contactChanged(id);
    }
}

void ContactField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void ContactField::onEdited(const QString &text)
{
    if (m_contactId) {
        m_contactId = 0;
        emit contactChanged(0);
    }
    if (text.trimmed().isEmpty()) {
        m_searchTimer->stop();
        m_completer->popup()->hide();
        return;
    }
    m_searchTimer->start();
}

void ContactField::choose(const QModelIndex &index)
{
    const qint64 id = index.data(ContactListModel::IdRole).toLongLong();
    const QString name = index.data(ContactListModel::NameRole).toString();
    // After the completer has written its own text into the field.
    QTimer::singleShot(0, this, [this, id, name] { setContact(id, name); });
}

} // namespace linecard::ui
