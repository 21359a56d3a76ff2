#pragma once

namespace linecard::ui {

// How long typing pauses before a search box asks the server: one value for every box,
// and each search is debounced once (where the text is used), never twice on its way.
constexpr int searchDebounceMs = 250;

} // namespace linecard::ui
