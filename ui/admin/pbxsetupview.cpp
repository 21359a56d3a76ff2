#include "pbxsetupview.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

PbxSetupView::PbxSetupView(QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_rows(new QWidget(this))
    , m_form(new QFormLayout(m_rows))
{
    setObjectName(QStringLiteral("pbxSetupView"));
    m_intro->setWordWrap(true);
    m_intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addWidget(m_rows);
}

QString PbxSetupView::planFixAddress(const QUrl &server)
{
    return server.resolved(QUrl(QStringLiteral("/tel/api"))).toString();
}

QString PbxSetupView::zammadEndpoint(const QUrl &server, const QString &token)
{
    return server.resolved(QUrl(QStringLiteral("/api/v1/cti/"))).toString() + token;
}

void PbxSetupView::clear()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_intro->clear();
}

void PbxSetupView::addRow(
    const QString &field, const QString &label, const QString &value, bool copyable)
{
    auto *row = new QWidget(m_rows);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(value, row);
    edit->setObjectName(field);
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    edit->setCursorPosition(0);
    auto *copy = new QPushButton(tr("Copy"), row);
    copy->setObjectName(field + QStringLiteral("Copy"));
    copy->setAccessibleName(tr("Copy %1").arg(label));
    copy->setEnabled(copyable);
    connect(copy, &QPushButton::clicked, edit,
        [edit] { QApplication::clipboard()->setText(edit->text()); });
    layout->addWidget(edit, 1);
    layout->addWidget(copy);
    m_form->addRow(label + u':', row);
}

void PbxSetupView::show(const QUrl &server, const QJsonObject &provider, const QString &token)
{
    clear();
    const bool known = !token.isEmpty();
    // Unknown: only the hint is left; the value that needs the token cannot be copied.
    const QString shownToken
        = known ? token : provider.value(QStringLiteral("tokenHint")).toString();
    const QString once = known ? tr("Copy the token now: it is not shown again.")
                               : tr("The token was shown once, when it was made; to see one "
                                    "again, make a new token.");
    const bool planFix
        = provider.value(QStringLiteral("format")).toString() == QLatin1String("planfix");
    if (planFix) {
        m_intro->setText(tr("In the PBX's PlanFix integration, replace the PlanFix address with "
                            "this one and enter the token.")
            + u' ' + once);
        addRow(QStringLiteral("address"), tr("API address"), planFixAddress(server), true);
        addRow(QStringLiteral("token"), tr("Token (planfix_token)"), shownToken, known);
    } else {
        m_intro->setText(
            tr("In the PBX's Generic CTI (Zammad) settings, enter this endpoint; it holds the "
               "token.")
            + u' ' + once);
        addRow(QStringLiteral("endpoint"), tr("Endpoint"),
            zammadEndpoint(server, known ? token : QStringLiteral("<%1>").arg(tr("token"))), known);
        addRow(QStringLiteral("token"), tr("Token"), shownToken, known);
    }
}

QString PbxSetupView::value(const QString &field) const
{
    const auto *edit = m_rows->findChild<QLineEdit *>(field);
    return edit ? edit->text() : QString();
}

QPushButton *PbxSetupView::copyButton(const QString &field) const
{
    return m_rows->findChild<QPushButton *>(field + QStringLiteral("Copy"));
}

} // namespace linecard::ui
