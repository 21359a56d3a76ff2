#include "accessdialog.h"

#include "app/restclient.h"
#include "app/session.h"
#include "ui/common/windowtitle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QToolButton>
#include <QVBoxLayout>

namespace linecard::ui {

AccessDialog::AccessDialog(client::Session *session, const Person &contact, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_contact(contact)
    , m_state(new QLabel(this))
    , m_login(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_showPassword(new QCheckBox(tr("Show"), this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_revoke(new QPushButton(tr("&Take access away"), this))
{
    setWindowTitle(tr("Access for %1").arg(contact.name));
    setObjectName(QStringLiteral("accessDialog"));
    m_state->setWordWrap(true);
    m_state->setTextFormat(Qt::RichText);

    auto *explain = new QLabel(tr("With access, %1 signs in to Linecard and sees only their own "
                                  "tasks, and in them only the comments addressed to them (as the "
                                  "account settings say). Internal and hidden comments, other "
                                  "contacts, calls and settings stay closed to them.")
                                   .arg(contact.name.toHtmlEscaped()),
        this);
    explain->setWordWrap(true);
    // A wrapped label's hint assumes a wider line than the dialog has: ask for the real height.
    explain->setMinimumHeight(explain->heightForWidth(440));

    m_login->setText(contact.login.isEmpty() ? contact.emails.value(0) : contact.login);
    m_login->setMaxLength(100);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(
        contact.hasAccess ? tr("unchanged") : tr("at least 8 characters"));
    auto *generate = new QToolButton(this);
    generate->setText(tr("&Generate"));
    generate->setToolTip(tr("Make up a password to read out or send to the contact"));
    connect(generate, &QToolButton::clicked, this, [this] {
        m_password->setText(generatePassword());
        m_showPassword->setChecked(true);
    });
    connect(m_showPassword, &QCheckBox::toggled, this,
        [this](bool on) { m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(generate);
    passwordRow->addWidget(m_showPassword);

    auto *form = new QFormLayout;
    form->addRow(tr("&Login:"), m_login);
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, passwordRow);
    // An error is about what was typed: typing again clears it.
    for (QLineEdit *edit : {m_login, m_password})
        connect(edit, &QLineEdit::textEdited, this, [this] { showError({}); });

    m_error->setObjectName(QStringLiteral("accessError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_revoke, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &AccessDialog::save);
    connect(m_revoke, &QPushButton::clicked, this, &AccessDialog::revoke);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    showState();
    setMinimumWidth(480);
    fitWindowTitle(this);
}

QString AccessDialog::generatePassword()
{
    // No 0/O, 1/l/I: it is read out loud.
    static const QString alphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyz23456789");
    QString out;
    for (int i = 0; i < 12; ++i)
        out += alphabet.at(int(QRandomGenerator::system()->bounded(alphabet.size())));
    return out;
}

QString AccessDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AccessDialog::showState()
{
    m_state->setText(m_contact.hasAccess
            ? tr("<b>%1 has access</b> and signs in as <b>%2</b>.")
                  .arg(m_contact.name.toHtmlEscaped(), m_contact.login.toHtmlEscaped())
            : tr("<b>%1 has no access.</b>").arg(m_contact.name.toHtmlEscaped()));
    m_save->setText(m_contact.hasAccess ? tr("&Save") : tr("&Give access"));
    m_revoke->setVisible(m_contact.hasAccess);
}

void AccessDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void AccessDialog::save()
{
    const QString login = m_login->text().trimmed();
    const QString password = m_password->text();
    // The server checks the same; saying it here spares a round trip and keeps the text.
    if (login.isEmpty() || login.contains(u' '))
        return showError(tr("The login must not be empty or contain spaces."));
    if (!m_contact.hasAccess && password.isEmpty())
        return showError(tr("Set a password for the first sign-in."));
    if (!password.isEmpty() && password.size() < 8)
        return showError(tr("The password must have at least 8 characters."));
    QJsonObject body {{QStringLiteral("enabled"), true}, {QStringLiteral("login"), login}};
    if (!password.isEmpty())
        body.insert(QStringLiteral("password"), password);
    send(body);
}

void AccessDialog::revoke()
{
    send({{QStringLiteral("enabled"), false}});
}

void AccessDialog::send(const QJsonObject &body)
{
    showError({});
    delete m_request;
    m_request = new QObject(this);
    m_save->setEnabled(false);
    m_revoke->setEnabled(false);
    auto done = [this] {
        m_request->deleteLater();
        m_request = nullptr;
        m_save->setEnabled(true);
        m_revoke->setEnabled(true);
    };
    m_session->rest()->put(
        QStringLiteral("/api/v1/contacts/%1/access").arg(m_contact.id), body, m_request,
        [this, done](const QJsonObject &json) {
            done();
            if (const auto updated = Person::fromJson(json))
                m_contact = *updated;
            m_password->clear();
            m_password->setPlaceholderText(m_contact.hasAccess ? tr("unchanged") : QString());
            showState();
            emit accessChanged(json);
        },
        [this, done](const client::ApiFailure &failure) {
            done();
            showError(failure.status == 409 ? tr("This login is taken: choose another.")
                                            : tr("Not saved: %1").arg(failure.describe()));
        });
}

} // namespace linecard::ui
