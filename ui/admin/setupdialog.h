#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace linecard::client {
class Session;
}

namespace linecard::ui {

// First run: on a server with no lines and no PBX providers an administrator is offered
// three steps (add a line, connect a PBX, add operators), each skippable; reachable later
// from the account menu. Each step opens the administration window at the right place.
class SetupDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SetupDialog(client::Session *session, QWidget *parent = nullptr);

    // Opens the dialog over `parent` (once it is shown) when the signed-in administrator's
    // server has neither lines nor providers yet; does nothing for anyone else.
    static void offerIfNeeded(client::Session *session, QWidget *parent);

    QPushButton *lineButton() const { return m_line; }
    QPushButton *providerButton() const { return m_provider; }
    QPushButton *peopleButton() const { return m_people; }
    QString stepState(int step) const; // 0 line, 1 provider, 2 operators

    // Re-reads what exists and ticks the steps done.
    void refresh();

signals:
    void refreshed();

private:
    void setDone(int step, bool done, const QString &text);

    client::Session *m_session;
    QPushButton *m_line;
    QPushButton *m_provider;
    QPushButton *m_people;
    QLabel *m_states[3];
};

} // namespace linecard::ui
