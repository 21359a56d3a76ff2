#pragma once

#include <QHash>
#include <QObject>
#include <QString>

class QLabel;
class QWidget;

namespace linecard::client {
struct ApiFailure;
}

namespace linecard::ui {

// The error messages of a form: one red line under each field (by the API's field name)
// and one for the form as a whole. A dialog checks what it can before sending and shows
// the server's 422/409 message next to the field the server names.
class FieldErrors : public QObject
{
    Q_OBJECT
public:
    explicit FieldErrors(QWidget *form);

    // The editor with its (hidden) error line under it, as one widget for the form's row;
    // focus: what gets the keyboard when the field's error shows (default: the editor).
    QWidget *wrap(const QString &field, QWidget *editor, QWidget *focus = nullptr);
    QLabel *general() const { return m_general; }

    void clear();
    void show(const QString &field, const QString &message); // unknown field: general
    void show(const client::ApiFailure &failure);
    QString text(const QString &field) const; // "" when none is shown
    bool isEmpty() const;

private:
    static QLabel *errorLabel(QWidget *parent);

    QHash<QString, QLabel *> m_labels;
    QHash<QString, QWidget *> m_editors;
    QLabel *m_general;
};

} // namespace linecard::ui
