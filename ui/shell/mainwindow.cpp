#include "mainwindow.h"

#include "connectionindicator.h"
#include "ui/admin/adminwindow.h"
#include "ui/admin/setupdialog.h"
#include "ui/calls/callspanel.h"
#include "ui/calls/callwindowstack.h"
#include "ui/contacts/contactcard.h"
#include "ui/contacts/contactspanel.h"
#include "ui/markdown/codehighlighter.h"
#include "ui/settings/accountsettingsdialog.h"
#include "ui/tasks/newtaskdialog.h"
#include "ui/tasks/taskspanel.h"
#include "ui/tasks/taskview.h"
#include "ui/telephony/integrationlogwindow.h"

#include "app/appsettings.h"
#include "app/callcenter.h"
#include "app/eventstream.h"
#include "app/session.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace linecard::ui {

MainWindow::MainWindow(client::Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_areas(new QStackedWidget(this))
    , m_tasks(new TasksPanel(session, this))
    , m_taskView(new TaskView(session, this))
    , m_search(new QLineEdit(this))
    , m_quit(&QCoreApplication::quit)
{
    setObjectName(QStringLiteral("mainWindow"));
    const bool employee = session->me().isEmployee();
    // The frame shows "Olga — Linecard": Qt adds the application's name itself.
    setWindowTitle(session->me().name);

    auto *tasksArea = new QSplitter(Qt::Horizontal, this);
    tasksArea->addWidget(m_tasks);
    tasksArea->addWidget(m_taskView);
    tasksArea->setStretchFactor(0, 2);
    tasksArea->setStretchFactor(1, 3);
    // Two fifths for the list from the start: left to the size hints, the thread took all
    // but a sliver and the titles were cut off. setSizes keeps the proportion, not the pixels.
    tasksArea->setSizes({2000, 3000});
    m_areas->addWidget(tasksArea);
    if (employee) {
        m_contacts = new ContactsPanel(session, this);
        m_card = new ContactCard(session, this);
        auto *contactsArea = new QSplitter(Qt::Horizontal, this);
        contactsArea->addWidget(m_contacts);
        contactsArea->addWidget(m_card);
        contactsArea->setStretchFactor(0, 2);
        contactsArea->setStretchFactor(1, 3);
        contactsArea->setSizes({2000, 3000});
        m_areas->addWidget(contactsArea);
        // Calls: the service first, then the windows that pop up and the Calls area.
        m_calls = session->callCenter();
        m_callWindows = new CallWindowStack(session, m_calls, this);
        m_callsPanel = new CallsPanel(session, m_calls, this);
        m_areas->addWidget(m_callsPanel);
        m_card->setCallCenter(m_calls);
    }
    setCentralWidget(m_areas);

    auto *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolBar"));
    toolbar->setMovable(false);
    m_back = toolbar->addAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("Back"));
    m_back->setShortcut(QKeySequence::Back);
    m_forward = toolbar->addAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("Forward"));
    m_forward->setShortcut(QKeySequence::Forward);
    toolbar->addSeparator();
    auto *areas = new QActionGroup(this);
    m_tasksAction = toolbar->addAction(tr("&Tasks"));
    m_tasksAction->setCheckable(true);
    m_tasksAction->setChecked(true);
    areas->addAction(m_tasksAction);
    if (employee) {
        m_contactsAction = toolbar->addAction(tr("&Contacts"));
        m_contactsAction->setCheckable(true);
        areas->addAction(m_contactsAction);
        connect(m_contactsAction, &QAction::triggered, this,
            [this] { showArea(Place::Area::Contacts); });
        m_callsAction = toolbar->addAction(tr("C&alls"));
        m_callsAction->setCheckable(true);
        areas->addAction(m_callsAction);
        connect(m_callsAction, &QAction::triggered, this, [this] { showArea(Place::Area::Calls); });
    }
    connect(m_tasksAction, &QAction::triggered, this, [this] { showArea(Place::Area::Tasks); });
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(360);
    m_search->setPlaceholderText(tr("Search tasks (Ctrl+F)"));
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(focusSearch);
    toolbar->addSeparator();
    toolbar->addWidget(m_search);
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    auto *account = new QToolButton(this);
    account->setText(session->me().name);
    account->setPopupMode(QToolButton::InstantPopup);
    auto *accountMenu = new QMenu(account);
    if (session->me().isEmployee() && session->me().isAdmin) {
        m_accountSettings = accountMenu->addAction(
            tr("Account &settings…"), this, &MainWindow::openAccountSettings);
        m_integrationLog = accountMenu->addAction(tr("&Integration log…"), this,
            [this, session] { IntegrationLogWindow::showFor(session, this); });
        m_administration = accountMenu->addAction(
            tr("&Administration…"), this, [this, session] { AdminWindow::showFor(session, this); });
        m_setup = accountMenu->addAction(tr("Set-&up steps…"), this, [this, session] {
            auto *dialog = new SetupDialog(session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->show();
        });
        accountMenu->addSeparator();
        // First run: a server without lines and PBX connections offers the set-up steps.
        SetupDialog::offerIfNeeded(session, this);
    }
    accountMenu->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    m_quitAction = accountMenu->addAction(tr("&Quit"), this, &MainWindow::quit);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    addAction(m_quitAction); // the shortcut works with the menu closed too
    account->setMenu(accountMenu);
    toolbar->addWidget(account);

    // Typing searches in the area shown; each area waits for a pause in typing itself
    // (searchDebounceMs), so the text is debounced once, not here as well.
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applySearch);

    statusBar()->addPermanentWidget(new ConnectionIndicator(session->events(), this));
    // Said once, when the first code block has to show without colours.
    connect(CodeHighlighter::instance(), &CodeHighlighter::unavailable, this,
        [this](const QString &reason) {
            statusBar()->showMessage(tr("Code blocks show without colours: %1").arg(reason), 15000);
        });
    statusBar()->showMessage(
        tr("Signed in as %1 at %2").arg(session->me().name, session->serverUrl().toString()));

    connect(m_back, &QAction::triggered, this, [this] { go(m_history.back(), false); });
    connect(m_forward, &QAction::triggered, this, [this] { go(m_history.forward(), false); });
    connect(m_tasks, &TasksPanel::openTask, this, &MainWindow::openTask);
    connect(m_taskView, &TaskView::openContact, this, &MainWindow::openContact);
    if (m_contacts) {
        connect(m_contacts, &ContactsPanel::openContact, this, &MainWindow::openContact);
        connect(m_card, &ContactCard::openContact, this, &MainWindow::openContact);
        connect(m_card, &ContactCard::openTask, this, &MainWindow::openTask);
        connect(m_card, &ContactCard::newTaskRequested, this, &MainWindow::newTask);
    }
    connect(session->events(), &client::EventStream::resyncNeeded, this, &MainWindow::reloadAll);

    client::AppSettings settings;
    if (!restoreGeometry(settings.mainWindowGeometry()))
        resize(1280, 800);
    if (m_calls) {
        connect(m_callsPanel, &CallsPanel::openCall, m_callWindows,
            [this](qint64 id) { m_callWindows->present(id, true); });
        connect(m_callsPanel, &CallsPanel::openContact, this, &MainWindow::openContact);
        connect(m_callWindows, &CallWindowStack::openContactRequested, this, [this](qint64 id) {
            openContact(id);
            showNormal();
            raise();
            activateWindow();
        });
        m_calls->reload();
    }
    go({Place::Area::Tasks, 0}, true);
}

