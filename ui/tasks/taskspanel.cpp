#include "taskspanel.h"

#include "contactfield.h"
#include "newtaskdialog.h"
#include "tasklistdelegate.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "models/tasklistmodel.h"
#include "protocol/jsonid.h"
#include "ui/common/timings.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace linecard::ui {

using Kind = TaskFilter::Kind;

TasksPanel::TasksPanel(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new TaskListModel(session->people(), this))
    , m_view(new QTableView(this))
    , m_statusLine(new QLabel(this))
    , m_searchTimer(new QTimer(this))
{
    const bool contact = session->me().isContact();
    m_filter.meId = session->me().id;
    m_filter.kind = contact ? Kind::All : Kind::MyActive;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    if (!contact) {
        auto *bar = new QWidget(this);
        buildFilterBar(bar);
        layout->addWidget(bar);
    }

    m_view->setObjectName(QStringLiteral("taskList"));
    m_view->setAccessibleName(tr("Task list"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TaskListDelegate(m_view));
    // A table, not a tree: QTreeView fetches another page at every layout, which would
    // pull a 100,000-task list in whole; QTableView fetches only when scrolled to the end.
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setCornerButtonEnabled(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(
        QHeaderView::Fixed); // uniform rows: no measuring
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(TaskListModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(TaskListModel::CounterpartyColumn, 150);
    header->resizeSection(TaskListModel::AssigneesColumn, 130);
    // Wide enough for the longest date and status this locale writes, in bold (unread).
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    QString longestTime;
    for (const QDate day : {QDate(2000, 12, 28), QDate(QDate::currentDate().year(), 9, 28)}) {
        const QString text = TaskListModel::compactTime(QDateTime(day, QTime(23, 58, 58)));
        if (metrics.horizontalAdvance(text) > metrics.horizontalAdvance(longestTime))
            longestTime = text;
    }
    header->resizeSection(TaskListModel::StatusColumn,
        metrics.horizontalAdvance(TaskListModel::tr("Cancelled")) + 24);
    header->resizeSection(
        TaskListModel::ActivityColumn, metrics.horizontalAdvance(longestTime) + 24);
    // The header's word, or the widest pill ("99+"), whichever is wider.
    header->resizeSection(TaskListModel::UnreadColumn,
        qMax(header->fontMetrics().horizontalAdvance(TaskListModel::tr("Unread")),
            metrics.horizontalAdvance(QStringLiteral("99+")) + metrics.height() / 2 + 4)
            + 16);
    if (contact) {
        // The contact is the counterparty of what it sees: the column would only repeat it.
        // Who works on a task is in its header: the title gets the room instead.
        m_view->setColumnHidden(TaskListModel::CounterpartyColumn, true);
        m_view->setColumnHidden(TaskListModel::AssigneesColumn, true);
    } else {
        m_fitsColumns = true;
        for (int column = TaskListModel::CounterpartyColumn; column < TaskListModel::ColumnCount;
             ++column)
            m_columnWidths.insert(column, header->sectionSize(column));
        header->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(
            header, &QHeaderView::customContextMenuRequested, this, &TasksPanel::showColumnMenu);
    }
    layout->addWidget(m_view, 1);

    m_statusLine->setObjectName(QStringLiteral("taskListStatus"));
    m_statusLine->setContentsMargins(6, 0, 6, 2);
    m_statusLine->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    layout->addWidget(m_statusLine);

    // Read marks by hand: one task, or everything (a new operator's backlog).
    m_markAllRead = new QAction(tr("Mark all as read"), this);
    m_markAllRead->setObjectName(QStringLiteral("markAllRead"));
    connect(m_markAllRead, &QAction::triggered, this, &TasksPanel::markAllRead);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TasksPanel::showRowMenu);

    // Choosing a row shows its task, as in a mail client; double-click and Enter
    // ("activated") still open it too, e.g. after going elsewhere with the row selected.
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit openTask(index.data(TaskListModel::IdRole).toLongLong());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this](const QItemSelection &selected) {
            if (!selected.isEmpty())
                if (const qint64 id
                    = selected.indexes().first().data(TaskListModel::IdRole).toLongLong())
                    emit openTask(id);
        });
    connect(m_model, &TaskListModel::loadingChanged, this, &TasksPanel::updateStatusLine);
    connect(m_model, &TaskListModel::errorChanged, this, &TasksPanel::updateStatusLine);
    connect(m_model, &TaskListModel::atEndChanged, this, &TasksPanel::updateStatusLine);
    connect(m_model, &TaskListModel::rowsInserted, this, &TasksPanel::updateStatusLine);
    connect(m_model, &TaskListModel::rowsRemoved, this, &TasksPanel::updateStatusLine);
    connect(m_statusLine, &QLabel::linkActivated, this, [this] { m_model->fetchMore(); });

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDebounceMs);
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        if (m_filter.text != m_pendingText) {
            m_filter.text = m_pendingText;
            applyFilter();
        }
    });

    m_model->setDataSource(session->rest());
    applyFilter();
    client::EventRouter *router = session->router();
    connect(router, &client::EventRouter::taskCreated, this,
        [this](const QJsonObject &task) { m_model->applyTask(task, m_filter.matches(task)); });
    connect(router, &client::EventRouter::taskUpdated, this, &TasksPanel::onTaskUpdated);
    connect(router, &client::EventRouter::commentCreated, this, &TasksPanel::bumpForComment);
    connect(router, &client::EventRouter::taskRead, this, &TasksPanel::onTaskRead);
}

