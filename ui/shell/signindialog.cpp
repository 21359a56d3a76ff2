#include "signindialog.h"

#include "ui/common/windowtitle.h"

#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace linecard::ui {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_connect(new QPushButton(tr("&Connect"), this))
    , m_local(new QPushButton(tr("Open the &local workspace"), this))
    , m_message(new QLabel(this))
    , m_notice(new QLabel(this))
{
    setWindowTitle(tr("Sign in"));
    fitWindowTitle(this);
    setObjectName(QStringLiteral("signInDialog"));
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_login->setObjectName(QStringLiteral("login"));
    m_password->setObjectName(QStringLiteral("password"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_local->setObjectName(QStringLiteral("localButton"));
    m_url->setPlaceholderText(QStringLiteral("https://crm.example.com"));
    m_password->setEchoMode(QLineEdit::Password);
    m_connect->setDefault(true);

    auto *title
        = new QLabel(tr("<h2>Linecard</h2><p>Tasks, clients and calls in one window.</p>"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Server:"), m_url);
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Password:"), m_password);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    auto *localHint = new QLabel(
        tr("No server yet? The local workspace keeps everything on this computer."), this);
    localHint->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("message"));
    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_connect);
    layout->addWidget(m_message);
    layout->addWidget(line);
    layout->addWidget(localHint);
    layout->addWidget(m_local);
    layout->addWidget(m_notice);

    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (!serverUrl().isValid() || serverUrl().host().isEmpty()) {
            showError(tr("Enter the server's address, e.g. https://crm.example.com"));
            return;
        }
        if (login().isEmpty()) {
            showError(tr("Enter your login."));
            return;
        }
        m_choice = Choice::Server;
        emit connectRequested();
    });
    connect(m_local, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Local;
        emit localRequested();
    });
}

void SignInDialog::setServer(const QUrl &url, const QString &login)
{
    m_url->setText(url.toString());
    m_login->setText(login);
    (login.isEmpty() ? m_login : m_password)->setFocus();
}

void SignInDialog::setBusy(bool busy, const QString &message)
{
    m_connect->setEnabled(!busy);
    m_local->setEnabled(!busy);
    m_message->setStyleSheet(QString());
    m_message->setText(message);
}

void SignInDialog::showError(const QString &message)
{
    setBusy(false);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setText(message);
}

void SignInDialog::showNotice(const QString &message)
{
    m_notice->setText(message);
    m_notice->show();
}

QUrl SignInDialog::serverUrl() const
{
    QString text = m_url->text().trimmed();
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    return QUrl(text);
}

QString SignInDialog::login() const
{
    return m_login->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

} // namespace linecard::ui
