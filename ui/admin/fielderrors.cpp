#include "fielderrors.h"

#include "app/restclient.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

namespace linecard::ui {

FieldErrors::FieldErrors(QWidget *form)
    : QObject(form)
    , m_general(errorLabel(form))
{
    m_general->setObjectName(QStringLiteral("formError"));
}

QLabel *FieldErrors::errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}

QWidget *FieldErrors::wrap(const QString &field, QWidget *editor, QWidget *focus)
{
    auto *box = new QWidget(editor->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    QLabel *label = errorLabel(box);
    label->setObjectName(field + QStringLiteral("Error"));
    layout->addWidget(editor);
    layout->addWidget(label);
    // The row's label mnemonic (&Name:) lands in the editor.
    box->setFocusProxy(focus ? focus : editor);
    m_labels.insert(field, label);
    m_editors.insert(field, focus ? focus : editor);
    return box;
}

void FieldErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels))
        label->hide();
    m_general->hide();
}

void FieldErrors::show(const QString &field, const QString &message)
{
    QLabel *label = m_labels.value(field, m_general);
    label->setText(message);
    label->show();
    if (QWidget *editor = m_editors.value(field))
        editor->setFocus();
}

void FieldErrors::show(const client::ApiFailure &failure)
{
    show(failure.field, failure.describe());
}

QString FieldErrors::text(const QString &field) const
{
    const QLabel *label = m_labels.value(field, m_general);
    return label->isHidden() ? QString() : label->text();
}

bool FieldErrors::isEmpty() const
{
    if (!m_general->isHidden())
        return false;
    for (const QLabel *label : m_labels)
        if (!label->isHidden())
            return false;
    return true;
}

} // namespace linecard::ui