void TasksPanel::buildFilterBar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 4, 4, 0);
    m_kind = new QComboBox(bar);
    m_kind->setObjectName(QStringLiteral("taskFilter"));
    m_kind->addItem(tr("My active tasks"), int(Kind::MyActive));
    m_kind->addItem(tr("All active tasks"), int(Kind::AllActive));
    m_kind->addItem(tr("Done"), int(Kind::Done));
    m_kind->addItem(tr("By contact"), int(Kind::ByContact));
    m_kind->addItem(tr("By assignee"), int(Kind::ByAssignee));
    m_assignee = new QComboBox(bar);
    m_assignee->setObjectName(QStringLiteral("assigneeFilter"));
    m_assignee->setMinimumContentsLength(16);
    m_assignee->setVisible(false);
    m_contact = new ContactField(m_session, bar);
    m_contact->setObjectName(QStringLiteral("contactFilter"));
    m_contact->setPlaceholderText(tr("Find a contact"));
    m_contact->setVisible(false);
    m_new = new QPushButton(tr("New task…"), bar);
    m_new->setObjectName(QStringLiteral("newTask"));
    row->addWidget(m_kind);
    row->addWidget(m_assignee);
    row->addWidget(m_contact, 1);
    row->addStretch();
    row->addWidget(m_new);

    fillAssignees();
    connect(
        m_session->people(), &PeopleDirectory::employeesLoaded, this, &TasksPanel::fillAssignees);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TasksPanel::onKindChosen);
    connect(m_assignee, &QComboBox::currentIndexChanged, this, [this] {
        m_filter.assigneeId = m_assignee->currentData().toLongLong();
        applyFilter();
    });
    connect(m_contact, &ContactField::contactChanged, this, [this](qint64 id) {
        if (m_filter.kind == Kind::ByContact && id != m_filter.contactId) {
            m_filter.contactId = id;
            applyFilter();
        }
    });
    connect(m_new, &QPushButton::clicked, this, &TasksPanel::newTask);
}

void TasksPanel::fillAssignees()
{
    const qint64 chosen = m_filter.assigneeId;
    const QSignalBlocker blocker(m_assignee); // refilling is not choosing
    m_assignee->clear();
    for (const Person &p : m_session->people()->employees())
        m_assignee->addItem(p.name, p.id);
    m_assignee->setCurrentIndex(m_assignee->findData(chosen));
    if (m_filter.kind == Kind::ByAssignee && !chosen && m_assignee->count() > 0)
        onKindChosen(); // the colleagues arrived after "by assignee" was chosen
}

