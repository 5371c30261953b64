#include "core/timeline_input.h"

#include <algorithm>

namespace cairn {

std::vector<TimelineTask> timeline_tasks_from(const Workspace& workspace, Id project) {
  std::vector<TimelineTask> tasks;
  for (const Id child : workspace.children_of(project)) {
    const Task* t = workspace.find<Task>(child);
    if (!t) continue;
    // A milestone is a task estimated at zero days (as core/schedule_input.h counts them).
    tasks.push_back({t->id, t->start, t->due, t->status, t->stage, t->assignee, t->order,
                     t->likely_days && *t->likely_days == 0});
  }
  return tasks;
}

std::vector<Id> people_by_name(const Workspace& workspace, Id project) {
  std::vector<const Person*> people;
  for (const Id child : workspace.children_of(project))
    if (const Person* p = workspace.find<Person>(child)) people.push_back(p);
  std::sort(people.begin(), people.end(),
            [](const Person* a, const Person* b) { return a->name != b->name ? a->name < b->name : a->id < b->id; });
  std::vector<Id> ids;
  for (const Person* p : people) ids.push_back(p->id);
  return ids;
}

}  // namespace cairn
