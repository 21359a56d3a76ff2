#include "callcommentdialog.h"

#include "app/restclient.h"
#include "app/session.h"
#include "protocol/jsonid.h"
#include "ui/common/windowtitle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

CallCommentDialog::CallCommentDialog(client::Session *session, qint64 contactId,
    const QString &contactName, const QJsonArray &tasks, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_contactId(contactId)
    , m_target(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_internal(new QCheckBox(tr("&Hidden from contacts"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("callCommentDialog"));
    setWindowTitle(tr("Comment on the call"));
    fitWindowTitle(this);
    m_target->setObjectName(QStringLiteral("callCommentTarget"));
    if (contactId)
        m_target->addItem(tr("%1's card").arg(contactName),
            QStringLiteral("/api/v1/contacts/%1/comments").arg(contactId));
    for (const QJsonValue &v : tasks) {
        const QJsonObject task = v.toObject();
        const qint64 id = protocol::idOf(task, QStringLiteral("id"));
        if (id)
            m_target->addItem(
                tr("Task #%1 %2").arg(id).arg(task.value(QStringLiteral("title")).toString()),
                QStringLiteral("/api/v1/tasks/%1/comments").arg(id));
    }
    m_text->setObjectName(QStringLiteral("callCommentText"));
    m_text->setPlaceholderText(tr("What the caller wants, what was agreed…"));
    m_internal->setObjectName(QStringLiteral("callCommentInternal"));
    m_internal->setChecked(true);
    m_internal->setToolTip(tr("Every employee sees it; no contact does."));
    m_error->setObjectName(QStringLiteral("callCommentError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_post = buttons->addButton(tr("&Post"), QDialogButtonBox::AcceptRole);
    m_post->setObjectName(QStringLiteral("callCommentPost"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CallCommentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&On:"), m_target);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_internal);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(460, 300);
}

QString CallCommentDialog::error() const
{
    return m_error->text();
}

void CallCommentDialog::accept()
{
    if (m_sending)
        return;
    const QString text = m_text->toPlainText();
    if (m_target->currentIndex() < 0) {
        m_error->setText(tr("The caller has no card to comment on; open a task instead."));
        m_error->show();
        return;
    }
    if (text.trimmed().isEmpty()) {
        m_error->setText(tr("Write the comment first."));
        m_error->show();
        return;
    }
    m_sending = true;
    m_post->setEnabled(false);
    m_error->hide();
    m_error->clear();
    m_session->rest()->post(
        m_target->currentData().toString(),
        {{QStringLiteral("text"), text}, {QStringLiteral("internal"), m_internal->isChecked()}},
        this,
        [this](const QJsonObject &comment) {
            m_sending = false;
            emit posted(comment);
            QDialog::accept();
        },
        [this](const client::ApiFailure &failure) {
            m_sending = false;
            m_post->setEnabled(true);
            m_error->setText(tr("Not posted: %1").arg(failure.describe()));
            m_error->show();
        });
}

} // namespace linecard::ui
