#pragma once

#include "models/person.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class FieldErrors;

// Adds an employee (POST /api/v1/people) or edits one (PATCH /api/v1/people/{id}): name,
// login, password (generated on request; when editing, empty keeps the current one), role
// and extensions. Checked before sending; the server's field messages show under the field.
class PersonDialog : public QDialog
{
    Q_OBJECT
public:
    // person.id == 0: a new employee.
    PersonDialog(client::Session *session, const Person &person, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *generateButton() const { return m_generate; }
    QComboBox *roleBox() const { return m_role; }
    QLineEdit *extensionsEdit() const { return m_extensions; }
    QPushButton *saveButton() const { return m_save; }
    FieldErrors *errors() const { return m_errors; }

    // "101, 102" or "101 102" as a list.
    static QStringList splitExtensions(const QString &text);
    static QString generatePassword();

signals:
    void saved(const Person &person);

private:
    bool check();
    void save();

    client::Session *m_session;
    Person m_person;
    QLineEdit *m_name;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QPushButton *m_generate;
    QComboBox *m_role;
    QLineEdit *m_extensions;
    QPushButton *m_save;
    FieldErrors *m_errors;
};

} // namespace linecard::ui
