#include "contactpicker.h"

#include "contactitemdelegate.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/contactlistmodel.h"
#include "ui/common/timings.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QVBoxLayout>

namespace linecard::ui {

ContactPicker::ContactPicker(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_model(new ContactListModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_edit(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit->setPlaceholderText(tr("Name, company, e-mail or phone digits"));
    m_edit->setAccessibleName(tr("Find a contact"));
    m_edit->setClearButtonEnabled(true);
    layout->addWidget(m_edit);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_status);

    m_model->setDataSource(session->rest());
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(PagedListModel::IdRole);
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new ContactItemDelegate(session->people(), m_view));
    m_view->setUniformItemSizes(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this] { emit currentChanged(currentId()); });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] { emit currentChanged(0); });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(PagedListModel::IdRole).toLongLong())
            emit chosen(id);
    });
    // The first result is picked as results arrive, so Enter in the search box takes it.
    connect(m_model, &PagedListModel::pageLoaded, this, [this] {
        if (!m_view->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_view->setCurrentIndex(m_filter->index(0, 0));
        updateStatus();
    });
    connect(m_model, &PagedListModel::loadingChanged, this, &ContactPicker::updateStatus);
    connect(m_model, &PagedListModel::errorChanged, this, &ContactPicker::updateStatus);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(searchDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ContactPicker::search);
    connect(m_edit, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (const qint64 id = currentId())
            emit chosen(id);
    });
    // Up and down in the search box move through the results.
    m_edit->installEventFilter(this);
    updateStatus();
}

void ContactPicker::setExcludedId(qint64 id)
{
    m_filter->setFilterRegularExpression(
        id ? QRegularExpression(QStringLiteral("^(?!%1$)").arg(id)) : QRegularExpression());
}

void ContactPicker::setSearchText(const QString &text)
{
    m_edit->setText(text);
    search();
}

void ContactPicker::search()
{
    m_debounce->stop();
    if (m_edit->text().trimmed().isEmpty()) {
        m_model->setQuery({}); // the whole directory is no help here
    } else {
        m_model->search(m_edit->text());
        m_model->fetchMore();
    }
    updateStatus();
}

bool ContactPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown
            || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_view, event);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QJsonObject ContactPicker::current() const
{
    return m_view->currentIndex().data(PagedListModel::JsonRole).toJsonObject();
}

qint64 ContactPicker::currentId() const
{
    return m_view->currentIndex().data(PagedListModel::IdRole).toLongLong();
}

void ContactPicker::updateStatus()
{
    QString status;
    if (!m_model->error().isEmpty())
        status = tr("Could not search: %1").arg(m_model->error());
    else if (m_edit->text().trimmed().isEmpty())
        status = tr("Type to search.");
    else if (m_model->isLoading() && m_filter->rowCount() == 0)
        status = tr("Searching…");
    else if (m_filter->rowCount() == 0 && m_model->isAtEnd())
        status = tr("No other contact matches.");
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

} // namespace linecard::ui
