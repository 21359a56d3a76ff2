#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QRect;
class QScreen;
class QWidget;

namespace linecard::client {
class CallCenter;
class Session;
} // namespace linecard::client

namespace linecard::ui {

class CallWindow;

// Owns the call windows: one per call, never two; opened when a call rings for the operator
// (or when they take one), updated in place, closed when a colleague answered. They stack
// down from the top right of the screen up to a cap — past it the oldest finished call's
// window goes first — and pop up without taking the keyboard from what the operator types.
class CallWindowStack : public QObject
{
    Q_OBJECT
public:
    CallWindowStack(client::Session *session, client::CallCenter *calls, QObject *parent = nullptr);
    ~CallWindowStack() override;

    static constexpr int defaultCap = 5;
    void setCap(int cap);
    int cap() const { return m_cap; }
    // Do not disturb: ringing calls pop up no window (the Calls area still lists them, and
    // a call the operator takes or opens still gets its window).
    void setPopUpsHeld(bool held) { m_held = held; }
    bool popUpsHeld() const { return m_held; }

    // Opens the call's window, or brings the one there is forward; activate only when the
    // operator asked for it (a click), never for a call that pops up by itself.
    CallWindow *present(qint64 callId, bool activate = false);
    CallWindow *window(qint64 callId) const;
    QList<CallWindow *> windows() const; // oldest first

    // The part of the screen call windows keep to: right of the main window's centre (of
    // the screen's, with no main window shown), inside the margins. The main window is the
    // stack's parent widget, if any.
    QRect room(QScreen *screen) const;
    static QRect roomBeside(const QRect &screen, const QRect &mainWindow);

signals:
    void windowOpened(qint64 callId);
    void openContactRequested(qint64 contactId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void enforceCap();
    void place(CallWindow *window);
    void forget(QObject *window);
    // Hands the keyboard back to where the operator typed; the pop-up stays on top.
    void giveKeyboardBack();
    // The activation of a pop-up is judged: no more watching the application's input.
    void settle();

    client::Session *m_session;
    client::CallCenter *m_calls;
    QList<QPointer<CallWindow>> m_windows;
    int m_cap = defaultCap;
    bool m_held = false;
    // While a window pops up: where the keyboard was, to give it back if the platform
    // activates the new window anyway.
    QPointer<QWidget> m_returnWindow;
    QPointer<QWidget> m_returnFocus;
    QPointer<CallWindow> m_popping;
    // A pop-up the platform activated, until the first click or key says whether the
    // operator meant it (and, handing back, until it has given the keyboard away).
    QPointer<CallWindow> m_undecided;
    bool m_handingBack = false;
};

} // namespace linecard::ui
