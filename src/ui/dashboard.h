#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

// The project at a glance: health (on track / at risk / off track) with its
// reasons, progress, next gates, success metrics against their targets, and
// budget against what experiments cost so far.
void draw_dashboard(ViewContext& ctx);

}  // namespace cairn::ui
