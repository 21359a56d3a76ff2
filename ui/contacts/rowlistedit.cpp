#include "rowlistedit.h"

#include "models/phonenumber.h"
#include "ui/common/phonefieldformatter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace linecard::ui {

RowListEdit::RowListEdit(const QList<Column> &columns, const QString &addText, QWidget *parent)
    : QWidget(parent)
    , m_columns(columns)
    , m_rowsLayout(new QVBoxLayout)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    auto *add = new QPushButton(this);
    add->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    // Without an icon theme, a plus sign says the same.
    add->setText(add->icon().isNull() ? tr("+ %1").arg(addText) : addText);
    add->setFlat(true);
    add->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    layout->addWidget(add);
}

void RowListEdit::setRows(const QList<QStringList> &rows)
{
    while (!m_rows.isEmpty())
        removeRow(m_rows.last());
    for (const QStringList &row : rows)
        addRow(row);
}

QList<QStringList> RowListEdit::rows() const
{
    QList<QStringList> out;
    for (int r = 0; r < m_rows.size(); ++r) {
        QStringList row;
        bool any = false;
        for (int c = 0; c < m_columns.size(); ++c) {
            row << value(editor(r, c), c);
            // A type alone (the default of a new phone row) is not worth keeping.
            any = any || (!row.last().isEmpty() && m_columns.at(c).choices.isEmpty());
        }
        if (any)
            out << row;
    }
    return out;
}

void RowListEdit::addRow(const QStringList &values)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    QWidget *first = nullptr;
    for (int c = 0; c < m_columns.size(); ++c) {
        const Column &column = m_columns.at(c);
        QWidget *editor;
        if (column.choices.isEmpty()) {
            auto *edit = new QLineEdit(row);
            edit->setPlaceholderText(column.placeholder);
            connect(edit, &QLineEdit::textEdited, this, &RowListEdit::changed);
            if (column.phoneNumber)
                PhoneFieldFormatter::install(edit);
            editor = edit;
        } else {
            auto *box = new QComboBox(row);
            box->setEditable(true); // the API keeps free text: "reception", "night line"…
            box->setInsertPolicy(QComboBox::NoInsert);
            for (const auto &choice : column.choices)
                box->addItem(choice.second, choice.first);
            box->lineEdit()->setPlaceholderText(column.placeholder);
            connect(box, &QComboBox::currentTextChanged, this, &RowListEdit::changed);
            editor = box;
        }
        setValue(editor, c, values.value(c));
        layout->addWidget(editor, column.stretch);
        if (!first)
            first = editor;
    }
    auto *remove = new QToolButton(row);
    remove->setIcon(QIcon::fromTheme(
        QStringLiteral("list-remove"), style()->standardIcon(QStyle::SP_TrashIcon)));
    remove->setToolTip(tr("Remove this line"));
    remove->setAutoRaise(true);
    connect(remove, &QToolButton::clicked, this, [this, row] {
        removeRow(row);
        emit changed();
    });
    layout->addWidget(remove);
    m_rowsLayout->addWidget(row);
    m_rows.append(row);
    if (values.isEmpty() && first && isVisible())
        first->setFocus(); // the operator clicked "add": type right away
}

QWidget *RowListEdit::editor(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 0 || column >= m_columns.size())
        return nullptr;
    return m_rows.at(row)->layout()->itemAt(column)->widget();
}

QString RowListEdit::value(QWidget *editor, int column) const
{
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        return edit->text().trimmed();
    auto *box = qobject_cast<QComboBox *>(editor);
    if (!box)
        return {};
    const QString text = box->currentText().trimmed();
    for (const auto &choice : m_columns.at(column).choices)
        if (choice.second == text)
            return choice.first;
    return text;
}

void RowListEdit::setValue(QWidget *editor, int column, const QString &value)
{
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(m_columns.at(column).phoneNumber ? PhoneNumber::displayed(value) : value);
        return;
    }
    auto *box = qobject_cast<QComboBox *>(editor);
    if (!box || value.isEmpty())
        return;
    const auto &choices = m_columns.at(column).choices;
    for (int i = 0; i < choices.size(); ++i) {
        if (choices.at(i).first.compare(value, Qt::CaseInsensitive) == 0) {
            box->setCurrentIndex(i);
            return;
        }
    }
    box->setEditText(value);
}

void RowListEdit::removeRow(QWidget *row)
{
    m_rows.removeOne(row);
    m_rowsLayout->removeWidget(row);
    row->hide(); // gone from sight now, deleted once its signals are done
    row->deleteLater();
}

} // namespace linecard::ui
