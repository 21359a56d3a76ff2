#include "adminwindow.h"

#include "linespage.h"
#include "peoplepage.h"
#include "providerspage.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace linecard::ui {

AdminWindow::AdminWindow(client::Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_tabs(new QTabWidget(this))
    , m_people(new PeoplePage(session, m_tabs))
    , m_lines(new LinesPage(session, m_tabs))
    , m_providers(new ProvidersPage(session, m_tabs))
{
    setObjectName(QStringLiteral("adminWindow"));
    setWindowTitle(tr("Administration"));
    m_tabs->setAccessibleName(tr("Administration"));
    m_tabs->addTab(m_people, tr("&People"));
    m_tabs->addTab(m_lines, tr("&Lines"));
    m_tabs->addTab(m_providers, tr("P&BX providers"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    resize(760, 560);
}

AdminWindow *AdminWindow::showFor(client::Session *session, QWidget *parent, Tab tab)
{
    auto *window = parent ? parent->findChild<AdminWindow *>(QString(), Qt::FindDirectChildrenOnly)
                          : nullptr;
    if (!window) {
        window = new AdminWindow(session, parent);
        window->setAttribute(Qt::WA_DeleteOnClose);
    }
    window->showTab(tab);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void AdminWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

} // namespace linecard::ui
