#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace linecard::client {
class LocalWorkspace;
class Session;
class TokenStore;
} // namespace linecard::client

namespace linecard::ui {

class MainWindow;
class SignInDialog;

// From start to the main window: the last server and user come back signed in, the local
// workspace opens by itself, otherwise the sign-in dialog asks; signing out returns there.
class ClientStartup : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool demo = false; // local workspace with demo data, signed in as the demo operator
        bool local = false; // local workspace
        QUrl server; // connect to this server (asks for the password)
        QString login;
        QString dataDir; // the local workspace's folder (default: the user's data folder)
        bool minimized = false; // start in the tray: the main window stays hidden
    };

    explicit ClientStartup(const Options &options, QObject *parent = nullptr);
    ~ClientStartup() override;

    void start();
    MainWindow *mainWindow() const;
    client::Session *session() const { return m_session; }

signals:
    // The main window is up and the session live (tests and benchmarks wait for this).
    void ready();

private:
    void showSignIn(const QString &error = {});
    void openLocal(bool demo);
    void connectToServer(const QUrl &url, const QString &login, const QString &password);
    void onSignedIn();
    void onSignedOut();

    Options m_options;
    std::unique_ptr<client::TokenStore> m_tokens;
    client::Session *m_session;
    std::unique_ptr<client::LocalWorkspace> m_local;
    QPointer<SignInDialog> m_dialog;
    QPointer<MainWindow> m_window;
    bool m_usingLocal = false;
};

} // namespace linecard::ui
