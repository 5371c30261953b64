#include "core/sprints.h"

#include <algorithm>
#include <set>

#include "core/estimate.h"

namespace cairn {
namespace {

// 0 = Monday ... 6 = Sunday; day 0 (1970-01-01) was a Thursday.
int weekday(Date d) { return ((d.days + 3) % 7 + 7) % 7; }

// The project's tasks planned into `sprint`, in board order.
std::vector<const Task*> tasks_in(const Workspace& ws, const Sprint& sprint) {
  std::vector<const Task*> tasks;
  for (const Id child : ws.children_of(sprint.parent))
    if (const Task* t = ws.find<Task>(child); t && t->sprint == sprint.id) tasks.push_back(t);
  std::sort(tasks.begin(), tasks.end(), [](const Task* a, const Task* b) {
    if (a->order != b->order) return a->order < b->order;
    return a->id < b->id;
  });
  return tasks;
}

}  // namespace

int working_days(Date first, Date last) {
  if (last < first) return 0;
  const int span = last.days - first.days + 1;
  int count = span / 7 * 5;  // whole weeks
  for (int i = 0, start = weekday(first); i < span % 7; ++i)
    if ((start + i) % 7 < 5) ++count;
  return count;
}

std::map<Id, SprintLoad> sprint_loads(const Workspace& workspace, Id project_id) {
  std::map<Id, SprintLoad> loads;
  const Project* project = workspace.find<Project>(project_id);
  if (!project) return loads;
  double capacity_per_week = 0;
  for (const Id child : workspace.children_of(project_id)) {
    if (const Sprint* sprint = workspace.find<Sprint>(child)) {
      SprintLoad& load = loads[sprint->id];
      if (sprint->start && sprint->end) load.working_days = working_days(*sprint->start, *sprint->end);
    } else if (const Person* p = workspace.find<Person>(child)) {
      capacity_per_week += p->capacity_days_per_week;
    }
  }
  for (auto& [id, load] : loads) load.capacity_days = capacity_per_week * load.working_days / 5.0;
  // One pass over the tasks (a 10k-task project has them all in one list).
  for (const Id child : workspace.children_of(project_id)) {
    const Task* task = workspace.find<Task>(child);
    if (!task || task->sprint.nil()) continue;
    const auto it = loads.find(task->sprint);
    if (it == loads.end()) continue;
    SprintLoad& load = it->second;
    ++load.tasks;
    const bool done = task->status == TaskStatus::done;
    if (done) ++load.done;
    const Estimate e = estimate_of(*project, *task);
    if (!e.buffered_days) {
      ++load.unestimated;
      continue;
    }
    load.planned_days += *e.buffered_days;
    if (!done) load.remaining_days += *e.buffered_days;
  }
  return loads;
}

SprintLoad sprint_load(const Workspace& workspace, Id sprint_id) {
  const Sprint* sprint = workspace.find<Sprint>(sprint_id);
  if (!sprint) return {};
  const auto loads = sprint_loads(workspace, sprint->parent);
  const auto it = loads.find(sprint_id);
  return it == loads.end() ? SprintLoad{} : it->second;
}

Command plan_into_sprint(const Workspace& workspace, const std::vector<Id>& tasks, Id sprint) {
  Command command;
  command.label = "Plan sprint";
  if (!sprint.nil() && !workspace.find<Sprint>(sprint)) return command;
  std::set<Id> seen;
  for (const Id id : tasks) {
    const Task* task = workspace.find<Task>(id);
    if (!task || !seen.insert(id).second) continue;
    if (task->sprint != sprint) command.ops.push_back(SetField{id, field::task::sprint, sprint});
    if (!sprint.nil() && task->status == TaskStatus::backlog)
      command.ops.push_back(SetField{id, field::task::status, std::string("todo")});
  }
  return command;
}

Command roll_over(const Workspace& workspace, Id sprint_id, Id next_sprint) {
  Command command;
  const Sprint* sprint = workspace.find<Sprint>(sprint_id);
  std::size_t moved = 0;
  const bool next_known = next_sprint.nil() || workspace.find<Sprint>(next_sprint);
  if (sprint && next_known && next_sprint != sprint_id) {
    for (const Task* task : tasks_in(workspace, *sprint)) {
      if (task->status == TaskStatus::done) continue;
      ++moved;
      command.ops.push_back(SetField{task->id, field::task::sprint, next_sprint});
      if (next_sprint.nil() && task->status == TaskStatus::todo)
        command.ops.push_back(SetField{task->id, field::task::status, std::string("backlog")});
    }
  }
  command.label = "Roll over " + std::to_string(moved) + (moved == 1 ? " unfinished task" : " unfinished tasks");
  return command;
}

}  // namespace cairn