void TasksPanel::onKindChosen()
{
    m_filter.kind = Kind(m_kind->currentData().toInt());
    m_assignee->setVisible(m_filter.kind == Kind::ByAssignee);
    m_contact->setVisible(m_filter.kind == Kind::ByContact);
    if (m_filter.kind == Kind::ByAssignee) {
        const QSignalBlocker blocker(m_assignee);
        if (!m_filter.assigneeId && m_assignee->count() > 0)
            m_filter.assigneeId
                = m_assignee->itemData(0).toLongLong(); // the first colleague, not an empty list
        m_assignee->setCurrentIndex(m_assignee->findData(m_filter.assigneeId));
    }
    if (m_filter.kind == Kind::ByContact)
        m_filter.contactId = m_contact->contactId();
    applyFilter();
}

void TasksPanel::setSearchText(const QString &text)
{
    m_pendingText = text;
    m_searchTimer->start(); // typing is not a request per key
}

void TasksPanel::showContactTasks(qint64 contactId)
{
    if (!m_kind)
        return; // a contact's own list has no other filters
    m_filter.kind = Kind::ByContact;
    m_filter.contactId = contactId;
    const QSignalBlocker blocker(m_kind);
    m_kind->setCurrentIndex(m_kind->findData(int(Kind::ByContact)));
    m_assignee->setVisible(false);
    m_contact->setVisible(true);
    m_contact->setContact(contactId, m_session->people()->name(contactId));
    applyFilter();
}

void TasksPanel::applyFilter()
{
    m_searchTimer->stop();
    m_pendingText = m_filter.text;
    // A new query drops whatever reply is still on its way for the old one.
    if (m_filter.isIncomplete())
        m_model->setQuery({});
    else
        m_model->setQuery(QStringLiteral("/api/v1/tasks"), m_filter.query());
    m_model->fetchMore();
    updateStatusLine();
}

void TasksPanel::reload()
{
    applyFilter();
}

void TasksPanel::updateStatusLine()
{
    QString text;
    if (!m_model->error().isEmpty())
        text = tr("Could not load tasks: %1 <a href=\"retry\">Retry</a>")
                   .arg(m_model->error().toHtmlEscaped());
    else if (m_model->isLoading())
        text = tr("Loading…");
    else if (m_filter.isIncomplete())
        text = m_filter.kind == Kind::ByContact ? tr("Choose a contact.")
                                                : tr("Choose an assignee.");
    else if (m_model->isAtEnd() && m_model->rowCount() == 0)
        text = m_filter.text.isEmpty()
            ? tr("No tasks.")
            : tr("No tasks match “%1”.").arg(m_filter.text.toHtmlEscaped());
    m_statusLine->setText(text);
    m_statusLine->setVisible(!text.isEmpty());
}

void TasksPanel::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (int column = TaskListModel::CounterpartyColumn; column < TaskListModel::ColumnCount;
         ++column) {
        QAction *action = menu.addAction(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        connect(action, &QAction::toggled, this, [this, column](bool on) {
            m_chosenColumns.insert(column, on); // the operator's choice: no longer fitted
            m_view->setColumnHidden(column, !on);
            fitColumns();
        });
    }
    menu.exec(m_view->horizontalHeader()->mapToGlobal(pos));
}

void TasksPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

// A narrow list keeps the title readable: the columns the operator has not chosen themselves
// give way, least useful first — status ("my active" tasks are all open), then assignees —
// and come back as the list widens. Operators know work by client: the counterparty narrows
// down to a short name before it goes, last. Unread and activity always stay.
void TasksPanel::fitColumns()
{
    if (!m_fitsColumns)
        return;
    static const int TitleRoom = 200;
    static const int NarrowCounterparty = 100;
    static const int GiveWay[] = {TaskListModel::StatusColumn, TaskListModel::AssigneesColumn};
    const auto chosen = [this](int column) { return m_chosenColumns.value(column, true); };
    int needed = TitleRoom;
    for (int column = TaskListModel::CounterpartyColumn; column < TaskListModel::ColumnCount;
         ++column)
        if (chosen(column))
            needed += m_columnWidths.value(column);
    const int room = width() - 4;
    const auto show = [this](int column, bool shown, int width) {
        m_view->setColumnHidden(column, !shown);
        if (shown)
            m_view->horizontalHeader()->resizeSection(column, width);
    };
    for (const int column : GiveWay) {
        if (m_chosenColumns.contains(column))
            continue;
        const bool fits = needed <= room;
        if (m_view->isColumnHidden(column) == fits)
            show(column, fits, m_columnWidths.value(column));
        if (!fits)
            needed -= m_columnWidths.value(column);
    }
    const int counterparty = TaskListModel::CounterpartyColumn;
    if (m_chosenColumns.contains(counterparty))
        return;
    const int full = m_columnWidths.value(counterparty);
    const int width = qBound(0, full - (needed - room), full);
    const bool fits = width >= NarrowCounterparty;
    if (fits != !m_view->isColumnHidden(counterparty)
        || (fits && m_view->columnWidth(counterparty) != width))
        show(counterparty, fits, width);
}

