#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace linecard::ui {

// Asks before something that cannot be undone; `yes` runs once the user agrees. Window-modal
// and non-blocking (open(), not exec()): events and calls go on while it is shown.
void confirm(
    QWidget *parent, const QString &question, const QString &action, std::function<void()> yes);

} // namespace linecard::ui
