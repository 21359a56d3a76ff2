#include "desktopintegration.h"

#include "calltraylink.h"
#include "clientstartup.h"
#include "dialofferdialog.h"
#include "mainwindow.h"
#include "trayicon.h"

#include "app/eventrouter.h"
#include "app/eventstream.h"
#include "app/phonelink.h"
#include "app/session.h"
#include "app/singleinstance.h"

#include <QMessageBox>

#include <utility>

namespace linecard::ui {

DesktopIntegration::DesktopIntegration(
    ClientStartup *startup, client::SingleInstance *instance, QObject *parent)
    : QObject(parent)
    , m_startup(startup)
{
    connect(startup, &ClientStartup::ready, this, &DesktopIntegration::onReady);
    if (instance) {
        connect(instance, &client::SingleInstance::activationRequested, this,
            &DesktopIntegration::activate);
        connect(
            instance, &client::SingleInstance::linkReceived, this, &DesktopIntegration::openLink);
    }
}

TrayIcon *DesktopIntegration::trayIcon() const
{
    return m_tray;
}

void DesktopIntegration::activate()
{
    MainWindow *window = m_startup->mainWindow();
    if (!window)
        return; // the sign-in dialog is up and in front already
    window->show();
    window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
    window->raise();
    window->activateWindow();
}

void DesktopIntegration::openLink(const QString &link)
{
    if (!m_startup->mainWindow()) {
        m_pendingLink = link; // offered once signed in
        return;
    }
    activate();
    offerDial(link);
}

void DesktopIntegration::offerDial(const QString &text)
{
    MainWindow *window = m_startup->mainWindow();
    const client::PhoneLink link = client::PhoneLink::parse(text);
    if (!link.isValid()) {
        QMessageBox::warning(
            window, tr("Call a number"), tr("“%1” is not a phone number to call.").arg(text));
        return;
    }
    // Not modal: the hand-over from a second start must not wait for the operator.
    auto *dialog = new DialOfferDialog(m_startup->session(), link, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    emit dialOffered(dialog);
}

void DesktopIntegration::onReady()
{
    MainWindow *window = m_startup->mainWindow();
    client::Session *session = m_startup->session();
    if (TrayIcon::isAvailable()) {
        // Owned by the window: a new sign-in gets a tray bound to its own session.
        m_tray = new TrayIcon(session->events(), session->me().id, session->people(), window);
        connect(m_tray, &TrayIcon::openRequested, this, &DesktopIntegration::activate);
        // Through the window, so that it closes for good instead of into the tray.
        connect(m_tray, &TrayIcon::quitRequested, window, &MainWindow::quit);
        window->setHidesToTray([tray = m_tray] { return tray && tray->isShown(); });
        connect(window, &MainWindow::hiddenToTray, m_tray, &TrayIcon::showRunningInTrayHint);
        connect(m_tray, &TrayIcon::taskRequested, window, [this, window](qint64 id) {
            activate();
            window->openTask(id);
        });
        connect(m_tray, &TrayIcon::contactRequested, window, [this, window](qint64 id) {
            activate();
            window->openContact(id);
        });
        connect(m_tray, &TrayIcon::callsRequested, window, [this, window](TrayIcon::CallList list) {
            activate();
            window->showCallList(list == TrayIcon::CallList::Missed);
        });
        connect(session->router(), &client::EventRouter::commentCreated, m_tray,
            &TrayIcon::notifyComment);
        if (window->callCenter()) // employees: calls counted and announced in the tray
            new CallTrayLink(window->callCenter(), m_tray, window->callWindows());
        m_tray->show();
    }
    if (!m_pendingLink.isEmpty())
        openLink(std::exchange(m_pendingLink, QString()));
}

} // namespace linecard::ui