MainWindow::~MainWindow() = default;

void MainWindow::openAccountSettings()
{
    // One at a time; non-modal, so calls and events go on while it is open.
    if (auto *open = findChild<AccountSettingsDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new AccountSettingsDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::quit()
{
    // QCoreApplication::quit() closes the visible windows first: this one closes for good
    // (state saved, deleted) rather than into the tray with a "still running" notice.
    m_closing = true;
    m_quit();
}

void MainWindow::closeForGood()
{
    m_closing = true;
    close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    client::AppSettings settings;
    settings.setMainWindowGeometry(saveGeometry());
    bool closing = m_closing || !m_trayShown || !m_trayShown();
#if QT_CONFIG(sessionmanager)
    closing = closing || qApp->isSavingSession(); // refusing would cancel the desktop's logout
#endif
    if (closing) {
        QMainWindow::closeEvent(event);
        return;
    }
    // The tray brings the window back; the session (and call pop-ups) go on meanwhile.
    event->ignore();
    hide();
    emit hiddenToTray();
}

void MainWindow::openTask(qint64 taskId)
{
    go({Place::Area::Tasks, taskId}, true);
}

void MainWindow::openContact(qint64 contactId)
{
    if (!m_card)
        return; // contacts browse no cards but their own tasks
    go({Place::Area::Contacts, contactId}, true);
}

void MainWindow::showArea(Place::Area area)
{
    // Back in an area shows what was open there last.
    Place place {area, 0};
    if (area == Place::Area::Tasks)
        place.id = m_taskView->taskId();
    else if (area == Place::Area::Contacts && m_card)
        place.id = m_card->contactId();
    go(place, true);
}

void MainWindow::showCallList(bool missed)
{
    if (!m_callsPanel)
        return; // contacts have no calls
    showArea(Place::Area::Calls);
    m_callsPanel->showTab(missed ? CallsPanel::MissedTab : CallsPanel::CurrentTab);
}

void MainWindow::go(const Place &place, bool record)
{
    if (record)
        m_history.visit(place);
    const bool contacts = place.area == Place::Area::Contacts && m_card;
    const bool calls = place.area == Place::Area::Calls && m_callsPanel;
    const int shown = calls ? CallsArea : contacts ? ContactsArea : TasksArea;
    const bool areaChanged = shown != m_areas->currentIndex();
    m_areas->setCurrentIndex(shown);
    (calls ? m_callsAction : contacts ? m_contactsAction : m_tasksAction)->setChecked(true);
    m_search->setPlaceholderText(calls ? tr("Search calls by name or number (Ctrl+F)")
            : contacts ? tr("Search contacts: name, company, e-mail, phone digits (Ctrl+F)")
                       : tr("Search tasks (Ctrl+F)"));
    if (areaChanged) {
        // The box's text belongs to the area shown now, even if typed in another one.
        applySearch();
    }
    if (contacts && place.id && place.id != m_card->contactId())
        m_card->showContact(place.id);
    if (!contacts && place.id && place.id != m_taskView->taskId())
        m_taskView->showTask(place.id);
    updateActions();
}

void MainWindow::applySearch()
{
    // Each area searches only while shown, so a query typed in Calls never filters tasks.
    const QString text = m_search->text();
    switch (m_areas->currentIndex()) {
    case CallsArea:
        m_callsPanel->setFilterText(text);
        break;
    case ContactsArea:
        m_contacts->setSearchText(text);
        break;
    default:
        m_tasks->setSearchText(text);
    }
}

void MainWindow::updateActions()
{
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
}

void MainWindow::reloadAll()
{
    statusBar()->showMessage(tr("Caught up with the server after a long disconnection."), 5000);
    m_tasks->reload();
    m_taskView->reload();
    if (m_contacts) {
        m_contacts->reload();
        m_card->reload();
    }
}

void MainWindow::newTask(qint64 contactId, bool asCounterparty)
{
    // The dialog is this window's child: it cannot outlive it.
    NewTaskDialog::openFor(
        m_session, contactId, asCounterparty, this, [this](qint64 taskId) { openTask(taskId); });
}

} // namespace linecard::ui
