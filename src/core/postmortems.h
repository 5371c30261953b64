#pragma once
// Post-mortems: which gates deserve one, and turning action items into
// tasks of any project (each task and its link in one command, so one undo
// removes both).
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/model.h"
#include "core/workspace.h"

namespace cairn {

// The root-cause categories a post-mortem can tick, in display order.
inline constexpr std::string_view kRootCauses[] = {"data_quality", "communication", "hardware", "scope", "other"};

// Gates of the project that call for a post-mortem and have none yet:
// decided kill or pivot, or past due (before `today`) without a decision.
std::vector<const Gate*> postmortem_suggestions(const Workspace& ws, Id project, Date today);

// The post-mortem about a gate, or null.
const PostMortem* postmortem_of_gate(const Workspace& ws, Id project, Id gate);

// Creates a task in `target` from an action item and links the item to it,
// in one command. The task is assigned to the target project's person whose
// name is the item's owner, if there is one. Empty command when the item is
// unknown, already has a task, or `target` is not a project.
Command action_item_task(const Workspace& ws, IdSource& ids, Id action_item, Id target);
// The same for every action item of a post-mortem that has no task yet, in
// one command.
Command action_item_tasks(const Workspace& ws, IdSource& ids, Id post_mortem, Id target);

}  // namespace cairn
