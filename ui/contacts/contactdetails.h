#pragma once

#include "models/person.h"
#include "ui/common/elidedlabel.h"

#include <QSet>
#include <QWidget>

class QFormLayout;

namespace linecard {
class PeopleDirectory;
}

namespace linecard::ui {

// The contact's own data as a form: phones with their type, e-mails, the responsible
// employee and the custom fields. Everything is selectable, so it can be copied during a call.
class ContactDetails : public QWidget
{
    Q_OBJECT
public:
    ContactDetails(PeopleDirectory *people, QWidget *parent = nullptr);

    void setPerson(const Person &person);
    void clear();

    // Click-to-call: phones become links that ask to dial; one being dialled says so instead
    // (and takes no second click).
    void setDialEnabled(bool enabled);
    void setDialling(const QString &number, bool dialling);
    bool isDialling(const QString &number) const { return m_dialling.contains(number); }

    // The text of a row by its label ("Phones", a field name…), for tests.
    QString rowText(const QString &label) const;

signals:
    void dialRequested(const QString &number);
    // The rows were built again (another person, a number being dialled): the size may differ.
    void rowsChanged();

private:
    void addRow(const QString &label, const QString &html, const QString &name = {});
    // A value that must not be cut: each line elides with the whole value in the tooltip.
    void addElidedRow(const QString &label, const QList<ElidedLabel::Line> &lines,
        const QString &name, Qt::TextElideMode mode);
    void addRow(const QString &label, QLabel *value);
    QString dim(const QString &text) const;

    PeopleDirectory *m_people;
    QFormLayout *m_form;
    Person m_person;
    bool m_dialEnabled = false;
    QSet<QString> m_dialling;
};

} // namespace linecard::ui
