#include "core/postmortems.h"

#include <algorithm>

namespace cairn {
namespace {

// Appends the ops that create the task and link it; false if nothing to do.
bool add_task_ops(const Workspace& ws, IdSource& ids, const ActionItem& item, const Project& target, Command& command) {
  if (!item.task.nil() && ws.find<Task>(item.task)) return false;  // already has a live task
  const PostMortem* pm = ws.find<PostMortem>(item.parent);
  std::vector<std::pair<FieldName<Task>, Value>> fields{
      {field::task::title, item.text.empty() ? std::string("Action item") : item.text},
      {field::task::status, std::string("todo")},
      {field::task::description, "Action item of the post-mortem \xE2\x80\x9C" + (pm ? pm->title : std::string()) +
                                     "\xE2\x80\x9D" +
                                     (item.owner.empty() ? std::string() : " (owner: " + item.owner + ")") + "."}};
  if (!item.owner.empty())
    for (const Id id : ws.children_of(target.id))
      if (const Person* p = ws.find<Person>(id); p && p->name == item.owner)
        fields.emplace_back(field::task::assignee, p->id);
  const Id task = ids.next();
  command.ops.push_back(create_op<Task>(task, target.id, std::move(fields)));
  command.ops.push_back(SetField{item.id, field::action_item::task, task});
  return true;
}

}  // namespace

std::vector<const Gate*> postmortem_suggestions(const Workspace& ws, Id project, Date today) {
  std::vector<const Gate*> gates;
  for (const Id id : ws.children_of(project)) {
    const Gate* g = ws.find<Gate>(id);
    if (!g || postmortem_of_gate(ws, project, g->id)) continue;
    const bool failed = g->decision == GateDecision::kill || g->decision == GateDecision::pivot;
    const bool missed = g->decision == GateDecision::pending && g->due && *g->due < today;
    if (failed || missed) gates.push_back(g);
  }
  std::sort(gates.begin(), gates.end(), [](const Gate* a, const Gate* b) {
    return a->due != b->due ? a->due < b->due : a->id < b->id;
  });
  return gates;
}

const PostMortem* postmortem_of_gate(const Workspace& ws, Id project, Id gate) {
  for (const Id id : ws.children_of(project))
    if (const PostMortem* pm = ws.find<PostMortem>(id); pm && pm->subject == gate) return pm;
  return nullptr;
}

Command action_item_task(const Workspace& ws, IdSource& ids, Id action_item, Id target) {
  Command command;
  const ActionItem* item = ws.find<ActionItem>(action_item);
  const Project* project = ws.find<Project>(target);
  if (!item || !project) return command;
  add_task_ops(ws, ids, *item, *project, command);
  command.label = "Create task from action item";
  return command;
}

Command action_item_tasks(const Workspace& ws, IdSource& ids, Id post_mortem, Id target) {
  Command command;
  const Project* project = ws.find<Project>(target);
  if (!project || !ws.find<PostMortem>(post_mortem)) return command;
  std::vector<const ActionItem*> items;
  for (const Id id : ws.children_of(post_mortem))
    if (const ActionItem* item = ws.find<ActionItem>(id)) items.push_back(item);
  std::sort(items.begin(), items.end(), [](const ActionItem* a, const ActionItem* b) { return a->id < b->id; });
  for (const ActionItem* item : items) add_task_ops(ws, ids, *item, *project, command);
  command.label = "Create tasks from action items";
  return command;
}

}  // namespace cairn
