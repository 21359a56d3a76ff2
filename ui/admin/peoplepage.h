#pragma once

#include "recordlistpage.h"

#include "models/person.h"

class QLineEdit;
class QPushButton;

namespace linecard::ui {

// Administration: the employees (active and deactivated), searchable; add, edit (also the
// password and role), deactivate and reactivate. Follows person.* events, so what another
// administrator changes shows at once.
class PeoplePage : public RecordListPage
{
    Q_OBJECT
public:
    explicit PeoplePage(client::Session *session, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *activeButton() const { return m_active; }

    void addPerson(); // opens the dialog for a new employee
    void editSelected() override;
    void toggleSelectedActive();

signals:
    void changed(const Person &person); // saved here or announced by the server

protected:
    void showRecord(const QJsonObject &record) override; // employees only
    void updateButtons() override;

private:
    void show(const Person &person);
    void applyFilter();
    std::optional<Person> selected() const;

    QLineEdit *m_search;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_active;
};

} // namespace linecard::ui
