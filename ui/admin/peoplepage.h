#pragma once

#include "models/person.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// Administration: the employees (active and deactivated), searchable; add, edit (also the
// password and role), deactivate and reactivate. Follows person.* events, so what another
// administrator changes shows at once.
class PeoplePage : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePage(client::Session *session, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QLineEdit *searchEdit() const { return m_search; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *activeButton() const { return m_active; }
    QString errorText() const;
    bool isLoaded() const { return m_loaded; }
    QTreeWidgetItem *itemFor(qint64 personId) const;
    void select(qint64 personId);

    void reload();
    void addPerson(); // opens the dialog for a new employee
    void editSelected();
    void toggleSelectedActive();

signals:
    void loaded();
    void changed(const Person &person); // saved here or announced by the server

private:
    void show(const Person &person);
    void onPersonChanged(const QJsonObject &person);
    void applyFilter();
    void updateButtons();
    std::optional<Person> selected() const;

    client::Session *m_session;
    QLineEdit *m_search;
    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_active;
    QLabel *m_error;
    bool m_loaded = false;
};

} // namespace linecard::ui
