#pragma once
#include <cstddef>
#include <map>
#include <vector>

#include "core/commands.h"
#include "core/workspace.h"

namespace cairn {

struct SprintLoad {
  // Σ over the project's people of capacity_days_per_week x working days / 5.
  double capacity_days = 0;
  double planned_days = 0;    // sum of buffered estimates of its tasks (done ones too)
  double remaining_days = 0;  // the same, over the tasks not done
  std::size_t tasks = 0;
  std::size_t unestimated = 0;
  std::size_t done = 0;
  int working_days = 0;  // Monday to Friday, start to end inclusive
};

// Mondays to Fridays from `first` to `last`, both included; 0 when last < first.
int working_days(Date first, Date last);

// The load of a sprint; capacity 0 while its start or end is unset. The
// sprint's tasks are the tasks of its project whose `sprint` names it.
SprintLoad sprint_load(const Workspace& workspace, Id sprint);

// The loads of every sprint of a project, in one pass over its tasks.
std::map<Id, SprintLoad> sprint_loads(const Workspace& workspace, Id project);

// Puts tasks into a sprint: sets Task.sprint, and status todo for tasks still
// in the backlog status. Unknown ids, duplicates and tasks already there are
// skipped; an unknown (non-nil) sprint gives no ops. Label "Plan sprint".
Command plan_into_sprint(const Workspace& workspace, const std::vector<Id>& tasks, Id sprint);

// Moves every task of `sprint` that is not done to `next_sprint`; nil moves
// them back to the backlog (sprint nil, and todo tasks return to status
// backlog, the reverse of planning; started ones keep their status).
// Label "Roll over N unfinished tasks" ("1 unfinished task"); no ops when
// nothing is left, or when next_sprint is neither nil nor a sprint.
Command roll_over(const Workspace& workspace, Id sprint, Id next_sprint);

}  // namespace cairn
