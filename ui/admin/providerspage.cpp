#include "providerspage.h"

#include "protocol/jsonid.h"

#include "confirm.h"
#include "pbxsetupview.h"
#include "providerdialog.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/restclient.h"
#include "app/session.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace linecard::ui {

namespace {
enum Column
{
    NameColumn,
    FormatColumn,
    TokenColumn,
    UrlColumn
};
constexpr int ProviderRole = Qt::UserRole + 1;
} // namespace

using protocol::idOf;

ProvidersPage::ProvidersPage(client::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Connect a PBX…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
    , m_newToken(new QPushButton(tr("&New token"), this))
    , m_testCall(new QPushButton(tr("Send a &test call"), this))
    , m_setup(new PbxSetupView(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("providersPage"));
    m_list->setObjectName(QStringLiteral("providersList"));
    m_list->setAccessibleName(tr("PBX providers"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Format"), tr("Token"), tr("Click-to-call URL")});
    m_list->header()->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);
    m_add->setAccessibleName(tr("Connect a PBX"));
    m_edit->setAccessibleName(tr("Edit provider"));
    m_delete->setAccessibleName(tr("Delete provider"));
    m_newToken->setAccessibleName(tr("New token"));
    m_testCall->setAccessibleName(tr("Send a test call"));
    m_testCall->setToolTip(tr("A short call through this provider to your own extension"));
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("providerStatus"));
    m_status->hide();

    auto *setupBox = new QGroupBox(tr("What to enter in the PBX"), this);
    auto *setupLayout = new QVBoxLayout(setupBox);
    m_setup->setParent(setupBox);
    setupLayout->addWidget(m_setup);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_newToken);
    actions->addWidget(m_testCall);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(setupBox);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProvidersPage::updateSelection);
    connect(m_list, &QTreeWidget::itemActivated, this, &ProvidersPage::editSelected);
    connect(m_add, &QPushButton::clicked, this, &ProvidersPage::addProvider);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ProvidersPage::deleteSelected);
    connect(m_newToken, &QPushButton::clicked, this, &ProvidersPage::newToken);
    connect(m_testCall, &QPushButton::clicked, this, &ProvidersPage::sendTestCall);
    connect(session->router(), &client::EventRouter::providerChanged, this, &ProvidersPage::show);
    connect(session->router(), &client::EventRouter::providerDeleted, this, &ProvidersPage::forget);
    connect(session->events(), &client::EventStream::resyncNeeded, this, &ProvidersPage::reload);
    updateSelection();
    reload();
}

void ProvidersPage::reload()
{
    m_session->rest()->get(
        QStringLiteral("/api/v1/telephony/providers"), this,
        [this](const QJsonObject &json) {
            m_list->clear();
            for (const QJsonValue &v : json.value(QStringLiteral("items")).toArray())
                show(v.toObject());
            m_loaded = true;
            emit loaded();
        },
        [this](const client::ApiFailure &failure) {
            setStatus(
                tr("The PBX providers could not be loaded: %1").arg(failure.describe()), true);
        });
}

int ProvidersPage::count() const
{
    return m_list->topLevelItemCount();
}

QTreeWidgetItem *ProvidersPage::itemFor(qint64 providerId) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->data(NameColumn, Qt::UserRole).toLongLong() == providerId)
            return m_list->topLevelItem(i);
    return nullptr;
}

void ProvidersPage::select(qint64 providerId)
{
    if (QTreeWidgetItem *item = itemFor(providerId))
        m_list->setCurrentItem(item);
}

void ProvidersPage::show(const QJsonObject &provider)
{
    const qint64 id = idOf(provider);
    if (provider.contains(QStringLiteral("token")))
        m_freshTokens.insert(id, provider.value(QStringLiteral("token")).toString());
    QJsonObject kept = provider;
    kept.remove(QStringLiteral("token"));
    QTreeWidgetItem *item = itemFor(id);
    if (!item)
        item = new QTreeWidgetItem(m_list);
    item->setData(NameColumn, Qt::UserRole, id);
    item->setData(NameColumn, ProviderRole, kept);
    item->setText(NameColumn, kept.value(QStringLiteral("name")).toString());
    item->setText(FormatColumn,
        kept.value(QStringLiteral("format")).toString() == QLatin1String("planfix")
            ? tr("PlanFix")
            : tr("Zammad CTI"));
    item->setText(TokenColumn, kept.value(QStringLiteral("tokenHint")).toString());
    item->setText(UrlColumn, kept.value(QStringLiteral("pbxUrl")).toString());
    // Something is always selected: the box below says what to enter in the PBX.
    if (!m_list->currentItem())
        m_list->setCurrentItem(item);
    else if (m_list->currentItem() == item)
        updateSelection();
}

