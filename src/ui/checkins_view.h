#pragma once
#include <optional>

#include "core/time.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct CheckinsState {
  std::optional<Date> week;  // the Monday shown; unset: this week
  Id person;                 // whose check-in the editor shows; nil: the first row's
};

// Weekly async check-ins: one row per person of the project with their time
// zone, the deadline in UTC and in their zone, and whether they checked in;
// an editor for done / next / blockers of the chosen person.
void draw_checkins(ViewContext& ctx, CheckinsState& state);

}  // namespace cairn::ui
