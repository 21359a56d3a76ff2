#include "recordlistpage.h"

#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QTreeWidget>

namespace linecard::ui {

namespace {
// The id and the record live on the first column of a row.
constexpr int IdRole = Qt::UserRole;
constexpr int RecordRole = Qt::UserRole + 1;
} // namespace

RecordListPage::RecordListPage(
    client::Session *session, const QString &collection, const QString &loadFailed, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QTreeWidget(this))
    , m_message(new QLabel(this))
    , m_collection(collection)
    , m_loadFailed(loadFailed)
{
    m_list->setRootIsDecorated(false);
    m_message->setWordWrap(true);
    m_message->hide();
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] { updateButtons(); });
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { editSelected(); });
    connect(session->events(), &client::EventStream::resyncNeeded, this, &RecordListPage::reload);
}

void RecordListPage::reload()
{
    m_session->rest()->get(
        m_collection, this,
        [this](const QJsonObject &json) {
            m_list->clear();
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                showRecord(v.toObject());
            if (!errorText().isEmpty())
                clearMessage();
            m_loaded = true;
            updateButtons();
            emit loaded();
        },
        [this](const client::ApiFailure &failure) {
            showMessage(m_loadFailed.arg(failure.describe()), true);
        });
}

QTreeWidgetItem *RecordListPage::itemFor(qint64 id) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(0, IdRole).toLongLong() == id)
            return m_list->topLevelItem(i);
    return nullptr;
}

void RecordListPage::select(qint64 id)
{
    if (QTreeWidgetItem *item = itemFor(id))
        m_list->setCurrentItem(item);
}

QTreeWidgetItem *RecordListPage::rowFor(qint64 id, const QJsonObject &record)
{
    QTreeWidgetItem *item = itemFor(id);
    if (!item)
        item = new QTreeWidgetItem(m_list);
    item->setData(0, IdRole, id);
    item->setData(0, RecordRole, record);
    return item;
}

QJsonObject RecordListPage::recordOf(const QTreeWidgetItem *item) const
{
    return item ? item->data(0, RecordRole).toJsonObject() : QJsonObject();
}

QJsonObject RecordListPage::selectedRecord() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? recordOf(item) : QJsonObject();
}

void RecordListPage::removeRow(qint64 id)
{
    delete itemFor(id);
    updateButtons();
}

void RecordListPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_message->setProperty("error", error);
    m_message->setVisible(!text.isEmpty());
}

void RecordListPage::clearMessage()
{
    showMessage({}, false);
}

QString RecordListPage::statusText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString RecordListPage::errorText() const
{
    return m_message->property("error").toBool() ? statusText() : QString();
}

void RecordListPage::fitColumns(int stretchColumn)
{
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

QHBoxLayout *RecordListPage::buttonRow(std::initializer_list<QWidget *> buttons)
{
    auto *row = new QHBoxLayout;
    for (QWidget *button : buttons)
        row->addWidget(button);
    row->addStretch();
    return row;
}

} // namespace linecard::ui
