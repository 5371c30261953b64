#pragma once
#include <cstddef>
#include <cstdint>

#include "core/time.h"
#include "core/workspace.h"

namespace cairn::uitest {

// The day every UI test and benchmark runs on (fixed, so frames repeat).
Date test_today();

// A workspace as a busy team would have it: one project made from the
// computer-vision template, then people, sprints, metric readings, risks,
// gates, experiments and `tasks` tasks added through core commands (apply), each change
// recorded in the items' histories like the CommandStack does. Titles,
// statuses (every value), stages (every value), estimates, dates, tags,
// sprints, assignees, checklists, blockers and dependencies are spread the
// way a real project has them. The same seed gives the same workspace.
struct PlanningWorkspace {
  Workspace workspace;
  Id project;
  Id rich_task;  // has a checklist, blockers, dependencies, tags, a sprint
  std::size_t tasks = 0;
};

PlanningWorkspace make_planning_workspace(int tasks = 10000, std::uint64_t seed = 20261126);

}  // namespace cairn::uitest
