#pragma once
#include <cstddef>

#include "core/id.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The recorded changes of one item, newest first, under a collapsed
// "History (N)" header: when, who, and what changed from what to what.
// Stored histories still being decoded are waited for only when it is open.
// `kind_index` is the item's kind (kKindIndex<Task>, ...).
void draw_history(ViewContext& ctx, Id id, std::size_t kind_index);

// A small "↺" button that shows the same list in a popup, for rows of a
// table (the risk register).
void history_button(ViewContext& ctx, Id id, std::size_t kind_index);

}  // namespace cairn::ui
