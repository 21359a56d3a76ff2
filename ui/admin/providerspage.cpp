#include "providerspage.h"

#include "protocol/jsonid.h"

#include "confirm.h"
#include "pbxsetupview.h"
#include "providerdialog.h"

#include "app/eventrouter.h"
#include "app/restclient.h"
#include "app/session.h"

#include <QGroupBox>
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
} // namespace

using protocol::idOf;

ProvidersPage::ProvidersPage(client::Session *session, QWidget *parent)
    : RecordListPage(session, QStringLiteral("/api/v1/telephony/providers"),
        tr("The PBX providers could not be loaded: %1"), parent)
    , m_add(new QPushButton(tr("&Connect a PBX…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("De&lete"), this))
    , m_newToken(new QPushButton(tr("&New token"), this))
    , m_testCall(new QPushButton(tr("Send a &test call"), this))
    , m_setup(new PbxSetupView(this))
{
    setObjectName(QStringLiteral("providersPage"));
    list()->setObjectName(QStringLiteral("providersList"));
    list()->setAccessibleName(tr("PBX providers"));
    list()->setHeaderLabels({tr("Name"), tr("Format"), tr("Token"), tr("Click-to-call URL")});
    fitColumns(UrlColumn);
    m_add->setAccessibleName(tr("Connect a PBX"));
    m_edit->setAccessibleName(tr("Edit provider"));
    m_delete->setAccessibleName(tr("Delete provider"));
    m_newToken->setAccessibleName(tr("New token"));
    m_testCall->setAccessibleName(tr("Send a test call"));
    m_testCall->setToolTip(tr("A short call through this provider to your own extension"));
    messageLine()->setObjectName(QStringLiteral("providerStatus"));

    auto *setupBox = new QGroupBox(tr("What to enter in the PBX"), this);
    auto *setupLayout = new QVBoxLayout(setupBox);
    m_setup->setParent(setupBox);
    setupLayout->addWidget(m_setup);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(list(), 1);
    layout->addLayout(buttonRow({m_add, m_edit, m_delete}));
    layout->addWidget(setupBox);
    layout->addLayout(buttonRow({m_newToken, m_testCall}));
    layout->addWidget(messageLine());

    connect(m_add, &QPushButton::clicked, this, &ProvidersPage::addProvider);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ProvidersPage::deleteSelected);
    connect(m_newToken, &QPushButton::clicked, this, &ProvidersPage::newToken);
    connect(m_testCall, &QPushButton::clicked, this, &ProvidersPage::sendTestCall);
    connect(
        session->router(), &client::EventRouter::providerChanged, this, &ProvidersPage::showRecord);
    connect(session->router(), &client::EventRouter::providerDeleted, this, &ProvidersPage::forget);
    updateButtons();
    reload();
}

int ProvidersPage::count() const
{
    return list()->topLevelItemCount();
}

void ProvidersPage::showRecord(const QJsonObject &provider)
{
    const qint64 id = idOf(provider);
    if (provider.contains(QStringLiteral("token")))
        m_freshTokens.insert(id, provider.value(QStringLiteral("token")).toString());
    QJsonObject kept = provider;
    kept.remove(QStringLiteral("token"));
    QTreeWidgetItem *item = rowFor(id, kept);
    item->setText(NameColumn, kept.value(QStringLiteral("name")).toString());
    item->setText(FormatColumn,
        kept.value(QStringLiteral("format")).toString() == QLatin1String("planfix")
            ? tr("PlanFix")
            : tr("Zammad CTI"));
    item->setText(TokenColumn, kept.value(QStringLiteral("tokenHint")).toString());
    item->setText(UrlColumn, kept.value(QStringLiteral("pbxUrl")).toString());
    // Something is always selected: the box below says what to enter in the PBX.
    if (!list()->currentItem())
        list()->setCurrentItem(item);
    else if (list()->currentItem() == item)
        updateButtons();
}

void ProvidersPage::forget(qint64 providerId)
{
    m_freshTokens.remove(providerId);
    removeRow(providerId);
}

void ProvidersPage::updateButtons()
{
    const QJsonObject provider = selectedRecord();
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

void ProvidersPage::addProvider()
{
    auto *dialog = new ProviderDialog(m_session, QJsonObject(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProviderDialog::saved, this, [this](const QJsonObject &provider) {
        showRecord(provider);
        select(idOf(provider));
        updateButtons();
    });
    dialog->open();
}

void ProvidersPage::editSelected()
{
    const QJsonObject provider = selectedRecord();
    if (provider.isEmpty())
        return;
    auto *dialog = new ProviderDialog(m_session, provider, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProviderDialog::saved, this, &ProvidersPage::showRecord);
    dialog->open();
}

void ProvidersPage::deleteSelected()
{
    const QJsonObject provider = selectedRecord();
    if (provider.isEmpty())
        return;
    const qint64 id = idOf(provider);
    confirm(this,
        tr("Disconnect %1? Its token stops working at once; its past calls stay.")
            .arg(provider.value(QStringLiteral("name")).toString()),
        tr("Delete"), [this, id] {
            clearMessage();
            m_session->rest()->remove(
                QStringLiteral("/api/v1/telephony/providers/%1").arg(id), this,
                [this, id](const QJsonObject &) { forget(id); },
                [this](
                    const client::ApiFailure &failure) { showMessage(failure.describe(), true); });
        });
}

void ProvidersPage::newToken()
{
    const QJsonObject provider = selectedRecord();
    if (provider.isEmpty())
        return;
    const qint64 id = idOf(provider);
    confirm(this,
        tr("Make a new token for %1? The current one stops working at once: the PBX needs the "
           "new one.")
            .arg(provider.value(QStringLiteral("name")).toString()),
        tr("New token"), [this, id] {
            clearMessage();
            m_session->rest()->patch(
                QStringLiteral("/api/v1/telephony/providers/%1").arg(id),
                {{QStringLiteral("regenerateToken"), true}}, this,
                [this](const QJsonObject &json) { showRecord(json); },
                [this](
                    const client::ApiFailure &failure) { showMessage(failure.describe(), true); });
        });
}

void ProvidersPage::sendTestCall()
{
    const QJsonObject provider = selectedRecord();
    if (provider.isEmpty())
        return;
    m_testCall->setEnabled(false);
    clearMessage();
    m_session->rest()->post(
        QStringLiteral("/api/v1/telephony/providers/%1/test-call").arg(idOf(provider)), {}, this,
        [this](const QJsonObject &json) {
            m_testCall->setEnabled(true);
            showMessage(tr("A test call is ringing extension %1; it ends by itself in a few "
                           "seconds. The integration log shows its requests.")
                            .arg(json.value(QStringLiteral("extension")).toString()),
                false);
            emit testCallSent(json.value(QStringLiteral("externalId")).toString());
        },
        [this](const client::ApiFailure &failure) {
            m_testCall->setEnabled(true);
            showMessage(tr("No test call: %1").arg(failure.describe()), true);
        });
}

} // namespace linecard::ui
