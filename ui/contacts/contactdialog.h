#pragma once

#include "models/person.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class CompanyField;
class NoticeBar;
class RowListEdit;

// Creates a contact (POST) or edits one (PATCH of what changed): name, company, responsible,
// phones with their type, e-mails and custom fields. The server's refusal is shown in the
// dialog, which stays open so nothing typed is lost.
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ContactDialog(client::Session *session, QWidget *parent = nullptr);

    // Switches to editing an existing contact.
    void editContact(const Person &contact);
    // Puts a search text where it belongs in a new contact: digits as a phone, an address
    // as an e-mail, anything else as the name.
    void prefill(const QString &text);
    bool isEditing() const { return m_original.id != 0; }

    // For tests and for the call window, which edits during the call.
    QLineEdit *nameEdit() const { return m_name; }
    QCheckBox *companyCheck() const { return m_isCompany; }
    CompanyField *companyField() const { return m_company; }
    QComboBox *responsibleBox() const { return m_responsible; }
    RowListEdit *phonesEdit() const { return m_phones; }
    RowListEdit *emailsEdit() const { return m_emails; }
    RowListEdit *fieldsEdit() const { return m_fields; }
    QString errorText() const;

    void accept() override; // saves; closes when the server agreed

signals:
    void saved(const QJsonObject &contact);

private:
    // The request body, or an empty object with the reason in *problem.
    QJsonObject body(QString *problem) const;
    QJsonObject fieldsJson(QString *problem) const;
    void fillResponsibles();
    void showError(const QString &text);
    void setBusy(bool busy);

    client::Session *m_session;
    Person m_original;
    QLineEdit *m_name;
    QCheckBox *m_isCompany;
    CompanyField *m_company;
    QComboBox *m_responsible;
    RowListEdit *m_phones;
    RowListEdit *m_emails;
    RowListEdit *m_fields;
    NoticeBar *m_error;
    QDialogButtonBox *m_buttons;
    QObject *m_request = nullptr;
};

} // namespace linecard::ui
