#pragma once

#include "models/person.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// Gives a contact a login and password for the same desktop client, changes them, or takes
// the access away (PUT /api/v1/contacts/{id}/access). It says plainly what the contact
// will and will not see, so that nobody has to read the old comments first: the server
// shows a contact only the comments addressed to it, never internal or hidden ones.
class AccessDialog : public QDialog
{
    Q_OBJECT
public:
    AccessDialog(client::Session *session, const Person &contact, QWidget *parent = nullptr);

    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revokeButton() const { return m_revoke; }
    QString errorText() const;

    // A password of 12 letters and digits, easy to read out over the phone.
    static QString generatePassword();

signals:
    // The server's contact after a change (hasAccess and login as they now are).
    void accessChanged(const QJsonObject &contact);

private:
    void save();
    void revoke();
    void send(const QJsonObject &body);
    void showState();
    void showError(const QString &text);

    client::Session *m_session;
    Person m_contact;
    QLabel *m_state;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QCheckBox *m_showPassword;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_revoke;
    QObject *m_request = nullptr;
};

} // namespace linecard::ui
