#pragma once

#include "models/person.h"

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

    // The text of a row by its label ("Phones", a field name…), for tests.
    QString rowText(const QString &label) const;

private:
    void addRow(const QString &label, const QString &html, const QString &name = {});
    QString dim(const QString &text) const;

    PeopleDirectory *m_people;
    QFormLayout *m_form;
    Person m_person;
};

} // namespace linecard::ui
