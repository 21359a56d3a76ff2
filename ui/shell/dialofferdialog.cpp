#include "dialofferdialog.h"

#include "app/phonelink.h"
#include "app/restclient.h"
#include "app/session.h"
#include "protocol/jsonid.h"
#include "ui/common/windowtitle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

DialOfferDialog::DialOfferDialog(
    client::Session *session, const client::PhoneLink &link, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_number(new QLineEdit(link.number(), this))
    , m_line(new QComboBox(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("dialOfferDialog"));
    setWindowTitle(tr("Call a number"));
    fitWindowTitle(this);
    auto *form = new QFormLayout;
    m_number->setObjectName(QStringLiteral("dialNumber"));
    form->addRow(tr("&Number:"), m_number);
    if (!link.extension().isEmpty()) {
        // The PBX dials the main number; the extension is for the operator to dial after.
        auto *extension
            = new QLabel(tr("%1 — dial it once the call connects").arg(link.extension()), this);
        extension->setObjectName(QStringLiteral("dialExtension"));
        form->addRow(tr("Extension:"), extension);
    }
    m_line->setObjectName(QStringLiteral("dialLine"));
    m_line->addItem(tr("Default line"), qint64(0));
    form->addRow(tr("&Line:"), m_line);
    m_message->setObjectName(QStringLiteral("dialMessage"));
    m_message->setWordWrap(true);
    showMessage(
        tr("Your phone rings first; the call to the number starts when you pick up."), false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_call = buttons->addButton(tr("&Call"), QDialogButtonBox::AcceptRole);
    m_call->setObjectName(QStringLiteral("dialCall"));
    m_call->setDefault(true);
    connect(m_call, &QPushButton::clicked, this, &DialOfferDialog::dial);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    loadLines();
}

void DialOfferDialog::loadLines()
{
    // Lines are the company's outgoing numbers; the operator may call from any of them.
    m_session->rest()->get(QStringLiteral("/api/v1/lines"), this, [this](const QJsonObject &json) {
        for (const QJsonValue &value : json.value(QStringLiteral("items")).toArray()) {
            const QJsonObject line = value.toObject();
            m_line->addItem(
                QStringLiteral("%1 (%2)").arg(line.value(QStringLiteral("name")).toString(),
                    line.value(QStringLiteral("number")).toString()),
                protocol::idOf(line, QStringLiteral("id")));
        }
        emit linesLoaded();
    });
}

qint64 DialOfferDialog::lineId() const
{
    return m_line->currentData().toLongLong();
}

QString DialOfferDialog::number() const
{
    return m_number->text().trimmed();
}

QString DialOfferDialog::message() const
{
    return m_message->text();
}

void DialOfferDialog::dial()
{
    if (m_dialling)
        return;
    if (number().isEmpty()) {
        showMessage(tr("Enter a number to call."), true);
        return;
    }
    m_dialling = true;
    m_call->setEnabled(false);
    m_number->setReadOnly(true);
    m_line->setEnabled(false);
    showMessage(tr("Dialling %1…").arg(number()), false);
    QJsonObject body {{QStringLiteral("phone"), number()}};
    if (lineId())
        body.insert(QStringLiteral("lineId"), lineId());
    m_session->rest()->post(
        QStringLiteral("/api/v1/calls/dial"), body, this,
        [this](const QJsonObject &) {
            m_dialling = false;
            showMessage(tr("Dialling started: pick up your phone."), false);
            emit dialStarted(number());
            accept();
        },
        [this](const client::ApiFailure &failure) {
            m_dialling = false;
            m_call->setEnabled(true);
            m_number->setReadOnly(false);
            m_line->setEnabled(true);
            showMessage(tr("The call could not start: %1").arg(failure.describe()), true);
            emit dialFailed(failure.describe());
        });
}

void DialOfferDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

} // namespace linecard::ui
