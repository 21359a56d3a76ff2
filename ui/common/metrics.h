#pragma once

namespace linecard::ui {

// The width a form dialog opens at (new task, new contact, account settings): its fields
// hold a full name or a task title without scrolling, and it still fits beside a call
// window on a 1280 px screen.
constexpr int formDialogWidth = 520;

} // namespace linecard::ui
