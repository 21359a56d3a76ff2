#include "phonefieldformatter.h"

#include "models/phonenumber.h"

#include <QLineEdit>
#include <QRegularExpression>

namespace linecard::ui {

PhoneFieldFormatter *PhoneFieldFormatter::install(QLineEdit *field, const QString &region)
{
    return new PhoneFieldFormatter(field, region);
}

PhoneFieldFormatter::PhoneFieldFormatter(QLineEdit *field, const QString &region)
    : QObject(field)
    , m_field(field)
    , m_region(region)
{
    // textEdited: only what the user types; setText() from code is shown as given.
    connect(field, &QLineEdit::textEdited, this, &PhoneFieldFormatter::reformat);
}

static int digitsBefore(const QString &text, int position)
{
    return PhoneNumber::digitsOnly(text.left(position)).size();
}

void PhoneFieldFormatter::reformat(const QString &text)
{
    static const QRegularExpression numberOnly(
        QStringLiteral("^[\\d\\s+()\\-.]*$"), QRegularExpression::UseUnicodePropertiesOption);
    // Deleting is left alone: a dash taken out would come straight back.
    const bool deleting = text.size() < m_lastText.size();
    m_lastText = text;
    if (deleting || !numberOnly.match(text).hasMatch())
        return;
    const QString formatted = PhoneNumber::formatAsYouType(text, m_region);
    if (formatted == text)
        return;
    // The cursor goes after the same digit it followed (or to the end when it was there).
    const bool atEnd = m_field->cursorPosition() >= text.size();
    const int digits = digitsBefore(text, m_field->cursorPosition());
    m_field->setText(formatted);
    m_lastText = formatted;
    if (atEnd)
        return;
    int position = 0;
    while (position < formatted.size() && digitsBefore(formatted, position) < digits)
        ++position;
    m_field->setCursorPosition(position);
}

} // namespace linecard::ui
