#pragma once
#include <set>
#include <string>

#include "ui/view_context.h"

namespace cairn::ui {

struct BacklogFilter {
  std::string text;   // in title, description or tags (case-insensitive)
  int status = -1;    // TaskStatus index, -1: any
  int stage = -1;     // Stage index, -1: any
  Id assignee;        // nil: anyone
  Id sprint;          // nil: any
  bool only_blocked = false;
  std::string tag;    // exact tag, "" : any
};

struct BacklogState {
  BacklogFilter filter;
  std::set<Id> selected;
  int sort_column = 0;
  bool sort_ascending = true;
};

// True when `task` passes the filter (shared with the command palette).
bool task_matches(const Workspace& ws, const Task& task, const BacklogFilter& filter);

// The backlog table: every task of the project, sortable and filterable,
// with multi-select (click, Ctrl+click, Shift+click) and bulk edit of
// status, stage, assignee and sprint. Rows are clipped: 10k tasks stay smooth.
void draw_backlog(ViewContext& ctx, BacklogState& state);

}  // namespace cairn::ui
