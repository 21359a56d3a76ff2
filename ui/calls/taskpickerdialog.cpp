#include "taskpickerdialog.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "models/tasklistmodel.h"
#include "protocol/jsonid.h"
#include "ui/common/timings.h"
#include "ui/common/windowtitle.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace linecard::ui {

static constexpr int TaskIdRole = Qt::UserRole + 1;
static constexpr int TitleRole = Qt::UserRole + 2;
static constexpr int TaskRole = Qt::UserRole + 3;

TaskPickerDialog::TaskPickerDialog(
    client::Session *session, const QJsonArray &suggested, qint64 callerId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_suggested(suggested)
    , m_callerId(callerId)
    , m_search(new QLineEdit(this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_delay(new QTimer(this))
{
    setObjectName(QStringLiteral("taskPickerDialog"));
    setWindowTitle(tr("Attach the call to a task"));
    fitWindowTitle(this);
    m_search->setObjectName(QStringLiteral("taskPickerSearch"));
    m_search->setPlaceholderText(tr("Search any task by its title or text"));
    m_search->setAccessibleName(tr("Find a task"));
    m_search->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("taskPickerResults"));
    m_results->setAccessibleName(tr("Tasks"));
    m_results->setAlternatingRowColors(true);
    m_results->setTextElideMode(Qt::ElideMiddle);
    // Counterparties' names arrive after the tasks.
    connect(session->people(), &PeopleDirectory::personChanged, this, &TaskPickerDialog::relabel);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_choose = buttons->addButton(tr("&Attach here"), QDialogButtonBox::AcceptRole);
    m_choose->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &TaskPickerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_results, &QListWidget::currentRowChanged, this,
        [this](int row) { m_choose->setEnabled(row >= 0); });
    connect(m_results, &QListWidget::itemActivated, this, &TaskPickerDialog::accept);

    m_delay->setSingleShot(true);
    m_delay->setInterval(searchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_delay, qOverload<>(&QTimer::start));
    connect(m_delay, &QTimer::timeout, this, [this] { search(m_search->text()); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 460);
    search({});
}

QString TaskPickerDialog::status() const
{
    return m_status->text();
}

QString TaskPickerDialog::describe(const QJsonObject &task) const
{
    const qint64 id = protocol::idOf(task, QStringLiteral("id"));
    const qint64 counterparty = protocol::idOf(task, QStringLiteral("counterpartyId"));
    QStringList facts;
    facts << (counterparty ? m_session->people()->name(counterparty) : tr("no counterparty"));
    facts << TaskListModel::statusText(task.value(QStringLiteral("status")).toString());
    const QDateTime activity = QDateTime::fromString(
        task.value(QStringLiteral("lastActivityAt")).toString(), Qt::ISODateWithMs);
    if (activity.isValid())
        facts << TaskListModel::compactTime(activity.toLocalTime());
    return tr("%1  #%2").arg(task.value(QStringLiteral("title")).toString()).arg(id) + u'\n'
        + facts.join(QStringLiteral(" · "));
}

void TaskPickerDialog::relabel()
{
    for (int row = 0; row < m_results->count(); ++row) {
        QListWidgetItem *item = m_results->item(row);
        item->setText(describe(item->data(TaskRole).toJsonObject()));
    }
}

void TaskPickerDialog::showTasks(const QJsonArray &found, const QString &emptyText)
{
    m_results->clear();
    // The caller's own tasks first, each part in the server's order (latest activity first).
    QList<QJsonObject> tasks;
    for (const QJsonValue &v : found)
        tasks << v.toObject();
    std::stable_partition(tasks.begin(), tasks.end(), [this](const QJsonObject &task) {
        return m_callerId && protocol::idOf(task, QStringLiteral("counterpartyId")) == m_callerId;
    });
    for (const QJsonObject &task : std::as_const(tasks)) {
        const qint64 id = protocol::idOf(task, QStringLiteral("id"));
        const QString title = task.value(QStringLiteral("title")).toString();
        if (!id)
            continue;
        auto *item = new QListWidgetItem(describe(task), m_results);
        item->setData(TaskIdRole, id);
        item->setData(TitleRole, title);
        item->setData(TaskRole, task);
        item->setToolTip(item->text());
        if (task.value(QStringLiteral("status")).toString() != QLatin1String("open"))
            item->setForeground(palette().color(QPalette::PlaceholderText));
    }
    m_status->setText(m_results->count() ? QString() : emptyText);
    if (m_results->count())
        m_results->setCurrentRow(0);
}

void TaskPickerDialog::search(const QString &text)
{
    delete m_request; // an answer for older text must not replace this one
    m_request = nullptr;
    const QString q = text.trimmed();
    if (q.isEmpty() && !m_suggested.isEmpty()) {
        showTasks(m_suggested, {});
        m_status->setText(tr("The caller's active tasks; type to search all tasks."));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("all"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    if (!q.isEmpty())
        query.addQueryItem(QStringLiteral("q"), q);
    m_status->setText(tr("Searching…"));
    m_request = new QObject(this);
    m_session->rest()->get(
        QStringLiteral("/api/v1/tasks?") + query.toString(QUrl::FullyEncoded), m_request,
        [this](const QJsonObject &json) {
            m_request->deleteLater();
            m_request = nullptr;
            showTasks(json.value(QStringLiteral("items")).toArray(), tr("No task matches."));
        },
        [this](const client::ApiFailure &failure) {
            m_request->deleteLater();
            m_request = nullptr;
            m_results->clear();
            m_status->setText(tr("Could not search: %1").arg(failure.describe()));
        });
}

void TaskPickerDialog::accept()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    emit taskChosen(item->data(TaskIdRole).toLongLong(), item->data(TitleRole).toString());
    QDialog::accept();
}

} // namespace linecard::ui
