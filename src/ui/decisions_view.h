#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct DecisionsState {};

// The decision log: gate decisions and other decisions, chronological, exportable.
void draw_decisions(ViewContext& ctx, DecisionsState& state);

}  // namespace cairn::ui
