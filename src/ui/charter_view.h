#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

// The project's charter, every field editable in place: problem and goal,
// scope, people, success metrics (baseline -> current -> target with a small
// trend plot), data sources (personal data and missing owners flagged) and
// constraints.
void draw_charter(ViewContext& ctx);

}  // namespace cairn::ui
