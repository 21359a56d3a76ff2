#pragma once

#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QVBoxLayout;

namespace linecard::ui {

// An editable list of short rows (phones with their type, e-mails, custom fields): one line
// edit or choice box per column, a remove button per row and an "add" button below. Rows
// are widgets rather than table cells so that Tab walks through them like a form.
class RowListEdit : public QWidget
{
    Q_OBJECT
public:
    struct Column
    {
        QString placeholder;
        // (stored value, label); when set, the column is an editable combo box.
        QList<QPair<QString, QString>> choices;
        int stretch = 1;
        // A phone number: formatted as typed, a stored one shown in international format.
        bool phoneNumber = false;
    };

    RowListEdit(const QList<Column> &columns, const QString &addText, QWidget *parent = nullptr);

    void setRows(const QList<QStringList> &rows);
    // The rows holding any text, trimmed; choice columns give the stored value.
    QList<QStringList> rows() const;
    int rowCount() const { return int(m_rows.size()); }
    // Adds a row (empty by default) and puts the cursor in it.
    void addRow(const QStringList &values = {});
    // The editor of one cell: a QLineEdit, or a QComboBox for a choice column.
    QWidget *editor(int row, int column) const;

signals:
    void changed();

private:
    QString value(QWidget *editor, int column) const;
    void setValue(QWidget *editor, int column, const QString &value);
    void removeRow(QWidget *row);

    QList<Column> m_columns;
    QVBoxLayout *m_rowsLayout;
    QList<QWidget *> m_rows;
};

} // namespace linecard::ui
