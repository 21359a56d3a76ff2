#include "contactdialog.h"

#include "companyfield.h"
#include "fieldtext.h"
#include "phonetypes.h"
#include "rowlistedit.h"
#include "ui/common/noticebar.h"

#include "app/restclient.h"
#include "app/session.h"
#include "models/peopledirectory.h"
#include "models/phonenumber.h"
#include "ui/common/windowtitle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace linecard::ui {

ContactDialog::ContactDialog(client::Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_isCompany(new QCheckBox(tr("This is a company"), this))
    , m_company(new CompanyField(session, this))
    , m_responsible(new QComboBox(this))
    , m_phones(
          new RowListEdit({{tr("Number"), {}, 3, true}, {tr("Type"), phonetypes::choices(), 2}},
              tr("Add a phone"), this))
    , m_emails(new RowListEdit({{tr("name@example.com"), {}, 1}}, tr("Add an e-mail"), this))
    , m_fields(
          new RowListEdit({{tr("Field"), {}, 2}, {tr("Value"), {}, 3}}, tr("Add a field"), this))
    , m_error(new NoticeBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New contact"));
    setMinimumWidth(520);
    fitWindowTitle(this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_name->setPlaceholderText(tr("Person or company name"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_isCompany);
    form->addRow(tr("&Company:"), m_company);
    form->addRow(tr("&Responsible:"), m_responsible);
    form->addRow(tr("Phones:"), m_phones);
    form->addRow(tr("E-mails:"), m_emails);
    form->addRow(tr("Custom fields:"), m_fields);
    connect(m_isCompany, &QCheckBox::toggled, this, [this](bool company) {
        m_company->setEnabled(!company); // a company belongs to no company
        if (company)
            m_company->setCompany(0, {});
    });

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    fillResponsibles();
    connect(session->people(), &PeopleDirectory::employeesLoaded, this,
        &ContactDialog::fillResponsibles);
    m_phones->addRow(); // most contacts start with a phone
}

void ContactDialog::fillResponsibles()
{
    const qint64 current = m_responsible->currentData().toLongLong();
    m_responsible->clear();
    m_responsible->addItem(tr("Nobody"), qint64(0));
    for (const Person &p : m_session->people()->employees())
        m_responsible->addItem(p.name, p.id);
    const qint64 wanted = current ? current : m_original.responsibleId;
    m_responsible->setCurrentIndex(qMax(0, m_responsible->findData(wanted)));
}

void ContactDialog::editContact(const Person &contact)
{
    m_original = contact;
    setWindowTitle(tr("Edit contact — %1").arg(contact.name));
    fitWindowTitle(this);
    m_name->setText(contact.name);
    m_isCompany->setChecked(contact.isCompany);
    m_company->setCompany(contact.companyId,
        contact.companyId ? m_session->people()->name(contact.companyId) : QString());
    fillResponsibles();
    QList<QStringList> phones;
    for (const PhoneEntry &p : contact.phones)
        phones << QStringList {p.number, p.type};
    m_phones->setRows(phones);
    QList<QStringList> emails;
    for (const QString &e : contact.emails)
        emails << QStringList {e};
    m_emails->setRows(emails);
    QList<QStringList> fields;
    for (auto it = contact.fields.constBegin(); it != contact.fields.constEnd(); ++it)
        fields << QStringList {it.key(), fieldText(it.value())};
    m_fields->setRows(fields);
}

void ContactDialog::prefill(const QString &text)
{
    if (text.isEmpty())
        return;
    static const QRegularExpression phoneLike(QStringLiteral("^[+\\d()\\-.\\s]{5,}$"));
    if (phoneLike.match(text).hasMatch())
        m_phones->setRows({{text, QStringLiteral("mobile")}});
    else if (text.contains(u'@') && !text.contains(u' '))
        m_emails->setRows({{text}});
    else
        m_name->setText(text);
}

QString ContactDialog::errorText() const
{
    return m_error->text();
}

QJsonObject ContactDialog::fieldsJson(QString *problem) const
{
    QJsonObject fields;
    for (const QStringList &row : m_fields->rows()) {
        const QString key = row.value(0);
        if (key.isEmpty()) {
            *problem = tr("Give each custom field a name.");
            return {};
        }
        if (fields.contains(key)) {
            *problem = tr("The field “%1” appears twice.").arg(key);
            return {};
        }
        // A number or a list the operator did not touch keeps its JSON type.
        const QJsonValue original = m_original.fields.value(key);
        fields.insert(key,
            !original.isUndefined() && !original.isString() && fieldText(original) == row.value(1)
                ? original
                : QJsonValue(row.value(1)));
    }
    return fields;
}

QJsonObject ContactDialog::body(QString *problem) const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        *problem = tr("Give the contact a name.");
        return {};
    }
    if (m_company->isUnresolved()) {
        *problem = tr("Choose the company from the list, or clear the field.");
        return {};
    }
    QJsonArray phones;
    QList<PhoneEntry> phoneList;
    for (const QStringList &row : m_phones->rows()) {
        const PhoneNumber number = PhoneNumber::parse(row.value(0));
        // A number stored before numbers were checked may stay as it is while other fields
        // are edited.
        const bool storedAsIs = std::any_of(m_original.phones.cbegin(), m_original.phones.cend(),
            [&](const PhoneEntry &p) { return p.number == row.value(0); });
        if (!number.isValid() && !storedAsIs) {
            *problem = tr("“%1” is not a phone number.").arg(row.value(0));
            return {};
        }
        // Compared as stored (E.164), so that a number only shown formatted is no change.
        phoneList.append({number.canonical(), row.value(1)});
        phones.append(QJsonObject {
            {QStringLiteral("number"), row.value(0)}, {QStringLiteral("type"), row.value(1)}});
    }
    QStringList emails;
    for (const QStringList &row : m_emails->rows()) {
        if (!row.value(0).contains(u'@')) {
            *problem = tr("“%1” is not an e-mail address.").arg(row.value(0));
            return {};
        }
        emails << row.value(0);
    }
    const QJsonObject fields = fieldsJson(problem);
    if (!problem->isEmpty())
        return {};
    const bool isCompany = m_isCompany->isChecked();
    const qint64 companyId = isCompany ? 0 : m_company->companyId();
    const qint64 responsibleId = m_responsible->currentData().toLongLong();
    const auto idValue = [](qint64 id) { return id ? QJsonValue(id) : QJsonValue(); };

    // A new contact sends everything; an edit only what changed, so that a colleague's
    // change to another field at the same time is not overwritten.
    const bool all = !isEditing();
    QJsonObject out;
    if (all || name != m_original.name)
        out.insert(QStringLiteral("name"), name);
    if (all || isCompany != m_original.isCompany)
        out.insert(QStringLiteral("isCompany"), isCompany);
    if ((all && companyId) || (!all && companyId != m_original.companyId))
        out.insert(QStringLiteral("companyId"), idValue(companyId));
    if ((all && responsibleId) || (!all && responsibleId != m_original.responsibleId))
        out.insert(QStringLiteral("responsibleId"), idValue(responsibleId));
    if (all || phoneList != m_original.phones)
        out.insert(QStringLiteral("phones"), phones);
    if (all || emails != m_original.emails)
        out.insert(QStringLiteral("emails"), QJsonArray::fromStringList(emails));
    if (all || fields != m_original.fields)
        out.insert(QStringLiteral("fields"), fields);
    return out;
}

void ContactDialog::accept()
{
    if (m_request)
        return; // already saving
    QString problem;
    const QJsonObject request = body(&problem);
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    if (isEditing() && request.isEmpty()) {
        QDialog::accept(); // nothing changed
        return;
    }
    setBusy(true);
    m_request = new QObject(this);
    const auto done = [this](const QJsonObject &contact) {
        setBusy(false);
        emit saved(contact);
        QDialog::accept();
    };
    const auto failed = [this](const client::ApiFailure &failure) {
        setBusy(false);
        showError(tr("Not saved: %1").arg(failure.describe()));
    };
    if (isEditing())
        m_session->rest()->patch(QStringLiteral("/api/v1/contacts/%1").arg(m_original.id), request,
            m_request, done, failed);
    else
        m_session->rest()->post(
            QStringLiteral("/api/v1/contacts"), request, m_request, done, failed);
}

void ContactDialog::showError(const QString &text)
{
    m_error->showMessage(NoticeBar::Kind::Error, text);
}

void ContactDialog::setBusy(bool busy)
{
    if (!busy && m_request) {
        m_request->deleteLater();
        m_request = nullptr;
    }
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(!busy);
    save->setText(busy ? tr("Saving…") : tr("Save"));
    if (busy)
        m_error->hide();
}

} // namespace linecard::ui
