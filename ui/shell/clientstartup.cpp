#include "clientstartup.h"

#include "mainwindow.h"
#include "signindialog.h"

#include "app/appsettings.h"
#include "app/localworkspace.h"
#include "app/session.h"
#include "app/tokenstore.h"

#include <QCoreApplication>

#include <utility>

namespace linecard::ui {

using client::AppSettings;

ClientStartup::ClientStartup(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_tokens(std::make_unique<client::TokenStore>())
    , m_session(new client::Session(m_tokens.get(), this))
{
    connect(m_session, &client::Session::signedIn, this, &ClientStartup::onSignedIn);
    connect(m_session, &client::Session::signedOut, this, &ClientStartup::onSignedOut);
    connect(m_session, &client::Session::signInFailed, this,
        [this](const QString &reason) { showSignIn(reason); });
    connect(m_tokens.get(), &client::TokenStore::keychainUnavailable, this,
        [this](const QString &reason) {
            if (m_dialog)
                m_dialog->showNotice(
                    tr("No keychain service is running (%1); the sign-in token is kept in a file "
                       "only you can read.")
                        .arg(reason));
        });
}

ClientStartup::~ClientStartup()
{
    delete m_window;
    delete m_dialog;
}

MainWindow *ClientStartup::mainWindow() const
{
    return m_window;
}

void ClientStartup::start()
{
    AppSettings settings;
    if (m_options.demo || m_options.local) {
        openLocal(m_options.demo);
    } else if (m_options.server.isValid()) {
        showSignIn();
        m_dialog->setServer(m_options.server, m_options.login);
    } else if (settings.workspace() == AppSettings::Workspace::Local) {
        openLocal(false);
    } else if (settings.workspace() == AppSettings::Workspace::Server
        && settings.lastServerUrl().isValid()) {
        m_session->resume(settings.lastServerUrl(), settings.lastLogin());
    } else {
        showSignIn();
    }
}

void ClientStartup::showSignIn(const QString &error)
{
    if (!m_dialog) {
        m_dialog = new SignInDialog;
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        AppSettings settings;
        m_dialog->setServer(settings.lastServerUrl(), settings.lastLogin());
        connect(m_dialog, &SignInDialog::connectRequested, this, [this] {
            connectToServer(m_dialog->serverUrl(), m_dialog->login(), m_dialog->password());
        });
        connect(m_dialog, &SignInDialog::localRequested, this, [this] { openLocal(false); });
        connect(m_dialog, &QDialog::rejected, this, [this] {
            if (!m_window)
                QCoreApplication::quit();
        });
    }
    if (!error.isEmpty())
        m_dialog->showError(error);
    m_dialog->show();
    m_dialog->raise();
}

void ClientStartup::openLocal(bool demo)
{
    m_usingLocal = true;
    if (m_dialog)
        m_dialog->setBusy(true, tr("Opening the local workspace…"));
    if (!m_local) {
        const QString dir = !m_options.dataDir.isEmpty() ? m_options.dataDir
            : demo ? client::LocalWorkspace::defaultDataDir() + QStringLiteral("-demo")
                   : client::LocalWorkspace::defaultDataDir();
        m_local = std::make_unique<client::LocalWorkspace>(dir, demo);
        connect(m_local.get(), &client::LocalWorkspace::ready, this,
            [this](const QUrl &url, const QString &login, const QString &password) {
                m_session->signIn(url, login, password, false);
            });
        connect(
            m_local.get(), &client::LocalWorkspace::failed, this, [this](const QString &reason) {
                showSignIn(tr("The local workspace could not start: %1").arg(reason));
            });
        m_local->start();
    }
}

void ClientStartup::connectToServer(const QUrl &url, const QString &login, const QString &password)
{
    m_usingLocal = false;
    m_dialog->setBusy(true, tr("Connecting to %1…").arg(url.toString()));
    m_session->signIn(url, login, password);
}

void ClientStartup::onSignedIn()
{
    AppSettings settings;
    if (m_usingLocal) {
        if (!m_options.demo)
            settings.setWorkspace(AppSettings::Workspace::Local);
    } else {
        settings.setWorkspace(AppSettings::Workspace::Server);
        settings.setLastServerUrl(m_session->serverUrl());
        settings.setLastLogin(m_session->me().login);
    }
    m_window = new MainWindow(m_session);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, m_session, &client::Session::signOut);
    if (!std::exchange(m_options.minimized, false)) // only the first window starts hidden
        m_window->show();
    // The dialog goes only once the window exists: closing it rejects it, and a rejected
    // dialog with no window behind it means "the user gave up" and quits the app.
    if (m_dialog) {
        m_dialog->disconnect(this);
        m_dialog->close();
    }
    emit ready();
}

void ClientStartup::onSignedOut()
{
    AppSettings settings;
    settings.setWorkspace(AppSettings::Workspace::None);
    m_local.reset();
    if (m_window) {
        m_window->disconnect(this);
        m_window->closeForGood(); // not into the tray: this session is over
    }
    showSignIn();
}

} // namespace linecard::ui
