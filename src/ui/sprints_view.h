#pragma once
#include <set>

#include "ui/view_context.h"

namespace cairn::ui {

struct SprintsState {
  Id planning;          // the sprint whose "plan from backlog" list is open
  std::set<Id> chosen;  // backlog tasks ticked for it
};

// Discovery and delivery sprints: goal and dates, capacity of the team
// against the buffered estimates planned into the sprint, planning from the
// backlog, and rolling unfinished work over at the end.
void draw_sprints(ViewContext& ctx, SprintsState& state);

}  // namespace cairn::ui
