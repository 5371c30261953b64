#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

// The task editor (a window beside the current view) for nav.open_task:
// every field, the three-point estimate with the buffered figure beside it,
// the definition-of-done checklist, dependencies, blockers and the history.
void draw_task_editor(ViewContext& ctx);

}  // namespace cairn::ui
