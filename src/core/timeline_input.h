#pragma once
#include <vector>

#include "core/timeline_layout.h"
#include "core/workspace.h"

namespace cairn {

// The project's tasks as the timeline layout reads them.
std::vector<TimelineTask> timeline_tasks_from(const Workspace& workspace, Id project);

// The project's people by name (then id): the order of the assignee lanes.
std::vector<Id> people_by_name(const Workspace& workspace, Id project);

}  // namespace cairn
