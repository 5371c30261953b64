#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/schedule.h"
#include "core/work_calendar.h"
#include "core/workspace.h"

namespace cairn {

// Baselines: a saved copy of a project's planned dates (model.h: Baseline
// and its BaselineTask children), and how far the plan has moved since.
// Status reports explain adjusted timelines with the variance.

// One task's planned dates: the days its timeline bar covers, so a baseline
// and its ghost bars match what the timeline showed when it was saved.
struct PlannedTask {
  Id task;
  Date start, finish;  // finish is the last day planned; a milestone has start == finish
  std::optional<double> estimate_days;  // buffered, unset when not estimated
};

struct PlannedDates {
  std::vector<PlannedTask> tasks;  // project order; tasks without a bar (done, no dates) are left out
  std::optional<Date> finish;      // the latest task finish: the project's planned finish
};

// The dates a project's tasks have now: written start and due when set, else
// where the critical-path schedule (of remaining work from `today`) puts them.
PlannedDates planned_dates(const Workspace& workspace, Id project, Date today);
// The same from a schedule the caller already has (compute_schedule over
// schedule_input_from(workspace, project, ...)).
PlannedDates planned_dates(const Workspace& workspace, Id project, const Schedule& schedule);

// Creates a Baseline named `name` under `project` with one BaselineTask per
// planned task: one undoable step ("Save baseline"). `created` gets its id.
Command save_baseline_command(Id project, const PlannedDates& plan, std::string name, Timestamp now, IdSource& ids,
                              Id* created = nullptr);

// "Baseline 2026-11-27", or "Baseline 2026-11-27 (2)" when the project has one of that name.
std::string next_baseline_name(const Workspace& workspace, Id project, Date today);

// The project's baselines, newest first (taken_at, then id).
std::vector<const Baseline*> baselines_of(const Workspace& workspace, Id project);

// `to` minus `from` in working days of `calendar`: 0 for the same day,
// positive when `to` is later. A weekend day counts as the Monday after it.
std::int64_t working_days_slip(Date from, Date to, const WorkCalendar& calendar = {});

struct TaskVariance {
  Id task;
  Date baseline_start, baseline_finish;
  Date start, finish;  // now
  std::int64_t start_slip = 0, finish_slip = 0;  // working days; positive: later than the baseline
};

struct BaselineVariance {
  Id baseline;
  std::vector<TaskVariance> tasks;  // planned then and now: most finish slip first, then by id
  std::vector<Id> added;      // planned now, not in the baseline (project order)
  std::vector<Id> removed;    // in the baseline, deleted (or moved to another project) since
  std::vector<Id> unplanned;  // in the baseline, still here but with no dates now (done without dates)
  std::optional<Date> baseline_finish, finish;
  std::optional<std::int64_t> finish_slip;  // when both finishes are known
};

// How `now` differs from the baseline. A BaselineTask without dates counts as
// not in the baseline.
BaselineVariance variance(const Workspace& workspace, Id baseline, const PlannedDates& now,
                          const WorkCalendar& calendar = {});
// The baseline against the project's plan from `today`.
BaselineVariance variance(const Workspace& workspace, Id project, Id baseline, Date today);

// Plain sentences for people and reports, e.g. "Finish moved 6 working days
// later than the baseline of 2026-11-02: 'Label 5k calls' slipped 4 working
// days, 'Train v1' 2." then tasks added and removed. At most `max_tasks`
// tasks are named.
std::vector<std::string> describe_variance(const Workspace& workspace, const BaselineVariance& variance,
                                           std::size_t max_tasks = 3);

}  // namespace cairn
