#include "core/schedule_input.h"

#include <algorithm>
#include <unordered_set>

#include "core/estimate.h"

namespace cairn {
namespace {

std::vector<const Task*> tasks_of(const Workspace& workspace, Id project) {
  std::vector<const Task*> tasks;
  for (const Id child : workspace.children_of(project))
    if (const Task* task = workspace.find<Task>(child)) tasks.push_back(task);
  std::sort(tasks.begin(), tasks.end(), [](const Task* a, const Task* b) {
    return a->order != b->order ? a->order < b->order : a->id < b->id;
  });
  return tasks;
}

ThreePoint range_of(const Task& task, const Estimate& estimate) {
  if (!task.optimistic_days || !task.likely_days || !task.pessimistic_days) {
    const double likely = task.likely_days.value_or(0) * estimate.factor;
    return {likely, likely, likely};
  }
  double points[3] = {*task.optimistic_days, *task.likely_days, *task.pessimistic_days};
  std::sort(points, points + 3);
  return {points[0] * estimate.factor, points[1] * estimate.factor, points[2] * estimate.factor};
}

// Gates forecast the finish of the task they wait for: that task joins the
// milestones (once, and only when it is one of this plan's tasks, so that
// milestone indexes stay those of ForecastInput::milestones).
void add_gate_milestones(const Workspace& workspace, Id project, ProjectPlan& plan) {
  std::unordered_set<Id> in_plan;
  for (const ScheduleTask& t : plan.input.tasks) in_plan.insert(t.id);
  for (const Id child : workspace.children_of(project)) {
    const Gate* gate = workspace.find<Gate>(child);
    if (!gate || gate->milestone.nil() || !in_plan.count(gate->milestone)) continue;
    auto at = std::find(plan.milestones.begin(), plan.milestones.end(), gate->milestone);
    if (at == plan.milestones.end()) at = plan.milestones.insert(plan.milestones.end(), gate->milestone);
    plan.gate_milestones.push_back({gate->id, static_cast<std::size_t>(at - plan.milestones.begin())});
  }
}

}  // namespace

ProjectPlan schedule_input_from(const Workspace& workspace, Id project, const CalendarOptions& options) {
  ProjectPlan plan;
  plan.input.project_start = options.project_start;
  plan.input.calendar = options.calendar;
  if (const Project* p = workspace.find<Project>(project))
    for (const std::string& text : p->holidays)
      if (const std::optional<Date> day = parse_date(text)) plan.input.calendar.holidays.push_back(*day);
  for (const Task* task : tasks_of(workspace, project)) {
    const Estimate estimate = estimate_of(workspace, *task);
    const bool done = task->status == TaskStatus::done;
    ScheduleTask t{task->id, 0.0, std::nullopt};
    ThreePoint range;
    if (!estimate.buffered_days) {
      plan.unestimated.push_back(task->id);
    } else if (!done) {
      t.duration_days = *estimate.buffered_days;
      range = range_of(*task, estimate);
    }
    if (!done) t.pinned_start = task->start;
    if (task->likely_days && *task->likely_days == 0) plan.milestones.push_back(task->id);
    plan.input.tasks.push_back(t);
    plan.ranges.push_back(range);

    for (const Id child : workspace.children_of(task->id))
      if (const Dependency* d = workspace.find<Dependency>(child))
        plan.input.dependencies.push_back({d->predecessor, task->id, d->type, d->lag_days});
  }
  add_gate_milestones(workspace, project, plan);
  return plan;
}

ForecastInput forecast_input_from(const ProjectPlan& plan, DurationDistribution distribution, std::uint64_t seed) {
  return ForecastInput{plan.input, plan.ranges, plan.milestones, distribution, seed};
}

}  // namespace cairn
