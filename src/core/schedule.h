#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/enums.h"
#include "core/id.h"
#include "core/time.h"
#include "core/work_calendar.h"

namespace cairn {

// Critical Path Method over plain inputs (core/schedule_input.h builds them
// from a project). Everything runs in O(tasks + dependencies).
//
// Time: offsets are working days from the project start; offset 0 is the
// start of working day 0 (the first working day on or after the project
// start). Fractional durations and lags are kept, rounded to a thousandth of
// a working day (kTicksPerDay) and computed in integers: sums are exact, so
// "critical" is exactly zero slack and the results never depend on the order
// of the input. Rounding each task up to whole days would add up to a day
// per task along a chain and bias the Monte Carlo forecast.

inline constexpr std::int64_t kTicksPerDay = 1000;

struct ScheduleTask {
  Id id;
  double duration_days = 0;          // working days, >= 0
  std::optional<Date> pinned_start;  // "start no earlier than": a lower bound, never pulls a task earlier
};

// `successor` may not start (SS, FS) or finish (FF, SF) before `predecessor`
// has started (SS, SF) or finished (FS, FF), plus lag_days.
struct ScheduleDependency {
  Id predecessor, successor;
  DependencyType type = DependencyType::finish_to_start;
  double lag_days = 0;  // working days; negative is a lead (overlap)
};

struct ScheduleInput {
  std::vector<ScheduleTask> tasks;
  std::vector<ScheduleDependency> dependencies;
  Date project_start;
  WorkCalendar calendar;
};

enum class ScheduleProblemKind {
  unknown_task,    // a dependency names a task that is not in the input: the dependency is ignored
  duplicate_task,  // a second task with the same id: dependencies name the first one
  invalid_number,  // a negative, infinite or NaN duration or lag: 0 is used
  cycle,           // tasks depending on each other in a circle: the dependencies among them are ignored
};

struct ScheduleProblem {
  static constexpr std::size_t kNoDependency = static_cast<std::size_t>(-1);
  ScheduleProblemKind kind = ScheduleProblemKind::unknown_task;
  // The unknown or duplicate id, the task with the bad number, or every task
  // of one cycle (a strongly connected group, in input order).
  std::vector<Id> tasks;
  std::size_t dependency = kNoDependency;  // index in ScheduleInput::dependencies, when one is at fault
};

struct TaskSchedule {
  Id id;
  double duration_days = 0;  // as scheduled (rounded to a tick, 0 for an invalid value)
  double early_start = 0, early_finish = 0, late_start = 0, late_finish = 0;  // working-day offsets
  // Start dates are the working day an offset falls in; a finish at offset f
  // is the last day worked, ceil(f) - 1. A zero-length task (a milestone)
  // has one date for both: the last day of the work before it (a milestone
  // right after a task that ends on Friday is on that Friday, as Gantt
  // charts show it), or its pinned day when the pin is what holds it.
  Date early_start_date, early_finish_date, late_start_date, late_finish_date;
  double total_slack = 0;  // late_start - early_start
  double free_slack = 0;   // delay possible without moving any successor (or the project finish)
  bool critical = false;   // total slack is zero
};

struct Schedule {
  std::vector<TaskSchedule> tasks;  // one per input task, in input order
  double duration_days = 0;         // the latest early finish
  Date start_date;                  // working day 0
  Date finish_date;                 // last working day of the project (start_date when it is empty)
  // Indexes into `tasks`: every critical task by early start, then id.
  std::vector<std::size_t> critical_tasks;
  // One driving chain of critical tasks from a task that starts at the
  // project start (or at its pinned date) to one that ends the project; each
  // link is a dependency with no room. Ties go to the smallest id.
  std::vector<std::size_t> critical_chain;
  std::vector<ScheduleProblem> problems;

  const TaskSchedule* find(Id id) const;
};

Schedule compute_schedule(const ScheduleInput& input);

}  // namespace cairn
