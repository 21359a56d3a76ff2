#pragma once

#include <QWidget>

class QTabWidget;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

class LinesPage;
class PeoplePage;
class ProvidersPage;

// The administrators' window (account menu → Administration): people, lines and PBX
// providers on three tabs. Not modal: calls pop up and events arrive while it is open.
class AdminWindow : public QWidget
{
    Q_OBJECT
public:
    enum class Tab
    {
        People,
        Lines,
        Providers
    };

    explicit AdminWindow(client::Session *session, QWidget *parent = nullptr);

    // The one window per main window, raised and switched to `tab`.
    static AdminWindow *showFor(client::Session *session, QWidget *parent, Tab tab = Tab::People);

    void showTab(Tab tab);
    QTabWidget *tabs() const { return m_tabs; }
    PeoplePage *people() const { return m_people; }
    LinesPage *lines() const { return m_lines; }
    ProvidersPage *providers() const { return m_providers; }

private:
    QTabWidget *m_tabs;
    PeoplePage *m_people;
    LinesPage *m_lines;
    ProvidersPage *m_providers;
};

} // namespace linecard::ui
