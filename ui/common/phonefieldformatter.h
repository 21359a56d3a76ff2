#pragma once

#include <QObject>

class QLineEdit;

namespace linecard::ui {

// Formats a phone field as the number is typed ("89161234567" shows "8 916 123-45-67"),
// through libphonenumber's AsYouTypeFormatter in the account's region. Only text made of
// digits, blanks, "+", "(", ")", "-" and "." is touched: an extension or a note typed after
// the number is left as it is. The cursor stays after the same digit.
class PhoneFieldFormatter : public QObject
{
    Q_OBJECT
public:
    // Formats `field` from now on; parented to it.
    static PhoneFieldFormatter *install(QLineEdit *field, const QString &region = QString());

private:
    PhoneFieldFormatter(QLineEdit *field, const QString &region);
    void reformat(const QString &text);

    QLineEdit *m_field;
    QString m_region;
    QString m_lastText;
};

} // namespace linecard::ui
