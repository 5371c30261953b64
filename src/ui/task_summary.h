#pragma once
#include <string>

#include "core/workspace.h"

namespace cairn::ui {

// What cards and rows show about a task, gathered in one pass over its children.
struct TaskSummary {
  int checklist_done = 0;
  int checklist_total = 0;
  int open_blockers = 0;
  std::string assignee;  // the person's name, or ""
  std::string estimate;  // "4.0 d → 6.0 d with ×1.5 buffer", "not estimated"
  std::string sprint;    // the sprint's name, or ""
  bool blocked = false;  // status blocked or an open blocker
};

TaskSummary summarize_task(const Workspace& ws, const Project& project, const Task& task);

}  // namespace cairn::ui
