#include "persondialog.h"

#include "fielderrors.h"

#include "app/restclient.h"
#include "app/session.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace linecard::ui {

PersonDialog::PersonDialog(client::Session *session, const Person &person, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_person(person)
    , m_name(new QLineEdit(person.name, this))
    , m_login(new QLineEdit(person.login, this))
    , m_password(new QLineEdit(this))
    , m_generate(new QPushButton(tr("&Generate"), this))
    , m_role(new QComboBox(this))
    , m_extensions(new QLineEdit(person.extensions.join(QStringLiteral(", ")), this))
    , m_save(new QPushButton(person.id ? tr("&Save") : tr("&Add"), this))
    , m_errors(new FieldErrors(this))
{
    setObjectName(QStringLiteral("personDialog"));
    setWindowTitle(person.id ? tr("Edit %1").arg(person.name) : tr("Add an employee"));
    m_name->setAccessibleName(tr("Name"));
    m_login->setAccessibleName(tr("Login"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_password->setPlaceholderText(
        person.id ? tr("empty: keep the current password") : tr("at least 8 characters"));
    m_generate->setAccessibleName(tr("Generate a password"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItem(tr("Operator"), false);
    m_role->addItem(tr("Administrator"), true);
    m_role->setCurrentIndex(person.isAdmin ? 1 : 0);
    m_extensions->setAccessibleName(tr("Extensions"));
    m_extensions->setPlaceholderText(tr("e.g. 101, 102"));
    m_save->setAccessibleName(m_save->text().remove(u'&'));

    auto *passwordRow = new QWidget(this);
    auto *passwordLayout = new QHBoxLayout(passwordRow);
    passwordLayout->setContentsMargins(0, 0, 0, 0);
    m_password->setParent(passwordRow);
    m_generate->setParent(passwordRow);
    passwordLayout->addWidget(m_password, 1);
    passwordLayout->addWidget(m_generate);
    connect(m_generate, &QPushButton::clicked, this, [this] {
        // Shown in clear: the administrator passes it on.
        m_password->setEchoMode(QLineEdit::Normal);
        m_password->setText(generatePassword());
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_errors->wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("&Login:"), m_errors->wrap(QStringLiteral("login"), m_login));
    form->addRow(person.id ? tr("New &password:") : tr("&Password:"),
        m_errors->wrap(QStringLiteral("password"), passwordRow, m_password));
    form->addRow(tr("&Role:"), m_errors->wrap(QStringLiteral("isAdmin"), m_role));
    form->addRow(tr("&Extensions:"), m_errors->wrap(QStringLiteral("extensions"), m_extensions));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Ours, not Qt's: Debian's Qt 6.4 ships no Russian qtbase catalogue.
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &PersonDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors->general());
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QStringList PersonDialog::splitExtensions(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QString PersonDialog::generatePassword()
{
    // No look-alikes (0/O, 1/l/I): it is read off the screen and typed in.
    static const QString alphabet
        = QStringLiteral("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int i = 0; i < 12; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return password;
}

bool PersonDialog::check()
{
    m_errors->clear();
    bool ok = true;
    const auto fail = [&](const char *field, const QString &message) {
        if (ok)
            m_errors->show(QString::fromLatin1(field), message);
        ok = false;
    };
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || name.size() > 200)
        fail("name", tr("Enter a name (up to 200 characters)."));
    const QString login = m_login->text().trimmed();
    if (login.isEmpty() || login.size() > 100 || login.contains(u' '))
        fail("login", tr("Enter a login without spaces (up to 100 characters)."));
    const QString password = m_password->text();
    if ((!m_person.id || !password.isEmpty()) && password.size() < 8)
        fail("password", tr("The password needs at least 8 characters."));
    for (const QString &ext : splitExtensions(m_extensions->text()))
        if (ext.size() > 20)
            fail("extensions", tr("An extension has at most 20 characters."));
    return ok;
}

void PersonDialog::save()
{
    if (!check())
        return;
    QJsonObject body {{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("login"), m_login->text().trimmed()},
        {QStringLiteral("isAdmin"), m_role->currentData().toBool()},
        {QStringLiteral("extensions"),
            QJsonArray::fromStringList(splitExtensions(m_extensions->text()))}};
    if (!m_password->text().isEmpty())
        body.insert(QStringLiteral("password"), m_password->text());
    m_save->setEnabled(false);
    const auto done = [this](const QJsonObject &json) {
        m_save->setEnabled(true);
        if (const auto person = Person::fromJson(json))
            emit saved(*person);
        accept();
    };
    const auto failed = [this](const client::ApiFailure &failure) {
        m_save->setEnabled(true);
        m_errors->show(failure);
    };
    if (m_person.id)
        m_session->rest()->patch(
            QStringLiteral("/api/v1/people/%1").arg(m_person.id), body, this, done, failed);
    else
        m_session->rest()->post(QStringLiteral("/api/v1/people"), body, this, done, failed);
}

} // namespace linecard::ui
