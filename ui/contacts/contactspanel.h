#pragma once

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QListView;
class QTimer;

namespace linecard {
class ContactListModel;
}

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// The contacts area's list: search results for the main window's search box, fetched page
// by page as the operator scrolls; Enter or a double-click opens a contact.
class ContactsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContactsPanel(client::Session *session, QWidget *parent = nullptr);

    // The main window's search box, as the operator types (searched after a short pause).
    void setSearchText(const QString &text);
    // contact.updated / contact.merged from the event stream.
    // Runs the current search again (after a resync).
    void reload();

    QString searchText() const { return m_pendingText; }

signals:
    void openContact(qint64 contactId);

private:
    // Live events (Session::router()).
    void onContactUpdated(const QJsonObject &contact);
    void onContactMerged(const QJsonObject &merge);
    void runSearch();
    void newContact();
    void updateStatus();

    client::Session *m_session;
    ContactListModel *m_model;
    QListView *m_list;
    QLabel *m_status;
    QTimer *m_debounce;
    QString m_pendingText; // what the box says
    QString m_searchedText; // what the list shows
};

} // namespace linecard::ui
