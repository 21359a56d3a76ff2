#include "callwindowstack.h"

#include "callwindow.h"

#include "app/callcenter.h"

#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QScreen>
#include <QSet>
#include <QTimer>

#include <utility>

namespace linecard::ui {

using client::CallCenter;

// How long after popping up an activation may be the platform's doing, not the operator's.
static constexpr int popUpGraceMs = 1500;
// How long an activation waits for the click that may have caused it (the window manager
// passes the click on right after it activates) before the keyboard goes back anyway.
static constexpr int activationVerdictMs = 300;
// Where in the stack a window sits (0: the top right corner).
static const char *const slotProperty = "callStackSlot";

CallWindowStack::CallWindowStack(client::Session *session, CallCenter *calls, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_calls(calls)
{
    connect(calls, &CallCenter::callRinging, this, [this](qint64 id) {
        if (!m_held)
            present(id, false);
    });
    connect(calls, &CallCenter::callTaken, this, [this](qint64 id) { present(id, true); });
    connect(calls, &CallCenter::callChanged, this, [this](qint64 id) {
        if (CallWindow *w = window(id))
            w->refresh();
    });
    connect(calls, &CallCenter::callTakenByColleague, this, [this](qint64 id) {
        if (CallWindow *w = window(id))
            w->close();
    });
}

CallWindowStack::~CallWindowStack()
{
    // The windows have no parent (they outlive whatever the main window does): ours to end.
    // Each one's end calls forget(), which edits m_windows: walk a list of our own.
    const QList<QPointer<CallWindow>> windows = std::exchange(m_windows, {});
    for (const QPointer<CallWindow> &w : windows)
        delete w.data();
}

void CallWindowStack::setCap(int cap)
{
    m_cap = qMax(1, cap);
    enforceCap();
}

CallWindow *CallWindowStack::window(qint64 callId) const
{
    for (const QPointer<CallWindow> &w : m_windows)
        if (w && w->callId() == callId)
            return w;
    return nullptr;
}

QList<CallWindow *> CallWindowStack::windows() const
{
    QList<CallWindow *> out;
    for (const QPointer<CallWindow> &w : m_windows)
        if (w)
            out.append(w);
    return out;
}

CallWindow *CallWindowStack::present(qint64 callId, bool activate)
{
    if (!m_calls->contains(callId))
        return nullptr;
    if (CallWindow *known = window(callId)) {
        known->refresh(); // a repeated event: the same window, never a second one
        if (activate) {
            known->showNormal();
            known->raise();
            known->activateWindow();
        }
        return known;
    }
    // Room for one more.
    while (!m_windows.isEmpty() && int(m_windows.size()) >= m_cap) {
        auto victim = std::find_if(
            m_windows.begin(), m_windows.end(), [this](const QPointer<CallWindow> &w) {
                return !w || m_calls->call(w->callId()).isOver();
            });
        if (victim == m_windows.end())
            victim = m_windows.begin(); // all live: the oldest goes (the Calls area keeps it)
        QPointer<CallWindow> w = *victim;
        m_windows.erase(victim);
        if (w)
            w->close();
    }

    auto *w = new CallWindow(m_session, m_calls, callId);
    // Parentless, so it would count as the last window when the main one is in the tray:
    // closing a call must never quit the client.
    w->setAttribute(Qt::WA_QuitOnClose, false);
    m_windows.append(w);
    connect(w, &QObject::destroyed, this, &CallWindowStack::forget);
    connect(w, &CallWindow::openContactRequested, this, &CallWindowStack::openContactRequested);
    place(w);
    if (activate) {
        w->show();
        w->raise();
        w->activateWindow();
    } else {
        // Whatever the operator is typing into keeps the keyboard.
        m_returnWindow = QApplication::activeWindow();
        m_returnFocus = QApplication::focusWidget();
        m_popping = w;
        w->setAttribute(Qt::WA_ShowWithoutActivating);
        w->installEventFilter(this);
        w->show();
        QTimer::singleShot(popUpGraceMs, this, [this, guard = QPointer<CallWindow>(w)] {
            if (m_popping == guard)
                m_popping = nullptr;
        });
    }
    emit windowOpened(callId);
    return w;
}

void CallWindowStack::enforceCap()
{
    while (int(m_windows.size()) > m_cap) {
        QPointer<CallWindow> w = m_windows.takeFirst();
        if (w)
            w->close();
    }
}

// Margin from the screen's edges and the main window's centre line.
static constexpr int Margin = 24;
// Narrower than this a call window is no use: on a small screen it may cover the centre.
static constexpr int NarrowestWindow = 480;

QRect CallWindowStack::roomBeside(const QRect &screen, const QRect &mainWindow)
{
    QRect room = screen.adjusted(Margin, Margin, -Margin, -Margin);
    const int centre = mainWindow.isValid() && screen.intersects(mainWindow)
        ? mainWindow.center().x()
        : screen.center().x();
    const int left = qMin(centre + Margin / 2, room.right() - NarrowestWindow + 1);
    room.setLeft(qMax(room.left(), left));
    return room;
}

QRect CallWindowStack::room(QScreen *screen) const
{
    if (!screen)
        return {};
    const auto *main = qobject_cast<const QWidget *>(parent());
    return roomBeside(screen->availableGeometry(),
        main && main->isVisible() && !main->isMinimized() ? main->frameGeometry() : QRect());
}

// Down from the top right corner, a step further for each window, so that stacked calls
// all show their coloured headers; all of them right of the main window's centre.
void CallWindowStack::place(CallWindow *window)
{
    QScreen *screen = QApplication::primaryScreen();
    if (QWidget *active = QApplication::activeWindow())
        screen = active->screen();
    if (!screen)
        return;
    window->setRoom([this, window] { return room(window->screen()); });
    const QRect room = this->room(screen);
    const QSize size = window->size().boundedTo(QSize(room.width(), room.height() * 9 / 10));
    window->resize(size);
    // The first free place down the stack, so that no window hides another.
    QSet<int> taken;
    for (const QPointer<CallWindow> &w : std::as_const(m_windows))
        if (w && w != window)
            taken.insert(w->property(slotProperty).toInt());
    int slot = 0;
    while (taken.contains(slot))
        ++slot;
    window->setProperty(slotProperty, slot);
    // Each next one lower by a header's height: both lines of the one under it stay visible.
    const int down = 64 * slot, left = 32 * slot;
    // The content may want more than the room (a small screen): then it still stays on it.
    const QRect screenRoom = screen->availableGeometry();
    const QSize shown = window->size().expandedTo(window->minimumSizeHint());
    const int x = qMin(qMax(room.left(), room.right() + 1 - shown.width() - left),
        screenRoom.right() + 1 - shown.width());
    window->move(qMax(screenRoom.left(), x),
        qMax(room.top(), qMin(room.top() + down, room.bottom() + 1 - shown.height())));
}

void CallWindowStack::forget(QObject *window)
{
    m_windows.removeIf([window](const QPointer<CallWindow> &w) { return !w || w == window; });
}

bool CallWindowStack::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_popping && event->type() == QEvent::MouseButtonPress)
        m_popping = nullptr; // the operator turned to the call: it may have the keyboard
    if (watched == m_popping && event->type() == QEvent::WindowActivate) {
        // The platform activated the new window: for the window manager's own reasons, or
        // because the operator clicked it (openbox activates before it passes the click on).
        // The first input decides; until then nothing typed lands in the pop-up.
        m_undecided = m_popping;
        m_popping = nullptr;
        qApp->installEventFilter(this);
        QTimer::singleShot(activationVerdictMs, this, [this, guard = m_undecided] {
            if (m_undecided == guard && !m_handingBack)
                giveKeyboardBack();
        });
        return false;
    }
    if (!m_undecided)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    const bool inPopUp = widget && widget->window() == m_undecided;
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TabletPress:
    case QEvent::TouchBegin:
        // A click: on the pop-up, the operator turned to the call and it keeps the keyboard;
        // elsewhere, the click activates what it hits. Either way the question is settled.
        settle();
        break;
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
        // Typing meant for the window the operator was in: it goes there, as does the keyboard.
        if (inPopUp && !(m_returnWindow && m_returnWindow->isVisible())) {
            settle(); // they typed nowhere of ours before: the pop-up may have the keys
        } else if (inPopUp) {
            if (!m_handingBack)
                giveKeyboardBack();
            if (event->type() != QEvent::ShortcutOverride && m_returnFocus) {
                auto *key = static_cast<QKeyEvent *>(event);
                QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->nativeScanCode(),
                    key->nativeVirtualKey(), key->nativeModifiers(), key->text(),
                    key->isAutoRepeat(), key->count(), key->device());
                QCoreApplication::sendEvent(m_returnFocus, &copy);
            }
            event->accept(); // an accepted ShortcutOverride keeps the pop-up's shortcuts out
            return true;
        }
        break;
    case QEvent::WindowDeactivate:
        if (watched == m_undecided)
            settle();
        break;
    default:
        break;
    }
    return false;
}

void CallWindowStack::giveKeyboardBack()
{
    m_handingBack = true;
    if (!m_returnWindow || !m_returnWindow->isVisible()) {
        settle();
        return;
    }
    m_returnWindow->activateWindow();
    if (m_returnFocus)
        m_returnFocus->setFocus(Qt::ActiveWindowFocusReason);
    // Window managers raise the window they activate: the call goes back on top, or it would
    // ring hidden behind the window the operator types in.
    if (QWidget *popUp = m_undecided)
        QTimer::singleShot(0, popUp, [popUp] { popUp->raise(); });
}

void CallWindowStack::settle()
{
    m_undecided = nullptr;
    m_handingBack = false;
    qApp->removeEventFilter(this);
}

} // namespace linecard::ui