void TasksPanel::showRowMenu(const QPoint &pos)
{
    QMenu menu(this);
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && index.data(TaskListModel::UnreadRole).toInt() > 0) {
        const qint64 taskId = index.data(TaskListModel::IdRole).toLongLong();
        menu.addAction(tr("Mark as read"), this, [this, taskId] { markRead(taskId); });
    }
    menu.addAction(m_markAllRead);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TasksPanel::markRead(qint64 taskId)
{
    m_session->rest()->request("POST", QStringLiteral("/api/v1/tasks/%1/read").arg(taskId), {},
        m_model, [this, taskId](const QJsonObject &state, qint64 eventSeq) {
            if (m_freshness.admitAnswer(taskId, eventSeq))
                m_model->applyReadState(state);
        });
}

void TasksPanel::noteEvent(qint64 taskId)
{
    m_freshness.eventApplied(taskId, m_session->events()->lastSeq()); // the one being routed
}

void TasksPanel::markAllRead()
{
    m_session->rest()->post(
        QStringLiteral("/api/v1/tasks/read"), {}, this, [this](const QJsonObject &) { reload(); },
        [this](const client::ApiFailure &failure) {
            m_statusLine->setText(tr("Could not mark the tasks read: %1").arg(failure.describe()));
            m_statusLine->show();
        });
}

void TasksPanel::onTaskUpdated(const QJsonObject &data)
{
    noteEvent(protocol::idOf(data));
    if (m_session->me().isContact()) {
        // The event also reaches whoever just lost the task: ask whether it is still ours.
        refetchTask(protocol::idOf(data, QStringLiteral("id")));
        return;
    }
    m_model->applyTask(data, m_filter.matches(data));
}

void TasksPanel::onTaskRead(const QJsonObject &data)
{
    if (data.value(QStringLiteral("all")).toBool()) {
        reload(); // everything was marked read, from here or another client
        return;
    }
    noteEvent(protocol::idOf(data));
    m_model->applyReadState(data);
}

void TasksPanel::bumpForComment(const QJsonObject &comment)
{
    const qint64 taskId = protocol::idOf(comment, QStringLiteral("taskId"));
    if (!taskId)
        return;
    noteEvent(taskId);
    const int row = m_model->rowOfId(taskId);
    if (row < 0) {
        // Not loaded (or not in the list yet): the comment makes it the newest activity.
        refetchTask(taskId);
        return;
    }
    QJsonObject task = m_model->rowJson(row);
    const QString at = comment.value(QStringLiteral("createdAt")).toString();
    if (at > task.value(QStringLiteral("lastActivityAt")).toString())
        task.insert(QStringLiteral("lastActivityAt"), at);
    m_model->upsert(task);
    // Someone else's comment is news; if the task is open, its view marks it read at once.
    if (protocol::idOf(comment, QStringLiteral("authorId")) != m_session->me().id)
        m_model->countUnread(taskId);
}

void TasksPanel::refetchTask(qint64 taskId)
{
    m_session->rest()->request(
        "GET", QStringLiteral("/api/v1/tasks/%1").arg(taskId), {}, m_model,
        [this, taskId](const QJsonObject &task, qint64 eventSeq) {
            if (m_freshness.admitAnswer(taskId, eventSeq))
                m_model->applyTask(task, m_filter.matches(task));
        },
        [this, taskId](const client::ApiFailure &failure) {
            if (failure.status == 404)
                m_model->removeId(taskId);
        });
}

void TasksPanel::newTask()
{
    auto *dialog = new NewTaskDialog(m_session, 0, NewTaskDialog::ContactRole::Counterparty, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { emit openTask(dialog->createdTaskId()); });
    dialog->open();
}

} // namespace linecard::ui
