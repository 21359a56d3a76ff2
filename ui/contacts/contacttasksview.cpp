#include "contacttasksview.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/tasklistmodel.h"
#include "protocol/jsonid.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace linecard::ui {

using protocol::idOf;

ContactTasksView::ContactTasksView(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_model(new TaskListModel(session->people(), this))
    , m_view(new QTreeView(this))
    , m_active(new QToolButton(this))
    , m_all(new QToolButton(this))
    , m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Tasks"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    header->addWidget(title);
    header->addStretch(1);
    auto *group = new QButtonGroup(this);
    for (QToolButton *button : {m_active, m_all}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        group->addButton(button);
        header->addWidget(button);
    }
    m_active->setText(tr("Active"));
    m_active->setToolTip(tr("Open tasks only"));
    m_all->setText(tr("All"));
    m_all->setToolTip(tr("Done and cancelled tasks too"));
    m_active->setChecked(true);
    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            reload();
    });
    layout->addLayout(header);

    m_model->setDataSource(session->rest());
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setColumnHidden(TaskListModel::CounterpartyColumn, true); // mostly this contact
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TaskListModel::TitleColumn, QHeaderView::Stretch);
    for (int c : {TaskListModel::AssigneesColumn, TaskListModel::StatusColumn,
             TaskListModel::ActivityColumn})
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(
        TaskListModel::UnreadColumn, QHeaderView::ResizeToContents);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = index.data(PagedListModel::IdRole).toLongLong())
            emit openTask(id);
    });
    layout->addWidget(m_view, 1);

    m_status->setAlignment(Qt::AlignCenter);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_model, &PagedListModel::loadingChanged, this, &ContactTasksView::updateStatus);
    connect(m_model, &PagedListModel::errorChanged, this, &ContactTasksView::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ContactTasksView::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ContactTasksView::updateStatus);
    updateStatus();
}

bool ContactTasksView::showsAll() const
{
    return m_all->isChecked();
}

void ContactTasksView::setShowAll(bool all)
{
    (all ? m_all : m_active)->setChecked(true); // reloads through the group
}

void ContactTasksView::setContact(qint64 contactId)
{
    m_contactId = contactId;
    reload();
}

void ContactTasksView::reload()
{
    if (!m_contactId) {
        m_model->setQuery({});
        updateStatus();
        return;
    }
    QUrlQuery query;
    if (!showsAll())
        query.addQueryItem(QStringLiteral("active"), QStringLiteral("true"));
    m_model->setQuery(QStringLiteral("/api/v1/contacts/%1/tasks").arg(m_contactId), query);
    m_model->fetchMore();
    updateStatus();
}

void ContactTasksView::applyTask(const QJsonObject &task)
{
    if (!m_contactId)
        return;
    bool concerns = idOf(task.value(QStringLiteral("counterpartyId"))) == m_contactId;
    for (const QString &key : {QStringLiteral("assigneeIds"), QStringLiteral("participantIds")})
        for (const QJsonValue &id : task.value(key).toArray())
            concerns = concerns || idOf(id) == m_contactId;
    const bool active = task.value(QStringLiteral("status")).toString() == QLatin1String("open");
    m_model->applyTask(task, concerns && (active || showsAll()));
}

QString ContactTasksView::counterpartyTaskTitle(qint64 taskId) const
{
    const int row = m_model->rowOfId(taskId);
    if (row < 0)
        return {};
    const QJsonObject task = m_model->rowJson(row);
    if (idOf(task.value(QStringLiteral("counterpartyId"))) != m_contactId)
        return {};
    return task.value(QStringLiteral("title")).toString();
}

void ContactTasksView::updateStatus()
{
    QString status;
    if (!m_model->error().isEmpty())
        status = tr("Could not load the tasks: %1").arg(m_model->error());
    else if (m_model->rowCount() == 0 && m_model->isLoading())
        status = tr("Loading…");
    else if (m_model->rowCount() == 0 && m_contactId)
        status = showsAll() ? tr("No tasks.") : tr("No active tasks.");
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
}

// On a narrow card (a call window with a task beside it) the titles stay readable: unread and
// assignees give way first, then the status; the last activity stays.
void ContactTasksView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int room = width();
    m_view->setColumnHidden(TaskListModel::UnreadColumn, room < 480);
    m_view->setColumnHidden(TaskListModel::AssigneesColumn, room < 400);
    m_view->setColumnHidden(TaskListModel::StatusColumn, room < 300);
}

} // namespace linecard::ui
