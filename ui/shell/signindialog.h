#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace linecard::ui {

// First start and after sign-out: connect to a Linecard server, or open the local
// workspace (the server runs inside the app, data in the user's folder).
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        None,
        Server,
        Local
    };

    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QUrl &url, const QString &login);
    void setBusy(bool busy, const QString &message = {});
    void showError(const QString &message);
    void showNotice(const QString &message);

    Choice choice() const { return m_choice; }
    QUrl serverUrl() const;
    QString login() const;
    QString password() const;

signals:
    void connectRequested();
    void localRequested();

private:
    QLineEdit *m_url;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QPushButton *m_connect;
    QPushButton *m_local;
    QLabel *m_message;
    QLabel *m_notice;
    Choice m_choice = Choice::None;
};

} // namespace linecard::ui
