#pragma once

#include <QObject>
#include <QPointer>

namespace linecard::client {
class SingleInstance;
}

namespace linecard::ui {

class ClientStartup;
class TrayIcon;

// The client as a desktop citizen: phone links and second starts handed over by
// SingleInstance raise the window and offer to dial, and the tray icon lives beside the
// main window. Links that arrive before sign-in wait for it.
class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    DesktopIntegration(
        ClientStartup *startup, client::SingleInstance *instance, QObject *parent = nullptr);

    // A link given on this process's own command line.
    void openLink(const QString &link);
    void activate();
    TrayIcon *trayIcon() const;

signals:
    // The dial offer is on screen (tests wait for it).
    void dialOffered(QWidget *dialog);

private:
    void onReady();
    void offerDial(const QString &link);

    ClientStartup *m_startup;
    QPointer<TrayIcon> m_tray;
    QString m_pendingLink;
};

} // namespace linecard::ui
