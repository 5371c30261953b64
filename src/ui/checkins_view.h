#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct CheckinsState {};

// Weekly async check-ins: done / next / blockers per person, who has not checked in.
void draw_checkins(ViewContext& ctx, CheckinsState& state);

}  // namespace cairn::ui
