#include "contactdetails.h"

#include "fieldtext.h"
#include "phonetypes.h"

#include "models/peopledirectory.h"
#include "models/phonenumber.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QLabel>
#include <QTextDocument>

namespace linecard::ui {

ContactDetails::ContactDetails(PeopleDirectory *people, QWidget *parent)
    : QWidget(parent)
    , m_people(people)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    // A responsible employee's name may arrive after the card.
    connect(people, &PeopleDirectory::personChanged, this, [this](qint64 id) {
        if (m_person.id && id == m_person.responsibleId)
            setPerson(m_person);
    });
}

void ContactDetails::clear()
{
    m_person = Person();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
}

QString ContactDetails::dim(const QString &text) const
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg(palette().color(QPalette::PlaceholderText).name(), text.toHtmlEscaped());
}

void ContactDetails::addRow(const QString &label, const QString &html, const QString &name)
{
    auto *value = new QLabel(html, this);
    value->setObjectName(name);
    value->setTextFormat(Qt::RichText);
    value->setWordWrap(true);
    addRow(label, value);
}

void ContactDetails::addElidedRow(const QString &label, const QList<ElidedLabel::Line> &lines,
    const QString &name, Qt::TextElideMode mode)
{
    auto *value = new ElidedLabel(this);
    value->setObjectName(name);
    value->setElideMode(mode);
    value->setLines(lines);
    addRow(label, value);
}

void ContactDetails::addRow(const QString &label, QLabel *value)
{
    value->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(value, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("dial:")))
            emit dialRequested(link.mid(5));
        else
            QDesktopServices::openUrl(QUrl(link)); // mailto:
    });
    auto *caption = new QLabel(label, this);
    caption->setTextFormat(Qt::PlainText); // field names are typed by people
    caption->setForegroundRole(QPalette::PlaceholderText);
    m_form->addRow(caption, value);
    // Now, not when the layout gets to it: the card sizes itself from our size hint at once.
    caption->show();
    value->show();
}

void ContactDetails::setPerson(const Person &shown)
{
    const Person person = shown; // clear() empties m_person, which may be what was passed
    clear();
    m_person = person;
    QStringList phones;
    for (const PhoneEntry &phone : person.phones) {
        // A number never breaks across lines.
        // Shown in international format; the link dials the number as stored.
        QString number = PhoneNumber::displayed(phone.number).toHtmlEscaped();
        if (m_dialling.contains(phone.number))
            number += QStringLiteral("&nbsp;&nbsp;") + dim(tr("dialling…"));
        else if (m_dialEnabled)
            number = QStringLiteral("<a href=\"dial:%1\" title=\"%2\">%3</a>")
                         .arg(phone.number.toHtmlEscaped(), tr("Call this number").toHtmlEscaped(),
                             number);
        QString line = QStringLiteral("<span style=\"white-space:nowrap\">%1</span>").arg(number);
        if (!phone.type.isEmpty())
            // On a narrow card the type goes under the number rather than past the edge.
            line += QStringLiteral("&nbsp; ") + dim(phonetypes::label(phone.type));
        phones << line;
    }
    addRow(tr("Phones"), phones.isEmpty() ? dim(tr("none")) : phones.join(QStringLiteral("<br>")),
        QStringLiteral("phones"));
    if (!person.emails.isEmpty()) {
        // Elided in the middle: the start of the name and the domain both stay readable.
        QList<ElidedLabel::Line> emails;
        for (const QString &email : person.emails)
            emails.append({email, QStringLiteral("mailto:") + email});
        addElidedRow(tr("E-mails"), emails, QStringLiteral("emails"), Qt::ElideMiddle);
    }
    addRow(tr("Responsible"),
        person.responsibleId ? m_people->name(person.responsibleId).toHtmlEscaped()
                             : dim(tr("nobody")),
        QStringLiteral("responsible"));
    for (auto it = person.fields.constBegin(); it != person.fields.constEnd(); ++it) {
        const QString text = it.value().isBool() ? (it.value().toBool() ? tr("yes") : tr("no"))
                                                 : fieldText(it.value());
        // One line elides (an address, a number, a link); text of several lines wraps.
        if (text.contains(u'\n'))
            addRow(it.key(), text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")),
                QStringLiteral("field:") + it.key());
        else
            addElidedRow(
                it.key(), {{text, {}}}, QStringLiteral("field:") + it.key(), Qt::ElideRight);
    }
    emit rowsChanged();
}

QString ContactDetails::rowText(const QString &label) const
{
    for (int row = 0; row < m_form->rowCount(); ++row) {
        auto *caption
            = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (caption && value && caption->text() == label) {
            if (auto *elided = qobject_cast<ElidedLabel *>(value))
                return elided->fullText();
            QTextDocument doc;
            doc.setHtml(value->text());
            return doc.toPlainText();
        }
    }
    return {};
}

void ContactDetails::setDialEnabled(bool enabled)
{
    m_dialEnabled = enabled;
    if (m_person.id)
        setPerson(m_person);
}

void ContactDetails::setDialling(const QString &number, bool dialling)
{
    if (dialling)
        m_dialling.insert(number);
    else
        m_dialling.remove(number);
    if (m_person.id)
        setPerson(m_person);
}

} // namespace linecard::ui
