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

SprintLoad sprint_load(const Workspace& workspace, Id sprint_id) {
  SprintLoad load;
  const Sprint* sprint = workspace.find<Sprint>(sprint_id);
  if (!sprint) return load;

  if (sprint->start && sprint->end) load.working_days = working_days(*sprint->start, *sprint->end);
  for (const Id child : workspace.children_of(sprint->parent))
    if (const Person* p = workspace.find<Person>(child))
      load.capacity_days += p->capacity_days_per_week * load.working_days / 5.0;

  for (const Task* task : tasks_in(workspace, *sprint)) {
    ++load.tasks;
    const bool done = task->status == TaskStatus::done;
    if (done) ++load.done;
    const Estimate e = estimate_of(workspace, *task);
    if (!e.buffered_days) {
      ++load.unestimated;
      continue;
    }
    load.planned_days += *e.buffered_days;
    if (!done) load.remaining_days += *e.buffered_days;
  }
  return load;
}

Command plan_into_sprint(const Workspace& workspace, const std::vector<Id>& tasks, Id sprint) {
  Command command;
  command.label = "Plan sprint";
  if (!sprint.nil() && !workspace.find<Sprint>(sprint)) return command;
  std::set<Id> seen;
  for (const Id id : tasks) {
    const Task* task = workspace.find<Task>(id);
    if (!task || !seen.insert(id).second) continue;
    if (task->sprint != sprint) command.ops.push_back(SetField{id, "sprint", sprint});
    if (!sprint.nil() && task->status == TaskStatus::backlog)
      command.ops.push_back(SetField{id, "status", std::string("todo")});
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
      command.ops.push_back(SetField{task->id, "sprint", next_sprint});
      if (next_sprint.nil() && task->status == TaskStatus::todo)
        command.ops.push_back(SetField{task->id, "status", std::string("backlog")});
    }
  }
  command.label = "Roll over " + std::to_string(moved) + (moved == 1 ? " unfinished task" : " unfinished tasks");
  return command;
}

}  // namespace cairn
