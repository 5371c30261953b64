#pragma once
#include "core/id.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The recorded changes of one item and of the items directly under it (a
// task's checklist, a gate's criteria), newest first, under a collapsed
// "History (N)" header: when, who, and what changed from what to what.
// Stored histories still being decoded are waited for only when it is open.
void draw_history(ViewContext& ctx, Id id);

// A small "↺" button that shows the same list in a popup, for rows of a
// table (the risk register).
void history_button(ViewContext& ctx, Id id);

}  // namespace cairn::ui
