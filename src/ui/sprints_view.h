#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "core/sprints.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct SprintsState {
  Id planning;          // the sprint whose "plan from backlog" list is open
  std::set<Id> chosen;  // backlog tasks ticked for it
  // The loads, computed once per change of the workspace (not per frame).
  Id loads_project;
  std::uint64_t loads_revision = ~0ull;
  std::map<Id, SprintLoad> loads;
  // The planning list's open tasks not in a sprint, also once per change.
  Id open_project;
  std::uint64_t open_revision = ~0ull;
  std::vector<Id> open;
};

// Discovery and delivery sprints: goal and dates, capacity of the team
// against the buffered estimates planned into the sprint, planning from the
// backlog, and rolling unfinished work over at the end.
void draw_sprints(ViewContext& ctx, SprintsState& state);

}  // namespace cairn::ui
