#pragma once

#include "models/line.h"

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class CallHeader;
class FieldErrors;

// Adds a line (POST /api/v1/lines) or edits one (PUT /api/v1/lines/{id}): its number, name,
// colour (with a live preview of the call window's header) and the employees it rings when
// the PBX names no extension (SPEC section 4).
class LineDialog : public QDialog
{
    Q_OBJECT
public:
    LineDialog(client::Session *session, const Line &line, QWidget *parent = nullptr);

    QLineEdit *numberEdit() const { return m_number; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *colorEdit() const { return m_color; }
    QPushButton *pickColorButton() const { return m_pick; }
    QListWidget *employeeList() const { return m_employees; }
    CallHeader *preview() const { return m_preview; }
    QPushButton *saveButton() const { return m_save; }
    FieldErrors *errors() const { return m_errors; }

    void setEmployeeChecked(qint64 personId, bool checked);

signals:
    void saved(const Line &line);

private:
    void updatePreview();
    bool check();
    void save();
    QList<qint64> checkedEmployees() const;

    client::Session *m_session;
    Line m_line;
    QLineEdit *m_number;
    QLineEdit *m_name;
    QLineEdit *m_color;
    QPushButton *m_pick;
    CallHeader *m_preview;
    QListWidget *m_employees;
    QPushButton *m_save;
    FieldErrors *m_errors;
};

} // namespace linecard::ui
