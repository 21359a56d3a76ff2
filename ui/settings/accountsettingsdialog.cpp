#include "accountsettingsdialog.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/phonenumber.h"
#include "ui/common/metrics.h"
#include "ui/common/regioncombobox.h"
#include "ui/common/windowtitle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

// A checkbox with a line of explanation under it: these settings decide who reads what.
static QWidget *explained(QCheckBox *box, const QString &explanation, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(0);
    layout->addWidget(box);
    auto *note = new QLabel(explanation, widget);
    note->setWordWrap(true);
    note->setContentsMargins(22, 0, 0, 0);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    return widget;
}

AccountSettingsDialog::AccountSettingsDialog(client::Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_onlyNotified(new QCheckBox(tr("Contacts see only the comments addressed to them"), this))
    , m_share(new QCheckBox(tr("Share within the client's company"), this))
    , m_attachTarget(new QComboBox(this))
    , m_attachHidden(new QCheckBox(tr("Attach call records as hidden comments"), this))
    , m_createCallers(new QCheckBox(tr("Create a contact for an unknown caller"), this))
    , m_phoneRegion(new RegionComboBox(QString(), this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
{
    setObjectName(QStringLiteral("accountSettingsDialog"));
    setWindowTitle(tr("Account settings"));

    auto *contacts = new QGroupBox(tr("What contacts with access see"), this);
    auto *contactsLayout = new QVBoxLayout(contacts);
    contactsLayout->addWidget(explained(m_onlyNotified,
        tr("Their own comments and those that notify them. Off: every comment of their tasks "
           "that is neither internal nor hidden."),
        contacts));
    contactsLayout->addWidget(explained(m_share,
        tr("Also what was addressed to colleagues of their company, and the tasks of their "
           "company: a new manager on the client's side follows the old one's correspondence."),
        contacts));

    auto *calls = new QGroupBox(tr("Calls"), this);
    auto *callsLayout = new QFormLayout(calls);
    m_attachTarget->addItem(
        tr("the contact's card"), int(AccountSettings::CallAttachTarget::Contact));
    m_attachTarget->addItem(tr("the contact's last active task"),
        int(AccountSettings::CallAttachTarget::LastActiveTask));
    callsLayout->addRow(tr("Put a call's record on:"), m_attachTarget);
    callsLayout->addRow(explained(m_attachHidden,
        tr("Only who took the call (or whom it rang) and administrators see them. Call records "
           "are never shown to contacts."),
        calls));
    callsLayout->addRow(m_createCallers);

    auto *phones = new QGroupBox(tr("Phone numbers"), this);
    auto *phonesLayout = new QFormLayout(phones);
    phonesLayout->addRow(tr("Numbers without a country code are from:"), m_phoneRegion);
    auto *regionNote = new QLabel(tr("Numbers are stored with their country code and shown in "
                                     "international format. A line can have a region of its "
                                     "own for the national numbers its trunk sends."),
        phones);
    regionNote->setWordWrap(true);
    regionNote->setForegroundRole(QPalette::PlaceholderText);
    phonesLayout->addRow(regionNote);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &AccountSettingsDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(contacts);
    layout->addWidget(calls);
    layout->addWidget(phones);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_save->setEnabled(false); // until the settings in force are shown
    setMinimumWidth(formDialogWidth);
    fitWindowTitle(this);
    load();
}

void AccountSettingsDialog::load()
{
    m_session->rest()->get(
        QStringLiteral("/api/v1/settings"), this,
        [this](const QJsonObject &json) {
            QString error;
            const auto settings = AccountSettings::fromJson(json, &error);
            if (!settings)
                return showError(tr("The server sent unreadable settings: %1").arg(error));
            showSettings(*settings);
            m_loaded = true;
            m_save->setEnabled(true);
            emit loaded();
        },
        [this](const client::ApiFailure &failure) {
            showError(tr("The settings could not be loaded: %1").arg(failure.describe()));
        });
}

void AccountSettingsDialog::showSettings(const AccountSettings &s)
{
    m_onlyNotified->setChecked(s.contactsSeeOnlyNotified);
    m_share->setChecked(s.shareWithinCompany);
    m_attachTarget->setCurrentIndex(m_attachTarget->findData(int(s.callAttachTarget)));
    m_attachHidden->setChecked(s.callAttachHidden);
    m_createCallers->setChecked(s.createUnknownCallers);
    m_phoneRegion->setRegion(s.phoneRegion);
}

AccountSettings AccountSettingsDialog::settings() const
{
    AccountSettings s;
    s.contactsSeeOnlyNotified = m_onlyNotified->isChecked();
    s.shareWithinCompany = m_share->isChecked();
    s.callAttachTarget = AccountSettings::CallAttachTarget(m_attachTarget->currentData().toInt());
    s.callAttachHidden = m_attachHidden->isChecked();
    s.createUnknownCallers = m_createCallers->isChecked();
    s.phoneRegion = m_phoneRegion->region();
    return s;
}

QString AccountSettingsDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AccountSettingsDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void AccountSettingsDialog::save()
{
    showError({});
    m_save->setEnabled(false);
    const AccountSettings next = settings();
    m_session->rest()->patch(
        QStringLiteral("/api/v1/settings"), next.toJson(), this,
        [this, next](const QJsonObject &) {
            m_save->setEnabled(true);
            PhoneNumber::setDefaultRegion(next.phoneRegion);
            emit saved(next);
            accept();
        },
        [this](const client::ApiFailure &failure) {
            m_save->setEnabled(true);
            showError(tr("Not saved: %1").arg(failure.describe()));
        });
}

} // namespace linecard::ui
