#pragma once
#include <vector>

#include "core/schedule.h"
#include "core/schedule_input.h"
#include "core/workspace.h"

namespace cairn {

// Over-allocation: the critical-path schedule ignores who does the work, so
// one person can end up with three tasks on the same days. Each open task's
// scheduled working days are charged to its assignee's weeks (a fractional
// first or last day counts by its fraction) and compared with the person's
// capacity: days per week scaled by the working days that week (holidays
// lower it).
struct WeekLoad {
  Id person;
  Date week;                 // the week's first day (per `first_weekday`)
  double assigned_days = 0;  // work scheduled for the person that week
  double capacity_days = 0;  // what the person can do that week
  std::vector<Id> tasks;     // the tasks charged to the week, in plan order
};

// The weeks in which a person of the project has more work than capacity,
// by person (name order), then week. Over by less than kOverloadTolerance
// days does not count: shown to a tenth of a day, it would read "3.0 d of
// 3.0 d" (fractional first and last days of buffered estimates).
inline constexpr double kOverloadTolerance = 0.05;
// `schedule` is compute_schedule(plan.input). first_weekday: 0 = Monday ... 6 = Sunday.
std::vector<WeekLoad> over_allocated_weeks(const Workspace& workspace, const ProjectPlan& plan,
                                           const Schedule& schedule, int first_weekday);

}  // namespace cairn