void ProvidersPage::forget(qint64 providerId)
{
    delete itemFor(providerId);
    m_freshTokens.remove(providerId);
    updateSelection();
}

QJsonObject ProvidersPage::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(NameColumn, ProviderRole).toJsonObject() : QJsonObject();
}

void ProvidersPage::updateSelection()
{
    const QJsonObject provider = selected();
    const bool any = !provider.isEmpty();
    m_edit->setEnabled(any);
    m_delete->setEnabled(any);
    m_newToken->setEnabled(any);
    m_testCall->setEnabled(any);
    if (any)
        m_setup->show(m_session->serverUrl(), provider, m_freshTokens.value(idOf(provider)));
    else
        m_setup->clear();
}

void ProvidersPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setProperty("error", error);
    m_status->setVisible(!text.isEmpty());
}

QString ProvidersPage::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

QString ProvidersPage::errorText() const
{
    return m_status->property("error").toBool() ? statusText() : QString();
}

void ProvidersPage::addProvider()
{
    auto *dialog = new ProviderDialog(m_session, QJsonObject(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProviderDialog::saved, this, [this](const QJsonObject &provider) {
        show(provider);
        select(idOf(provider));
        updateSelection();
    });
    dialog->open();
}

void ProvidersPage::editSelected()
{
    const QJsonObject provider = selected();
    if (provider.isEmpty())
        return;
    auto *dialog = new ProviderDialog(m_session, provider, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProviderDialog::saved, this, &ProvidersPage::show);
    dialog->open();
}

void ProvidersPage::deleteSelected()
{
    const QJsonObject provider = selected();
    if (provider.isEmpty())
        return;
    const qint64 id = idOf(provider);
    confirm(this,
        tr("Disconnect %1? Its token stops working at once; its past calls stay.")
            .arg(provider.value(QStringLiteral("name")).toString()),
        tr("Delete"), [this, id] {
            setStatus({}, false);
            m_session->rest()->remove(
                QStringLiteral("/api/v1/telephony/providers/%1").arg(id), this,
                [this, id](const QJsonObject &) { forget(id); },
                [this](const client::ApiFailure &failure) { setStatus(failure.describe(), true); });
        });
}

void ProvidersPage::newToken()
{
    const QJsonObject provider = selected();
    if (provider.isEmpty())
        return;
    const qint64 id = idOf(provider);
    confirm(this,
        tr("Make a new token for %1? The current one stops working at once: the PBX needs the "
           "new one.")
            .arg(provider.value(QStringLiteral("name")).toString()),
        tr("New token"), [this, id] {
            setStatus({}, false);
            m_session->rest()->patch(
                QStringLiteral("/api/v1/telephony/providers/%1").arg(id),
                {{QStringLiteral("regenerateToken"), true}}, this,
                [this](const QJsonObject &json) { show(json); },
                [this](const client::ApiFailure &failure) { setStatus(failure.describe(), true); });
        });
}

void ProvidersPage::sendTestCall()
{
    const QJsonObject provider = selected();
    if (provider.isEmpty())
        return;
    m_testCall->setEnabled(false);
    setStatus({}, false);
    m_session->rest()->post(
        QStringLiteral("/api/v1/telephony/providers/%1/test-call").arg(idOf(provider)), {}, this,
        [this](const QJsonObject &json) {
            m_testCall->setEnabled(true);
            setStatus(tr("A test call is ringing extension %1; it ends by itself in a few "
                         "seconds. The integration log shows its requests.")
                          .arg(json.value(QStringLiteral("extension")).toString()),
                false);
            emit testCallSent(json.value(QStringLiteral("externalId")).toString());
        },
        [this](const client::ApiFailure &failure) {
            m_testCall->setEnabled(true);
            setStatus(tr("No test call: %1").arg(failure.describe()), true);
        });
}

} // namespace linecard::ui
