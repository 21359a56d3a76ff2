#include "providerdialog.h"

#include "fielderrors.h"

#include "app/restclient.h"
#include "app/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace linecard::ui {

ProviderDialog::ProviderDialog(
    client::Session *session, const QJsonObject &provider, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_id(provider.value(QStringLiteral("id")).toInteger())
    , m_name(new QLineEdit(provider.value(QStringLiteral("name")).toString(), this))
    , m_format(new QComboBox(this))
    , m_pbxUrl(new QLineEdit(provider.value(QStringLiteral("pbxUrl")).toString(), this))
    , m_pbxToken(new QLineEdit(this))
    , m_save(new QPushButton(m_id ? tr("&Save") : tr("&Connect"), this))
    , m_errors(new FieldErrors(this))
{
    setObjectName(QStringLiteral("providerDialog"));
    setWindowTitle(m_id ? tr("Edit PBX %1").arg(m_name->text()) : tr("Connect a PBX"));
    m_name->setAccessibleName(tr("Provider name"));
    m_name->setPlaceholderText(tr("e.g. Office PBX"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("PlanFix telephony API"), QStringLiteral("planfix"));
    m_format->addItem(tr("Zammad CTI (Generic CTI)"), QStringLiteral("zammad"));
    m_format->setCurrentIndex(
        qMax(0, m_format->findData(provider.value(QStringLiteral("format")).toString())));
    m_pbxUrl->setAccessibleName(tr("Click-to-call URL"));
    m_pbxUrl->setPlaceholderText(tr("optional: https://pbx.example/planfix_api.php"));
    m_pbxToken->setAccessibleName(tr("PBX key"));
    m_pbxToken->setEchoMode(QLineEdit::Password);
    const QString hint = provider.value(QStringLiteral("pbxTokenHint")).toString();
    m_pbxToken->setPlaceholderText(
        hint.isEmpty() ? tr("optional: the key the PBX expects") : tr("kept: %1").arg(hint));
    m_save->setAccessibleName(m_save->text().remove(u'&'));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_errors->wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("&Format:"), m_errors->wrap(QStringLiteral("format"), m_format));
    auto *clickToCall = new QLabel(
        tr("For click-to-call, Linecard sends the PBX a PlanFix makeCall request:"), this);
    clickToCall->setWordWrap(true);
    form->addRow(clickToCall);
    form->addRow(tr("PBX &URL:"), m_errors->wrap(QStringLiteral("pbxUrl"), m_pbxUrl));
    form->addRow(tr("PBX &key:"), m_errors->wrap(QStringLiteral("pbxToken"), m_pbxToken));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Ours, not Qt's: Debian's Qt 6.4 ships no Russian qtbase catalogue.
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ProviderDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors->general());
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

bool ProviderDialog::check()
{
    m_errors->clear();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || name.size() > 200) {
        m_errors->show(QStringLiteral("name"), tr("Enter a name (up to 200 characters)."));
        return false;
    }
    const QString url = m_pbxUrl->text().trimmed();
    const QUrl parsed(url, QUrl::StrictMode);
    if (!url.isEmpty()
        && (!parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != QLatin1String("http")
                && parsed.scheme() != QLatin1String("https")))) {
        m_errors->show(
            QStringLiteral("pbxUrl"), tr("Enter an http:// or https:// address, or nothing."));
        return false;
    }
    if (m_pbxToken->text().contains(u' ')) {
        m_errors->show(QStringLiteral("pbxToken"), tr("The key has no spaces."));
        return false;
    }
    return true;
}

void ProviderDialog::save()
{
    if (!check())
        return;
    QJsonObject body {{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("format"), m_format->currentData().toString()},
        {QStringLiteral("pbxUrl"), m_pbxUrl->text().trimmed()}};
    if (!m_pbxToken->text().isEmpty())
        body.insert(QStringLiteral("pbxToken"), m_pbxToken->text());
    m_save->setEnabled(false);
    const auto done = [this](const QJsonObject &json) {
        m_save->setEnabled(true);
        emit saved(json);
        accept();
    };
    const auto failed = [this](const client::ApiFailure &failure) {
        m_save->setEnabled(true);
        m_errors->show(failure);
    };
    if (m_id)
        m_session->rest()->patch(
            QStringLiteral("/api/v1/telephony/providers/%1").arg(m_id), body, this, done, failed);
    else
        m_session->rest()->post(
            QStringLiteral("/api/v1/telephony/providers"), body, this, done, failed);
}

} // namespace linecard::ui
