#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct PostmortemsState {
  Id open;  // the post-mortem being edited; nil: the newest
};

// Post-mortems of the project or of its failed gates: went well / wrong,
// root causes, action items that become tasks in any project in one click.
void draw_postmortems(ViewContext& ctx, PostmortemsState& state);

}  // namespace cairn::ui
