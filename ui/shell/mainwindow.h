#pragma once

#include "navigationhistory.h"

#include <QJsonObject>
#include <QMainWindow>

#include <functional>
#include <utility>

class QAction;
class QLineEdit;
class QStackedWidget;
class QTimer;

namespace linecard::client {
class CallCenter;
class Session;
} // namespace linecard::client

namespace linecard::ui {

class CallWindowStack;
class CallsPanel;
class ContactCard;
class ContactsPanel;
class TaskView;
class TasksPanel;

// The operator's window: Tasks and Contacts areas (each a list beside its detail) and Calls,
// one search box for the area shown, back/forward between the places visited, and the
// connection state always in the status bar. A contact signed in gets the simplified
// interface: their tasks only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(client::Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openTask(qint64 taskId);
    void openContact(qint64 contactId);
    void showArea(Place::Area area);
    // The Calls area with one of its lists (the tray's Current calls / Missed calls).
    void showCallList(bool missed);
    Place currentPlace() const { return m_history.current(); }
    NavigationHistory &history() { return m_history; }

    TasksPanel *tasksPanel() const { return m_tasks; }
    TaskView *taskView() const { return m_taskView; }
    ContactsPanel *contactsPanel() const { return m_contacts; }
    ContactCard *contactCard() const { return m_card; }
    QLineEdit *searchBox() const { return m_search; }
    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }
    // Employees only (nullptr otherwise): their calls, the call windows, the Calls area.
    client::CallCenter *callCenter() const { return m_calls; }
    CallWindowStack *callWindows() const { return m_callWindows; }
    CallsPanel *callsPanel() const { return m_callsPanel; }
    // Administrators only (nullptr otherwise): the account settings in the account menu.
    QAction *accountSettingsAction() const { return m_accountSettings; }
    // Administrators only: opens the integration log window.
    QAction *integrationLogAction() const { return m_integrationLog; }
    // Administrators only: people, lines and PBX providers; the first-run set-up steps.
    QAction *administrationAction() const { return m_administration; }
    QAction *setupAction() const { return m_setup; }
    void openAccountSettings();

    // Closing the window only hides it while trayShown() says a tray icon is there to bring
    // it back (incoming calls still pop up); without one, closing closes as always.
    void setHidesToTray(std::function<bool()> trayShown) { m_trayShown = std::move(trayShown); }
    // Quits the application: the account menu's Quit (Ctrl+Q) and the tray's Quit.
    QAction *quitAction() const { return m_quitAction; }
    void quit();
    // Tests replace QCoreApplication::quit, which would end the test.
    void setQuitFunction(std::function<void()> quit) { m_quit = std::move(quit); }
    // Closes even with a tray shown (signing out ends this window's session).
    void closeForGood();

signals:
    void signOutRequested();
    // Closed into the tray (the tray says once that the client goes on running).
    void hiddenToTray();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The pages of m_areas, in the order they are added (employees have all three).
    enum Area
    {
        TasksArea = 0,
        ContactsArea = 1,
        CallsArea = 2
    };

    void go(const Place &place, bool record);
    void applySearch();
    void reloadAll();
    void updateActions();
    void newTask(qint64 contactId, bool asCounterparty);

    client::Session *m_session;
    NavigationHistory m_history;
    QStackedWidget *m_areas;
    TasksPanel *m_tasks;
    TaskView *m_taskView;
    ContactsPanel *m_contacts = nullptr;
    ContactCard *m_card = nullptr;
    QLineEdit *m_search;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_tasksAction;
    QAction *m_contactsAction = nullptr;
    client::CallCenter *m_calls = nullptr;
    CallWindowStack *m_callWindows = nullptr;
    CallsPanel *m_callsPanel = nullptr;
    QAction *m_callsAction = nullptr;
    QAction *m_accountSettings = nullptr;
    QAction *m_integrationLog = nullptr;
    QAction *m_administration = nullptr;
    QAction *m_setup = nullptr;
    QAction *m_quitAction = nullptr;
    std::function<bool()> m_trayShown;
    std::function<void()> m_quit;
    bool m_closing = false; // quitting or signing out: a close must not just hide
};

} // namespace linecard::ui
