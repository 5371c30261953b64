#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct CheckinsState {
  std::optional<Date> week;  // the Monday shown; unset: this week
  Id person;                 // whose check-in the editor shows; nil: the first row's
  // The rows as last drawn, for the automation API (a browser test reads
  // the deadlines the page's own time-zone lookup produced).
  struct ShownRow {
    std::string person, time_zone, deadline, status;
  };
  std::vector<ShownRow> shown;
};

// Weekly async check-ins: one row per person of the project with their time
// zone, the deadline in UTC and in their zone, and whether they checked in;
// an editor for done / next / blockers of the chosen person.
void draw_checkins(ViewContext& ctx, CheckinsState& state);

}  // namespace cairn::ui
