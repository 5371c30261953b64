#pragma once
#include <vector>

#include "core/forecast.h"
#include "core/schedule.h"
#include "core/workspace.h"

namespace cairn {

struct CalendarOptions {
  Date project_start;  // usually today: the plan is of the work that remains
  WorkCalendar calendar;
};

// A project's tasks and dependencies as inputs for compute_schedule and
// MonteCarloForecast. Choices:
//   - Duration: the buffered estimate of core/estimate.h (PERT mean when all
//     three points are set, else the likely value, times the stage's buffer
//     factor), the figure the board, sprints and health already show.
//   - Ranges: the three points sorted and times the same factor; with fewer
//     than three points, the likely value for all three (nothing to draw).
//   - Done tasks take 0 days (their work is behind `project_start`) and keep
//     no pinned start; other tasks count in full, progress is not tracked.
//   - Task.start is a "start no earlier than" date: someone wrote down when
//     the work can begin, so the schedule never puts it earlier; a late
//     predecessor still pushes it later. A start before project_start has no
//     effect. (Treating it as a fixed date would let the plan break its own
//     dependencies.)
//   - Tasks without an estimate take 0 days and are listed in `unestimated`.
//   - Milestones are the tasks estimated at exactly 0 likely days, and the
//     tasks gates wait for (Gate::milestone).
//   - The project's holidays are added to the calendar's.
//   - Dependencies are the project's Dependency items; a predecessor outside
//     the project is reported by compute_schedule as an unknown task.
// Tasks come in board order (order, then id), so results are stable.
struct ProjectPlan {
  ScheduleInput input;
  std::vector<ThreePoint> ranges;  // one per input task
  std::vector<Id> unestimated;
  std::vector<Id> milestones;
  struct GateMilestone {
    Id gate;
    std::size_t milestone = 0;  // index in `milestones`
  };
  std::vector<GateMilestone> gate_milestones;  // gates whose task is in the plan
};

ProjectPlan schedule_input_from(const Workspace& workspace, Id project, const CalendarOptions& options);

// The plan as a forecast input (ranges and milestones included).
ForecastInput forecast_input_from(const ProjectPlan& plan, DurationDistribution distribution, std::uint64_t seed);

}  // namespace cairn
