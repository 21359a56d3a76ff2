#include "windowtitle.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace linecard::ui {

// Room the frame takes besides the title: the icon and the buttons (close, maximise, …).
static constexpr int FrameRoom = 160;

void fitWindowTitle(QWidget *window)
{
    QString shown = window->windowTitle();
    const QString app = QGuiApplication::applicationDisplayName();
    if (!app.isEmpty() && !shown.endsWith(app))
        shown += QStringLiteral(" — ") + app;
    // Title bars mostly use a bold face of the desktop's font.
    QFont font = window->font();
    font.setBold(true);
    int needed = QFontMetrics(font).horizontalAdvance(shown) + FrameRoom;
    if (const QScreen *screen = window->screen())
        needed = qMin(needed, screen->availableGeometry().width() * 9 / 10);
    if (window->minimumWidth() < needed)
        window->setMinimumWidth(needed);
}

} // namespace linecard::ui
