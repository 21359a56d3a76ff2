#pragma once

class QWidget;

namespace linecard::ui {

// The window manager shows a window's title in its frame with " — Linecard" after it (Qt
// adds the application's display name), and cuts what does not fit. Makes the window at
// least as wide as its title needs there (within the screen). Call after setWindowTitle.
void fitWindowTitle(QWidget *window);

} // namespace linecard::ui
