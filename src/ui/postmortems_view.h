#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct PostmortemsState {};

// Post-mortems: went well / wrong, root causes, action items that become tasks.
void draw_postmortems(ViewContext& ctx, PostmortemsState& state);

}  // namespace cairn::ui
