#include "ui/task_summary.h"

#include "core/estimate.h"

namespace cairn::ui {

TaskSummary summarize_task(const Workspace& ws, const Project& project, const Task& task) {
  TaskSummary s;
  for (const Id child : ws.children_of(task.id)) {
    if (const auto* item = ws.find<ChecklistItem>(child)) {
      ++s.checklist_total;
      s.checklist_done += item->done ? 1 : 0;
    } else if (const auto* blocker = ws.find<Blocker>(child)) {
      s.open_blockers += blocker->resolved ? 0 : 1;
    }
  }
  if (const auto* person = ws.find<Person>(task.assignee)) s.assignee = person->name;
  if (const auto* sprint = ws.find<Sprint>(task.sprint)) s.sprint = sprint->name;
  s.estimate = describe_estimate(estimate_of(project, task));
  s.blocked = task.status == TaskStatus::blocked || s.open_blockers > 0;
  return s;
}

}  // namespace cairn::ui
